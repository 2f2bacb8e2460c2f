// Bytes in the wrong charset, undeclared, or not text at all: decodeBytes directly, then the
// same pages through a full ingest to show what reaches content/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../pipeline/decode.ts';
import { StageError } from '../../pipeline/reasons.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, filesUnder, ingest, itemFor, markdownBody, rssFeed, RSS_HEADERS, tempDir, writeSources } from './support.ts';

const SIMPLIFIED = '小米SU7锁单后定金不退，不少车主投诉误触锁单，要求退订退款。';
const TRADITIONAL = '小米SU7鎖單後訂金不退，不少車主投訴誤觸鎖單，要求退訂退款。這個問題引發關注。';

function garbage(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 12345;
  for (let i = 0; i < length; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; bytes[i] = x & 0xff; }
  return bytes;
}

function refusal(fn: () => unknown): StageError {
  try { fn(); } catch (e) { expect(e).toBeInstanceOf(StageError); return e as StageError; }
  throw new Error('expected a StageError');
}

describe('encoding: decodeBytes', () => {
  it('GBK with no charset anywhere → kept, read as GB18030, with a warning', () => {
    const d = decodeBytes(iconv.encode(`<html><body><p>${SIMPLIFIED}</p></body></html>`, 'gbk'));
    expect(d.text).toContain(SIMPLIFIED);
    expect(d.charset).toBe('gb18030');
    expect(d.warnings.join()).toMatch(/no charset declared/);
  });

  it('Big5 declared in the Content-Type header → kept, read as Big5, no warning', () => {
    const d = decodeBytes(iconv.encode(TRADITIONAL, 'big5'), 'text/html; charset=Big5');
    expect(d).toMatchObject({ text: TRADITIONAL, charset: 'big5', from: 'header', warnings: [] });
  });

  it('Big5 with no declaration → kept, told apart from GB18030 (both decode; Big5 reads as Chinese)', () => {
    const d = decodeBytes(iconv.encode(TRADITIONAL, 'big5'));
    expect(d.text).toBe(TRADITIONAL);
    expect(d.charset).toBe('big5');
  });

  it('header says UTF-8, bytes are GBK → kept, read as GB18030, the lie reported', () => {
    const d = decodeBytes(iconv.encode(SIMPLIFIED, 'gbk'), 'text/html; charset=utf-8');
    expect(d.text).toBe(SIMPLIFIED);
    expect(d.charset).toBe('gb18030');
    expect(d.warnings.join()).toMatch(/declared utf-8 \(header\) does not fit/);
  });

  it('<meta charset="gb2312"> and no header → kept, read as GB18030 (the superset)', () => {
    const d = decodeBytes(iconv.encode(`<html><head><meta charset="gb2312"></head><body>${SIMPLIFIED}</body></html>`, 'gbk'));
    expect(d).toMatchObject({ charset: 'gb18030', from: 'meta', warnings: [] });
    expect(d.text).toContain(SIMPLIFIED);
  });

  it('UTF-8 BOM with a header claiming GBK → the BOM wins, and is stripped', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]), 'text/html; charset=gbk');
    expect(d).toMatchObject({ text: SIMPLIFIED, charset: 'utf-8', from: 'bom' });
  });

  it('UTF-16LE with a BOM and no declaration → kept, BOM stripped', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SIMPLIFIED, 'utf16le')]));
    expect(d).toMatchObject({ text: SIMPLIFIED, charset: 'utf-16le', from: 'bom' });
  });

  it('undecodable garbage → refused: bad-encoding', () => {
    const e = refusal(() => decodeBytes(garbage(8_000), 'text/html; charset=utf-8'));
    expect(e.reason).toBe('bad-encoding');
    expect(e.message).toMatch(/undecodable characters/);
  });

  it('one stray bad byte in a UTF-8 page → kept, U+FFFD in its place, warning', () => {
    const bytes = Buffer.concat([Buffer.from(SIMPLIFIED.repeat(20)), Buffer.from([0xff]), Buffer.from(SIMPLIFIED)]);
    const d = decodeBytes(bytes, 'text/html; charset=utf-8');
    expect(d.text).toContain('\uFFFD');
    expect(d.warnings.join()).toMatch(/bad-encoding: 1 undecodable/);
  });

  it('an unknown charset label → ignored with a warning, the bytes still decoded', () => {
    const d = decodeBytes(Buffer.from(SIMPLIFIED), 'text/html; charset=x-klingon');
    expect(d.text).toBe(SIMPLIFIED);
    expect(d.warnings.join()).toMatch(/unknown charset "x-klingon"/);
  });

  it('a code page browsers do not know (cp850) declared on UTF-8 Chinese → read as UTF-8, as a browser shows it, with a warning', () => {
    const d = decodeBytes(Buffer.from(`<html><head><meta charset="cp850"></head><body><p>${SIMPLIFIED}</p></body></html>`));
    expect(d.text).toContain(SIMPLIFIED);
    expect(d.charset).toBe('utf-8');
    expect(d.warnings.join()).toMatch(/declared cp850 \(meta\), but the bytes are UTF-8/);
  });
});

