import { describe, it, expect } from 'vitest';
import { findPrimarySources } from '../../pipeline/primary-sources.ts';

describe('findPrimarySources', () => {
  it('finds the URLs an article gives, labelled by the clause that points to them', () => {
    const found = findPrimarySources([
      '某车企当晚在官方微博发布说明，全文见 https://weibo.example/auto/4980001。说明称将延长犹豫期。',
      '法院公告（https://court.example/notice/2025-118.html）载明了判决要点；投诉页面：https://complaints.example/q/123，',
    ], 'https://news.example/a/1.html');
    expect(found).toEqual([
      { url: 'https://weibo.example/auto/4980001', label: '某车企当晚在官方微博发布说明' },
      { url: 'https://court.example/notice/2025-118.html', label: '法院公告' },
      { url: 'https://complaints.example/q/123', label: '投诉页面' },
    ]);
  });

  it('names the source after the pointing word', () => {
    expect(findPrimarySources(['说明全文见某车企官方微博 https://weibo.example/1 。'], 'https://news.example/a')[0]!.label).toBe('某车企官方微博');
    expect(findPrimarySources(['說明全文見某車企官方微博 https://weibo.example/1 。'], 'https://news.example/a')[0]!.label).toBe('某車企官方微博');
  });

  it('skips the outlet\'s own pages and repeats, and falls back to the host', () => {
    const found = findPrimarySources(['相关报道 https://news.example/a/2.html。数据 https://data.example/x 以及 https://data.example/x。', '。https://stats.example/y'], 'https://news.example/a/1.html');
    expect(found).toEqual([{ url: 'https://data.example/x', label: '数据' }, { url: 'https://stats.example/y', label: 'stats.example' }]);
  });

  it('finds nothing in text without URLs', () => {
    expect(findPrimarySources(['没有链接的一段话。'], 'https://news.example/a/1.html')).toEqual([]);
  });
});
