import { describe, it, expect } from 'vitest';
import { applyCorrection } from '../../pipeline/corrections.ts';
import { parseYamlText, schemas, ConfigError, correctionsFileSchemaFor } from '../../pipeline/config.ts';
import type { Article } from '../../src/schema/article.ts';

const article: Article = {
  id: 'cheping-su7-abc12345', title: '标题', outlet: { id: 'cheping', name: '车评日报' },
  url: 'http://127.0.0.1/a.html', canonicalUrl: 'http://127.0.0.1/a.html',
  published: '2024-03-29T10:00:00+08:00', fetched: '2024-03-29T11:00:00+08:00', lang: 'zh', script: 'hans',
  relevance: { relevant: true, score: 9 }, topics: ['sales', 'refunds'],
  evidence: [{ topic: 'sales', sentence: '大定88898台。', score: 3 }, { topic: 'refunds', sentence: '定金不退。', score: 3 }],
  summary: '摘要', keywords: [], figures: [], disputes: [], nearDuplicates: [], corrections: [], messages: [], contentHash: 'a'.repeat(32),
};

describe('corrections', () => {
  it('overrides topics, keeping the evidence of the topics that remain, with a note for readers', () => {
    const fixed = applyCorrection(article, { article: article.id, topics: ['refunds', 'disputes'], note: '编辑核实：本文不涉及销量' });
    expect(fixed.topics).toEqual(['refunds', 'disputes']);
    expect(fixed.evidence.map((e) => e.topic)).toEqual(['refunds']);
    expect(fixed.corrections).toEqual([{ field: 'topics', note: '编辑核实：本文不涉及销量' }]);
  });

  it('overrides the date and the original', () => {
    const fixed = applyCorrection(article, { article: article.id, published: '2024-03-28T22:00:00+08:00', original: 'other-id', note: '以首发为准' });
    expect(fixed.published).toBe('2024-03-28T22:00:00+08:00');
    expect(fixed.reprintOf).toBe('other-id');
    expect(fixed.corrections.map((c) => c.field)).toEqual(['published', 'reprintOf']);
  });

  it('clears stale correction notes when no correction applies', () => {
    expect(applyCorrection({ ...article, corrections: [{ field: 'topics', note: 'old' }] }, undefined).corrections).toEqual([]);
  });

  it('rejects a correction without a note, naming the file and line', () => {
    const yaml = 'corrections:\n  - article: abc\n    topics: [sales]\n';
    expect(() => parseYamlText('corrections.yaml', yaml, schemas.correctionsFileSchema)).toThrow(ConfigError);
    expect(() => parseYamlText('corrections.yaml', yaml, schemas.correctionsFileSchema)).toThrow(/corrections\.yaml:2: .*note/);
  });

  it('reports a stray key as unknown at its own line, with no guess when nothing required is missing', () => {
    const yaml = 'corrections:\n  - article: abc\n    note: x\n    reason: 读者来信指出\n';
    expect(() => parseYamlText('corrections.yaml', yaml, schemas.correctionsFileSchema)).toThrow(/^corrections\.yaml:4: Unrecognized key: "reason" at corrections\.0$/);
  });

  it('rejects an unknown topic id with its line', () => {
    const yaml = 'corrections:\n  - article: abc\n    note: x\n    topics: [sales, weather]\n';
    expect(() => parseYamlText('corrections.yaml', yaml, correctionsFileSchemaFor(['sales', 'refunds']))).toThrow(/corrections\.yaml:4: topic "weather" is not defined/);
  });
});

describe('a corrected date', () => {
  it('is stored in the story\'s time zone whatever offset the editor wrote, the same instant', () => {
    const fixed = applyCorrection(article, { article: article.id, published: '2024-03-28T14:00:00Z', note: '以首发为准' }, 'Asia/Shanghai');
    expect(fixed.published).toBe('2024-03-28T22:00:00+08:00');
    const berlin = applyCorrection(article, { article: article.id, published: '2024-07-01T18:00:00+08:00', note: 'x' }, 'Europe/Berlin');
    expect(berlin.published).toBe('2024-07-01T12:00:00+02:00');
  });
});
