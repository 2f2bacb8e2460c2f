import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalysisConfig } from '../../pipeline/config.ts';
import { entryEffect, rightDecisions, ruleEntries } from '../../pipeline/rule-audit.ts';

const zibo = loadAnalysisConfig(path.resolve(import.meta.dirname, '../../examples/zibo-bbq/config')).topics;

describe('ruleEntries', () => {
  it('lists every phrase, pattern, negative context, out-of-scope phrase, subject word, spelling and whole word once', () => {
    const entries = ruleEntries(zibo);
    const expected = zibo.topics.reduce((n, t) => n + t.phrases.length + t.patterns.length + t.negative.length, 0)
      + zibo.relevance.offTopic.reduce((n, k) => n + k.phrases.length, 0)
      + zibo.relevance.subject.names.length + zibo.relevance.subject.brand.length + zibo.relevance.subject.context.length
      + Object.keys(zibo.spelling).length + zibo.wholeWords.length;
    expect(entries).toHaveLength(expected);
    expect(new Set(entries.map((e) => e.entry)).size).toBe(entries.length);
  });

  it('gives the rules without exactly that entry and leaves the rules themselves alone', () => {
    const first = zibo.topics[0]!.phrases[0]!;
    const entry = ruleEntries(zibo).find((e) => e.entry === `${zibo.topics[0]!.id} phrase ${first.text} (${first.weight})`)!;
    const without = entry.without();
    expect(without.topics[0]!.phrases).toHaveLength(zibo.topics[0]!.phrases.length - 1);
    expect(without.topics[0]!.phrases.some((p) => p.text === first.text)).toBe(false);
    expect(zibo.topics[0]!.phrases[0]).toBe(first);
    const spelling = Object.keys(zibo.spelling)[0]!;
    expect(ruleEntries(zibo).find((e) => e.entry.startsWith(`spelling ${spelling} `))!.without().spelling[spelling]).toBeUndefined();
    expect(zibo.spelling[spelling]).toBeDefined();
  });
});

describe('entryEffect', () => {
  const topicIds = ['a', 'b'];
  const labels = [
    { id: 'x', relevant: true, topics: ['a'] },
    { id: 'y', relevant: false, topics: [] },
    { id: 'z', relevant: true, topics: ['b'] },
  ] as never[];

  it('counts right decisions: relevance and each topic', () => {
    expect(rightDecisions(labels[0]!, { relevant: true, topics: ['a'] }, topicIds)).toBe(3);
    expect(rightDecisions(labels[0]!, { relevant: true, topics: ['b'] }, topicIds)).toBe(1);
    expect(rightDecisions(labels[1]!, { relevant: false, topics: [] }, topicIds)).toBe(3);
  });

  it('counts the items that change and whether the entry helps (net > 0) or costs (net < 0)', () => {
    const base = [{ relevant: true, topics: ['a'] }, { relevant: false, topics: [] }, { relevant: true, topics: ['b'] }];
    // Without the entry x loses its topic and y is kept: the entry was right twice over.
    const helps = entryEffect('e', labels, base, [{ relevant: false, topics: [] }, { relevant: true, topics: ['a'] }, base[2]!], topicIds);
    expect(helps).toEqual({ entry: 'e', changed: 2, net: 2 + 2, items: ['x', 'y'] });
    // With the entry z carries a wrong topic that it does not carry without it: the entry costs.
    const costs = entryEffect('f', labels, [base[0]!, base[1]!, { relevant: true, topics: ['a', 'b'] }], base, topicIds);
    expect(costs.changed).toBe(1);
    expect(costs.net).toBe(-1);
    // Topic order does not count as a change.
    expect(entryEffect('g', labels.slice(0, 1), [{ relevant: true, topics: ['a', 'b'] }], [{ relevant: true, topics: ['b', 'a'] }], topicIds).changed).toBe(0);
  });
});
