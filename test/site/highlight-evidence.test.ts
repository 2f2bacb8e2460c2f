import { describe, expect, it } from 'vitest';
import { highlightEvidence } from '../../src/lib/highlight-evidence.ts';

const paragraphs = ['小米SU7开启预订。按照规则，锁单后5000元定金不可退。有用户投诉。', '小米回应称将增加二次确认。'];

describe('highlightEvidence', () => {
  it('marks the evidence sentence inside its paragraph', () => {
    const { paragraphs: out, anchors } = highlightEvidence(paragraphs, [{ topic: 'refunds', sentence: '按照规则，锁单后5000元定金不可退。' }]);
    expect(out[0]).toEqual([
      { text: '小米SU7开启预订。', topics: [] },
      { text: '按照规则，锁单后5000元定金不可退。', topics: ['refunds'], anchor: 'evidence-1' },
      { text: '有用户投诉。', topics: [] },
    ]);
    expect(out[1]).toEqual([{ text: paragraphs[1], topics: [] }]);
    expect(anchors).toEqual(['evidence-1']);
  });

  it('never loses text: segments join back to the paragraph', () => {
    const { paragraphs: out } = highlightEvidence(paragraphs, [
      { topic: 'refunds', sentence: '锁单后5000元定金不可退。' },
      { topic: 'disputes', sentence: '有用户投诉。' },
      { topic: 'sales', sentence: '小米回应称将增加二次确认。' },
    ]);
    expect(out.map((segs) => segs.map((s) => s.text).join(''))).toEqual(paragraphs);
  });

  it('merges the same or overlapping sentences into one mark with both topics', () => {
    const { paragraphs: out, anchors } = highlightEvidence(paragraphs, [
      { topic: 'refunds', sentence: '锁单后5000元定金不可退。' },
      { topic: 'disputes', sentence: '按照规则，锁单后5000元定金不可退。' },
    ]);
    const marked = out[0]!.filter((s) => s.topics.length > 0);
    expect(marked).toHaveLength(1);
    expect(marked[0]!.text).toBe('按照规则，锁单后5000元定金不可退。');
    expect(marked[0]!.topics.sort()).toEqual(['disputes', 'refunds']);
    expect(anchors[0]).toBe(anchors[1]);
  });

  it('tolerates a missing final stop and reports sentences it cannot find', () => {
    const { anchors, paragraphs: out } = highlightEvidence(paragraphs, [
      { topic: 'disputes', sentence: '小米回应称将增加二次确认！' },
      { topic: 'sales', sentence: '这句话不在正文里。' },
    ]);
    expect(anchors[0]).toBe('evidence-1');
    expect(anchors[1]).toBeNull();
    expect(out[1]![0]).toMatchObject({ text: '小米回应称将增加二次确认', topics: ['disputes'] });
  });

  it('treats markup in sentences as plain text', () => {
    const { paragraphs: out } = highlightEvidence(['a <b>x</b> c'], [{ topic: 'sales', sentence: '<b>x</b>' }]);
    expect(out[0]![1]).toMatchObject({ text: '<b>x</b>', topics: ['sales'] });
  });
});
