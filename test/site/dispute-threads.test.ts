import { describe, expect, it } from 'vitest';
import { storyTime } from '../../src/lib/story-time.ts';
import { buildDisputeThreads } from '../../src/lib/dispute-threads.ts';

const CHINA = storyTime('Asia/Shanghai');

const art = (id: string, published: string, disputes: { id: string; stage: string; sentence: string }[], reprintOf?: string) => ({
  id, title: id, published, outlet: { name: id }, disputes, reprintOf,
});

const defs = [
  { id: 'locked-deposit', title: '锁单后定金不退', summary: '摘要' },
  { id: 'ultra-hood', title: '机盖' },
];

describe('buildDisputeThreads', () => {
  const articles = [
    art('resp', '2024-03-31T09:40:00+08:00', [{ id: 'locked-deposit', stage: 'response', sentence: '回应' }]),
    art('c2', '2024-04-05T08:30:00+08:00', [{ id: 'locked-deposit', stage: 'complaint', sentence: '投诉二' }]),
    art('c1', '2024-03-30T15:20:00+08:00', [
      { id: 'locked-deposit', stage: 'complaint', sentence: '投诉一' },
      { id: 'locked-deposit', stage: 'complaint', sentence: '投诉一' },
    ]),
    art('c1-copy', '2024-03-30T16:00:00+08:00', [{ id: 'locked-deposit', stage: 'complaint', sentence: '投诉一' }], 'c1'),
    art('stray', '2024-04-01T10:00:00+08:00', [{ id: 'unknown-thread', stage: 'outcome', sentence: '别的' }]),
  ];
  const events = [
    { date: '2024-04-08', title: '规则调整', changed: '新增犹豫期', sources: [], dispute: 'locked-deposit', stage: 'policy' },
    { date: '2024-04-09', title: '无关', changed: 'x', sources: [] },
  ];
  const threads = buildDisputeThreads(defs, articles, events, CHINA);

  it('keeps story.yaml order and appends undefined threads', () => {
    expect(threads.map((t) => [t.id, t.defined])).toEqual([
      ['locked-deposit', true],
      ['ultra-hood', true],
      ['unknown-thread', false],
    ]);
  });

  it('follows stages in order with items in date order, reprints and duplicates dropped', () => {
    const t = threads[0]!;
    expect(t.stages.map((s) => s.stage)).toEqual(['complaint', 'response', 'policy', 'outcome']);
    const complaint = t.stages[0]!.items;
    expect(complaint.map((i) => (i.kind === 'article' ? i.article.id : i.event.title))).toEqual(['c1', 'c2']);
    expect(t.stages[2]!.items[0]!.kind).toBe('event');
    expect(t.reached).toEqual(['complaint', 'response', 'policy']);
    expect(t.itemCount).toBe(4);
    expect([t.firstDay, t.lastDay]).toEqual(['2024-03-30', '2024-04-08']);
  });

  it('reports empty threads', () => {
    expect(threads[1]).toMatchObject({ itemCount: 0, reached: [], firstDay: null });
  });
});
