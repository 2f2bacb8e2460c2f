import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStoryConfig, parseTopicsConfig, tidyText } from '../../src/lib/story-config.ts';

describe('story config', () => {
  it('reads the real story.yaml and topics.yaml', () => {
    const story = parseStoryConfig(readFileSync('content/config/story.yaml', 'utf8'));
    expect(story.title).toBeTruthy();
    expect(story.disputes.length).toBeGreaterThan(0);
    const topics = parseTopicsConfig(readFileSync('content/config/topics.yaml', 'utf8'));
    expect(topics.map((t) => t.id)).toEqual(['sales', 'refunds', 'resale', 'disputes']);
    expect(topics.every((t) => t.label.length > 0)).toBe(true);
  });

  it('keeps the file’s topic order (the site has no topic list of its own)', () => {
    const topics = parseTopicsConfig(`
topics:
  - { id: resale, label: 转售, description: 转让, phrases: [{ text: 黄牛, weight: 2 }] }
  - { id: sales, label: 销售动态, description: 订单, color: { light: '#123456', dark: '#abcdef' } }
relevance:
  subject: { names: [某车] }
  reasons: { noSubject: 无主体, noTopic: 无话题 }
disputeStages: []
`);
    expect(topics).toEqual([
      { id: 'resale', label: '转售', description: '转让' },
      { id: 'sales', label: '销售动态', description: '订单', color: { light: '#123456', dark: '#abcdef' } },
    ]);
  });

  it('validates with the pipeline’s own schema: a field it does not know is an error with the line', () => {
    expect(() => parseTopicsConfig('topics:\n  - { id: a, label: A, description: x, colour: red }\nrelevance:\n  subject: { names: [x] }\n  reasons: { noSubject: a, noTopic: b }\ndisputeStages: []\n', 't/topics.yaml'))
      .toThrow(/t\/topics\.yaml:2: .*colour/);
  });

  it('names the file in errors', () => {
    expect(() => parseStoryConfig('subtitle: x', 'x/story.yaml')).toThrow(/x\/story\.yaml/);
  });

  it('tidies folded YAML text', () => {
    expect(tidyText('定金锁单后不退、\n 24 小时 88898 台')).toBe('定金锁单后不退、24 小时 88898 台');
  });
});
