// OPML in the shapes feed readers export (fixtures written here after Miniflux's and Feedly's
// export layouts), OPML out, and bad files reported at their line.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { OpmlError, parseOpml, toOpml } from '../../pipeline/opml.ts';
import { addFeeds, idFromUrl } from '../../pipeline/sources-file.ts';
import { parseYamlText, schemas } from '../../pipeline/config.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/opml');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const opmlError = (text: string): OpmlError => {
  try { parseOpml(text); } catch (e) { expect(e).toBeInstanceOf(OpmlError); return e as OpmlError; }
  throw new Error('accepted');
};

describe('parseOpml', () => {
  it('reads nested folders (Miniflux shape): every feed with its folder, entities decoded, the line of each', () => {
    const { title, feeds, skipped } = parseOpml(read('miniflux-shape.opml'));
    expect(title).toBe('Miniflux');
    expect(feeds.map((f) => [f.name, f.category, f.line])).toEqual([
      ['车评周刊', '汽车', 9], ['新能源观察', '汽车', 10], ['IT之家', '科技', 13], ['数码前哨 & 评测', '科技', 14],
    ]);
    expect(feeds.find((f) => f.url.endsWith('/feed/atom'))?.kind).toBe('atom');
    expect(feeds.find((f) => f.name === 'IT之家')?.kind).toBe('rss');
    expect(skipped).toEqual([]);
  });

  it('reads self-closing outlines at any depth (Feedly shape) and skips, by line, what is not an http feed', () => {
    const { feeds, skipped } = parseOpml(read('feedly-shape.opml'));
    expect(feeds.map((f) => f.name)).toEqual(['车评周刊', '地方车讯', '地方车讯 · 评论', '财经早知道']);
    expect(feeds.at(-1)?.category).toBeUndefined();
    expect(skipped).toEqual([
      { line: 11, why: expect.stringContaining('mailto:news@example.cn" is not an http or https URL') },
      { line: 12, why: expect.stringContaining('has no xmlUrl') },
    ]);
  });

  it.each([
    ['unclosed-tag.opml', 8, /unexpected close tag \(<outline> from line 5 is never closed\)/],
    ['bad-ampersand.opml', 5, /a bare "&" \(write it as &amp;\)/],
    ['not-opml.xml', 2, /root element is <rss>, not <opml>/],
  ])('%s → an error at line %i saying what is wrong', (file, line, problem) => {
    const error = opmlError(read(file));
    expect(error.line).toBe(line);
    expect(error.message).toMatch(problem);
  });

  it('an empty file, and an <opml> with no <body>, are errors too', () => {
    expect(opmlError('').message).toMatch(/must contain a root element/);
    expect(opmlError('<?xml version="1.0"?>\n<opml version="2.0">\n<head/>\n</opml>\n').message).toMatch(/no <body>/);
  });
});

describe('toOpml', () => {
  const source = (id: string, name: string, url: string, kind: 'rss' | 'atom' | 'page' = 'rss') =>
    ({ id, name, kind, url, enabled: true, allowPrivateNetwork: false, fullText: false, fictional: false });

  it('writes OPML 2.0 that reads back to the same feeds, escaping names; page sources are left out', () => {
    const sources = [source('a', '车评 & "周刊" <快讯>', 'https://a.example.cn/rss?x=1&y=2'), source('b', 'B', 'https://b.example.cn/atom.xml', 'atom'), source('c', 'C', 'https://c.example.cn/news/1.html', 'page')];
    const text = toOpml(sources, { title: '测试', now: new Date('2026-12-04T00:00:00Z') });
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    const back = parseOpml(text);
    expect(back.title).toBe('测试');
    expect(back.feeds.map((f) => [f.name, f.url, f.kind])).toEqual([
      ['车评 & "周刊" <快讯>', 'https://a.example.cn/rss?x=1&y=2', 'rss'],
      ['B', 'https://b.example.cn/atom.xml', 'atom'],
    ]);
  });
});

describe('addFeeds', () => {
  const EDITOR_FILE = '# 编辑的说明：这些来源已核对\nsources:\n  # 车评：核对于十一月\n  - id: cheping\n    name: 车评周刊\n    kind: rss\n    url: https://cheping.example.cn/rss.xml\n';

  it('appends disabled entries with a comment, keeps the editor\'s comments, skips URLs already listed', () => {
    const { feeds } = parseOpml(read('feedly-shape.opml'));
    const result = addFeeds(EDITOR_FILE, feeds, { enabled: false, from: 'feedly.opml' });
    expect(result.text.startsWith(EDITOR_FILE)).toBe(true);
    expect(result.skipped).toEqual([{ url: 'https://cheping.example.cn/rss.xml', line: 8, why: 'already listed as "cheping"' }]);
    expect(result.added.map((a) => a.id)).toEqual(['difang-example-news', 'difang-example-opinion', 'caijing-example']);
    expect(result.text).toContain('  # imported from feedly.opml (folder: Cars); check it, then set enabled: true\n  - id: difang-example-news\n');
    const parsed = parseYamlText('sources.yaml', result.text, schemas.sourcesFileSchema);
    expect(parsed.sources.filter((s) => !s.enabled).map((s) => s.id)).toEqual(result.added.map((a) => a.id));
    // Importing the same list again adds nothing.
    expect(addFeeds(result.text, feeds, { enabled: false, from: 'feedly.opml' }).added).toEqual([]);
  });

  it('starts a file from nothing, or from `sources: []`, in block style', () => {
    const feeds = parseOpml(read('miniflux-shape.opml')).feeds;
    for (const start of ['', 'sources: []\n']) {
      const { text, added } = addFeeds(start, feeds, { enabled: true, from: 'm.opml' });
      expect(added).toHaveLength(4);
      expect(text).toMatch(/^sources:\n {2}# imported from m\.opml \(folder: 汽车\)\n {2}- id: /);
      expect(parseYamlText('s.yaml', text, schemas.sourcesFileSchema).sources.every((s) => s.enabled)).toBe(true);
    }
  });

  it('makes readable ids from URLs and never reuses one', () => {
    expect(idFromUrl('https://www.ithome.com/rss/')).toBe('ithome');
    expect(idFromUrl('https://rsshub.app/thepaper/channel/119908')).toBe('rsshub-thepaper-channel-119908');
    expect(idFromUrl('https://tech.sina.com.cn/roll/index.xml')).toBe('tech-sina-roll');
    const twice = [{ name: 'A', url: 'https://a.example.cn/rss', kind: 'rss' as const }, { name: 'A2', url: 'https://a.example.cn/feed', kind: 'rss' as const }];
    expect(addFeeds('', twice, { enabled: false, from: 'x' }).added.map((a) => a.id)).toEqual(['a-example', 'a-example-2']);
  });
});
