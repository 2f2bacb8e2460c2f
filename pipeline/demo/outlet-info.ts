// Static facts about the five demo outlets (no templates here: see outlets.ts).

export type OutletId = 'cheping' | 'kejiqianxian' | 'nanfang' | 'gangao' | 'chengshi';

export const OUTLET_IDS: readonly OutletId[] = ['cheping', 'kejiqianxian', 'nanfang', 'gangao', 'chengshi'];

export interface OutletInfo {
  id: OutletId;
  name: string;
  /** Script the outlet publishes in. */
  script: 'hans' | 'hant';
  /** Encoding of the HTML pages. */
  pageEncoding: 'utf-8' | 'gbk' | 'big5';
  /** What the outlet offers for discovery. */
  feed: { kind: 'rss' | 'atom' | 'page-list'; path: string };
  /** Domain printed in footers and ICP lines (cosmetic only). */
  domain: string;
}

export const OUTLETS: Record<OutletId, OutletInfo> = {
  cheping: {
    id: 'cheping',
    name: '车评日报',
    script: 'hans',
    pageEncoding: 'utf-8',
    feed: { kind: 'rss', path: '/cheping/rss.xml' },
    domain: 'chepingribao.example.cn',
  },
  kejiqianxian: {
    id: 'kejiqianxian',
    name: '科技前线',
    script: 'hans',
    pageEncoding: 'utf-8',
    feed: { kind: 'atom', path: '/kejiqianxian/atom.xml' },
    domain: 'kjqx.example.com',
  },
  nanfang: {
    id: 'nanfang',
    name: '南方车闻',
    script: 'hans',
    pageEncoding: 'gbk',
    feed: { kind: 'rss', path: '/nanfang/rss.xml' },
    domain: 'nfcw.example.cn',
  },
  gangao: {
    id: 'gangao',
    name: '港澳車訊',
    script: 'hant',
    pageEncoding: 'big5',
    feed: { kind: 'rss', path: '/gangao/rss.xml' },
    domain: 'gangaocar.example.hk',
  },
  chengshi: {
    id: 'chengshi',
    name: '城市财经',
    script: 'hans',
    pageEncoding: 'utf-8',
    feed: { kind: 'page-list', path: '/chengshi/news/' },
    domain: 'csfinance.example.cn',
  },
};
