// Coverage grouping on real headlines nobody in the project wrote (../shared/data/real-zh): the
// relevant ones, dated, from several platforms. What must hold on real input: reports of a
// development are grouped, and grouping never chains loosely related reports into a blob.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { groupDevelopments, DEFAULT_GROUP_OPTIONS, type GroupItem } from '../../pipeline/group.ts';
import { normalizeText } from '../../pipeline/normalize.ts';
import { analyzeArticle } from '../../pipeline/analyze.ts';
import { realAnalysisConfig } from '../helpers/analysis-config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = path.resolve(ROOT, '../shared/data/real-zh/positives.jsonl');
const missing = !fs.existsSync(FILE);
if (missing) console.warn(`group-real: ${FILE} not found (../shared is missing); the real-headline grouping checks are skipped`);

describe.skipIf(missing)('grouping real headlines', () => {
  const items: GroupItem[] = [];
  if (!missing) {
    // Keywords as the ingest stores them: from the analysis stage.
    const config = realAnalysisConfig();
    for (const line of fs.readFileSync(FILE, 'utf8').trim().split('\n')) {
      const r = JSON.parse(line) as { id: string; title: string; text?: string; source: string; date?: string; relevant: boolean };
      if (!r.relevant || !r.date) continue;
      const title = normalizeText(r.title);
      items.push({ id: r.id, published: /T/.test(r.date) ? r.date : `${r.date}T12:00:00+08:00`, outletId: r.source.split(':')[0]!, title, keywords: analyzeArticle({ title: r.title, text: r.text ?? '' }, config).keywords });
    }
  }
  const groups = groupDevelopments(items);
  const byId = new Map(items.map((i) => [i.id, i]));
  const sizes = groups.map((g) => g.articles.length);
  console.log(`group-real: ${items.length} headlines → ${groups.length} developments, ${sizes.filter((n) => n > 1).length} of two or more, largest ${Math.max(...sizes)}`);

  it('groups some coverage and leaves most headlines alone', () => {
    expect(items.length).toBeGreaterThan(50);
    expect(sizes.filter((n) => n > 1).length).toBeGreaterThanOrEqual(5);
    expect(groups.length).toBeGreaterThan(items.length * 0.6);
  });

  it('never chains: no development is large, or longer than the window', () => {
    for (const g of groups) {
      expect(g.articles.length, g.articles.map((id) => byId.get(id)!.title).join(' | ')).toBeLessThanOrEqual(8);
      const times = g.articles.map((id) => Date.parse(byId.get(id)!.published));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(DEFAULT_GROUP_OPTIONS.windowDays * 86_400_000);
    }
  });

  it('groups reports that share the development\'s distinctive words, not only the company\'s name', () => {
    for (const g of groups.filter((x) => x.articles.length > 1)) {
      const words = g.articles.map((id) => new Set(byId.get(id)!.keywords.filter((k) => !/^(小米|小米汽车|小米su7|su7|雷军)$/i.test(k))));
      const shared = [...words[0]!].filter((w) => words.slice(1).some((s) => s.has(w)));
      const titles = g.articles.map((id) => byId.get(id)!.title);
      expect(shared.length > 0 || titles.some((t, i) => titles.some((u, j) => i !== j && overlap(t, u) >= 4)), titles.join(' | ')).toBe(true);
    }
  });
});

/** Characters pairs two titles share. */
function overlap(a: string, b: string): number {
  const pairs = (s: string) => new Set([...s].map((c, i, all) => c + (all[i + 1] ?? '')).filter((p) => p.length === 2));
  const pb = pairs(b);
  return [...pairs(a)].filter((p) => pb.has(p)).length;
}
