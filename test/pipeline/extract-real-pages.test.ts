// Extraction on real pages nobody in the project wrote: ../shared/data/pages-zh, read in place
// (never copied here). The floor (mean F1 >= 0.95, no page below 0.60) is far under today's
// figures (docs/extraction.md), so a failure here is a regression, not noise.
// Without ../shared the whole file says so and skips; the fixture tests still run.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { loadRealPages, evaluatePage, type EvalPage, type PageResult } from '../../pipeline/extract-eval.ts';
import { scorePage, summarize } from '../../pipeline/extract-score.ts';
import { extractPage } from '../../pipeline/process-page.ts';
import { parseYamlText, sourceSchema } from '../../pipeline/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES_DIR = path.resolve(ROOT, '../shared/data/pages-zh');
const pages = loadRealPages(PAGES_DIR);
if (!pages) console.warn(`extract-real-pages: ${PAGES_DIR} is absent: the real-page extraction tests are skipped`);
const page = (slug: string): EvalPage => {
  const p = pages!.find((x) => x.slug === slug);
  if (!p) throw new Error(`${slug} is not in ${PAGES_DIR}`);
  return p;
};

describe.skipIf(!pages)(`real pages from ${path.relative(ROOT, PAGES_DIR)}${pages ? '' : ' (absent: skipped)'}`, () => {
  let results: PageResult[] = [];
  beforeAll(() => { results = pages!.map((p) => evaluatePage(p, false)); });

  it('scores mean F1 >= 0.95 on the gold pages, and no page below 0.60', () => {
    const gold = results.filter((r) => r.oursScore);
    expect(gold.length).toBeGreaterThanOrEqual(10);
    const summary = summarize(gold.map((r) => r.oursScore!));
    const low = gold.filter((r) => r.oursScore!.f1 < 0.6).map((r) => `${r.page.slug} ${r.oursScore!.f1.toFixed(3)}`);
    expect(low, 'pages below the floor').toEqual([]);
    expect(summary.meanF1).toBeGreaterThanOrEqual(0.95);
  });

  it('finds an article on every real page, gold or not', () => {
    const failed = results.filter((r) => r.ours.error).map((r) => `${r.page.slug}: ${r.ours.error}`);
    expect(failed).toEqual([]);
  });

  it('scores as the set\'s own scorer does', async () => {
    const scorer = path.join(PAGES_DIR, 'score.mjs');
    const theirs = (await import(pathToFileURL(scorer).href)) as { scorePage: (gold: string, pred: string) => { f1: number; paraRecall: number } };
    for (const r of results.filter((x) => x.page.gold).slice(0, 6)) {
      const pred = r.ours.paragraphs.join('\n');
      // A prediction with a paragraph missing and a stray line, so the two scorers are compared off the diagonal too.
      const damaged = [...r.ours.paragraphs.slice(1), '相关阅读 网友评论 回复 举报'].join('\n');
      for (const text of [pred, damaged, '']) {
        const ours = scorePage(r.page.gold!, text), set = theirs.scorePage(r.page.gold!, text);
        expect(ours.f1).toBeCloseTo(set.f1, 10);
        expect(ours.paraRecall).toBeCloseTo(set.paraRecall, 10);
      }
    }
  });

  describe('the editor\'s extract hints in a source list stay the override', () => {
    const hintsFor = (yamlText: string) => parseYamlText('sources.yaml', yamlText, z.object({ sources: z.array(sourceSchema) })).sources[0]!.extract;
    const sourceYaml = (extract: string) => `sources:\n  - id: outlet\n    name: 某报\n    kind: page\n    url: http://www.example.cn/a.html\n    extract: ${extract}\n`;

    it('remove: drops what the editor names (photo captions in <center>) and the score rises', () => {
      const p = page('cjddsb-1');
      const without = extractPage({ url: p.url, bytes: p.bytes, timeZone: 'Asia/Shanghai' });
      const withHint = extractPage({ url: p.url, bytes: p.bytes, timeZone: 'Asia/Shanghai', hints: hintsFor(sourceYaml('{ remove: [".single-content center"] }')) });
      if (!without.ok || !withHint.ok) throw new Error('extraction failed');
      expect(without.extracted.paragraphs).toContain('活动现场');
      expect(withHint.extracted.paragraphs).not.toContain('活动现场');
      expect(scorePage(p.gold!, withHint.extracted.text).f1).toBeGreaterThan(scorePage(p.gold!, without.extracted.text).f1);
    });

    it('remove: wins even over the article itself, and what is left is refused with the reason', () => {
      const p = page('sina-4');
      const result = extractPage({ url: p.url, bytes: p.bytes, timeZone: 'Asia/Shanghai', hints: hintsFor(sourceYaml('{ remove: ["#artibody"] }')) });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('no-article');
        expect(result.message).toMatch(/teaser list|reader comments|blurb/);
      }
    });

    it('content: takes the editor\'s element as the body as it stands, Readability not asked', () => {
      const p = page('sina-4');
      const plain = extractPage({ url: p.url, bytes: p.bytes, timeZone: 'Asia/Shanghai' });
      const result = extractPage({ url: p.url, bytes: p.bytes, timeZone: 'Asia/Shanghai', hints: hintsFor(sourceYaml('{ content: "#artibody" }')) });
      if (!result.ok || !plain.ok) throw new Error('extraction failed');
      expect(result.extracted.text).toContain('新浪科技讯 北京时间9月11日凌晨消息');
      // The video player's button labels inside #artibody: Readability cleans them away, the editor's element keeps them.
      expect(result.extracted.paragraphs).toContain('向前 向后');
      expect(plain.extracted.paragraphs).not.toContain('向前 向后');
    });
  });
});

describe('the real-page set', () => {
  it(fs.existsSync(PAGES_DIR) ? `is read from ${PAGES_DIR}` : `is absent at ${PAGES_DIR}: its tests above are skipped`, () => {
    expect(pages === undefined).toBe(!fs.existsSync(PAGES_DIR));
  });
});