describe('encoding: through a full ingest', () => {
  let server: FixtureServer;
  let report: Awaited<ReturnType<typeof ingest>>;
  let dir: string;
  const gbkTitle = '小米SU7锁单定金不退，GBK页面无声明';
  const big5Title = '小米SU7鎖單訂金不退，車主投訴';
  beforeAll(async () => {
    dir = tempDir('enc');
    const gbkPage = iconv.encode(articlePage({ title: gbkTitle, tag: 'gbk' }).replace('<meta charset="utf-8">', ''), 'gbk');
    const big5Page = iconv.encode(articlePage({
      title: big5Title,
      paragraphs: ['3月28日晚，小米汽車在北京舉行發布會，小米SU7正式上市。用戶支付5000元訂金即可下單，鎖單後訂金不退。', '不少車主投訴誤觸鎖單，要求退訂退款。小米客服回應稱，鎖單後訂金不可退。', '有業內人士指出，優先購車權在二手平台被加價轉讓，小米聲明訂單嚴禁轉售。'],
    }).replace('<meta charset="utf-8">', ''), 'big5');
    server = await startFixtureServer({
      '/feed.xml': { headers: RSS_HEADERS, body: rssFeed([{ title: 'gbk', link: '/gbk.html' }, { title: 'big5', link: '/big5.html' }, { title: 'lie', link: '/lie.html' }, { title: 'junk', link: '/junk.html' }]) },
      '/gbk.html': { headers: { 'content-type': 'text/html' }, body: gbkPage },
      '/big5.html': { headers: { 'content-type': 'text/html; charset=big5' }, body: big5Page },
      '/lie.html': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: iconv.encode(articlePage({ title: '小米SU7锁单定金不退，头部谎称UTF-8', tag: 'lie' }).replace('<meta charset="utf-8">', ''), 'gbk') },
      '/junk.html': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: garbage(20_000) },
    });
    const sources = writeSources(dir, [{ id: 'enc', url: server.url('/feed.xml') }]);
    report = await ingest(`${dir}/content`, sources);
  });
  afterAll(async () => { await server.close(); });

  it('GBK page without a declaration → stored, readable Chinese in the Markdown', () => {
    expect(itemFor(report, '/gbk.html').outcome).toBe('new');
    const file = filesUnder(`${dir}/content/articles`, /^enc-gbk-/)[0]!;
    expect(fs.readFileSync(file, 'utf8')).toContain(gbkTitle);
    expect(markdownBody(file)).toContain('锁单后定金不退');
  });

  it('Big5 page declared in the header → stored in Traditional script', () => {
    expect(itemFor(report, '/big5.html').outcome).toBe('new');
    const file = filesUnder(`${dir}/content/articles`, /^enc-big5-/)[0]!;
    expect(fs.readFileSync(file, 'utf8')).toMatch(/script: hant/);
    expect(markdownBody(file)).toContain('鎖單後訂金不退');
  });

  it('GBK bytes under a UTF-8 header → stored, the mismatch kept as a warning on the article', () => {
    expect(itemFor(report, '/lie.html').outcome).toBe('new');
    const file = filesUnder(`${dir}/content/articles`, /^enc-lie-/)[0]!;
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('头部谎称UTF-8');
    expect(text).toMatch(/reason: bad-encoding/);
  });

  it('garbage bytes → item failed: bad-encoding, nothing stored for it', () => {
    expect(itemFor(report, '/junk.html')).toMatchObject({ outcome: 'failed', reason: 'bad-encoding' });
    expect(filesUnder(`${dir}/content/articles`, /^enc-junk-/)).toEqual([]);
  });
});
