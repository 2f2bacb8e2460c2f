import { describe, expect, it } from 'vitest';
import { blindId, compareLabels, type Labels } from '../../pipeline/agreement.ts';

const TOPICS = ['sales', 'refunds', 'resale', 'disputes'];
const item = (id: string, relevant: boolean, topics: string[] = relevant ? ['sales'] : [], borderline = false): Labels => ({ id, relevant, topics, borderline });

describe('compareLabels', () => {
  it('gives Cohen\'s kappa as the textbook does (20 both, 5 first only, 10 second only, 15 neither → 0.7 observed, 0.5 by chance, κ 0.4)', () => {
    const first: Labels[] = [];
    const second: Labels[] = [];
    const add = (n: number, a: boolean, b: boolean) => { for (let i = 0; i < n; i++) { const id = `${a}${b}${i}`; first.push(item(id, a)); second.push(item(id, b)); } };
    add(20, true, true); add(5, true, false); add(10, false, true); add(15, false, false);
    const r = compareLabels(first, second, TOPICS);
    expect(r.items).toBe(50);
    expect(r.relevanceAgreement).toBeCloseTo(0.7, 10);
    expect(r.kappa).toBeCloseTo(0.4, 10);
    expect([r.bothStory, r.storyToFirstOnly, r.storyToSecondOnly]).toEqual([20, 5, 10]);
  });

  it('matches a second annotator\'s blind ids back, and counts topics only where both call the item the story', () => {
    const first = [item('a', true, ['sales', 'refunds']), item('b', true, ['disputes'], true), item('c', false)];
    const second = [
      { ...item(blindId('a'), true, ['sales']) },
      { ...item(blindId('b'), false) },
      { ...item('c', false) },
    ];
    const r = compareLabels(first, second, TOPICS);
    expect(r.items).toBe(3);
    expect(r.clear).toEqual({ agreeing: 2, items: 2 });
    const f1 = Object.fromEntries(r.topicF1.map((t) => [t.topic, t.f1]));
    expect(f1).toEqual({ sales: 1, refunds: 0, resale: null, disputes: null });
    expect(r.identicalTopicSets).toBe(0);
    expect(r.unknown).toEqual([]);
  });

  it('names the second annotator\'s ids that are not items of the first', () => {
    expect(compareLabels([item('a', true)], [item('zz', true)], TOPICS).unknown).toEqual(['zz']);
  });
});

describe('blindId', () => {
  it('is a short hash of the id alone: the same on every run, no trace of the id\'s own prefix', () => {
    expect(blindId('wb-2024-03-29-024')).toBe(blindId('wb-2024-03-29-024'));
    expect(blindId('wb-2024-03-29-024')).toMatch(/^x-[0-9a-f]{8}$/);
    expect(blindId('wb-2024-03-29-024')).not.toBe(blindId('wb-2024-03-29-025'));
  });
});
