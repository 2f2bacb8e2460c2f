// What becomes of an analysed page (pipeline/page-verdict.ts), case by case.
import { describe, expect, it } from 'vitest';
import { judgePage, type PageFacts } from '../../pipeline/page-verdict.ts';

const hash = 'd'.repeat(32);
const facts = (over: Partial<PageFacts> = {}): PageFacts => ({ id: 'outlet-a-1', contentHash: hash, storedFileExists: false, forced: false, relevantByAnalysis: true, ...over });
const stored = { status: 'stored' as const, articleId: 'outlet-a-1', contentHash: hash };
const rejected = { status: 'rejected' as const, articleId: 'outlet-a-1', contentHash: hash, reason: 'no subject' };

describe('page verdict', () => {
  it('a new relevant page is stored; an irrelevant one rejected off-topic', () => {
    expect(judgePage(facts())).toEqual({ kind: 'store' });
    expect(judgePage(facts({ relevantByAnalysis: false }))).toEqual({ kind: 'rejected', byEditor: false });
  });

  it('the same text as last time is unchanged: a stored page while its file is there, a rejected page always', () => {
    expect(judgePage(facts({ seen: stored, storedFileExists: true }))).toEqual({ kind: 'unchanged', seen: stored });
    expect(judgePage(facts({ seen: rejected, relevantByAnalysis: false }))).toEqual({ kind: 'unchanged', seen: rejected });
    // The file was deleted by hand: written again.
    expect(judgePage(facts({ seen: stored, storedFileExists: false }))).toEqual({ kind: 'store' });
    // The text changed: judged again.
    expect(judgePage(facts({ seen: { ...stored, contentHash: 'e'.repeat(32) }, storedFileExists: true }))).toEqual({ kind: 'store' });
    // A failed page is never unchanged.
    expect(judgePage(facts({ seen: { status: 'failed', articleId: 'outlet-a-1' } }))).toEqual({ kind: 'store' });
  });

  it("a changed correction forces the page through again, and the editor's relevance wins over the analysis", () => {
    expect(judgePage(facts({ seen: stored, storedFileExists: true, forced: true, correction: { article: 'outlet-a-1', relevant: false, note: '无关' } }))).toEqual({ kind: 'rejected', byEditor: true });
    expect(judgePage(facts({ seen: rejected, forced: true, relevantByAnalysis: false, correction: { article: 'outlet-a-1', relevant: true, note: '相关' } }))).toEqual({ kind: 'store' });
    expect(judgePage(facts({ correction: { article: 'outlet-a-1', topics: ['sales'], note: '改话题' }, relevantByAnalysis: false }))).toEqual({ kind: 'rejected', byEditor: false });
  });

  it('a page whose canonical URL another article already has is a duplicate of it; its own URL is not', () => {
    expect(judgePage(facts({ canonicalOwner: 'other-b-2' }))).toEqual({ kind: 'duplicate', owner: 'other-b-2' });
    expect(judgePage(facts({ canonicalOwner: 'outlet-a-1' }))).toEqual({ kind: 'store' });
    // Relevance is decided first: an off-topic duplicate is reported off-topic.
    expect(judgePage(facts({ canonicalOwner: 'other-b-2', relevantByAnalysis: false }))).toEqual({ kind: 'rejected', byEditor: false });
  });
});
