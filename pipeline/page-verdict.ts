// What becomes of an analysed page, decided from what the run knows about it: unchanged since
// it was stored or rejected, rejected (off-topic, or by the editor), a duplicate of an article
// another link already gave, or to be stored. Pure: the ingest carries the verdict out.
import type { Correction } from './config.ts';
import type { PageState } from './store.ts';

export type PageVerdict =
  | { kind: 'unchanged'; seen: PageState }
  | { kind: 'rejected'; byEditor: boolean }
  | { kind: 'duplicate'; owner: string }
  | { kind: 'store' };

export type PageFacts = {
  id: string;
  contentHash: string;
  /** What the seen-state holds for the page's link, if anything. */
  seen?: PageState;
  /** The article's file from an earlier run is still on disk. */
  storedFileExists: boolean;
  /** Its correction changed since it was written (corrections.ts isForced). */
  forced: boolean;
  correction?: Correction;
  relevantByAnalysis: boolean;
  /** The article id that already has the page's canonical URL, if any. */
  canonicalOwner?: string;
};

export function judgePage(facts: PageFacts): PageVerdict {
  const { seen } = facts;
  // The same text as last time and nothing to redo: a rejected page stays rejected, a stored one stays.
  if (!facts.forced && seen?.contentHash === facts.contentHash && (seen.status === 'rejected' || facts.storedFileExists)) return { kind: 'unchanged', seen };
  if (!(facts.correction?.relevant ?? facts.relevantByAnalysis)) return { kind: 'rejected', byEditor: facts.correction?.relevant === false };
  if (facts.canonicalOwner && facts.canonicalOwner !== facts.id) return { kind: 'duplicate', owner: facts.canonicalOwner };
  return { kind: 'store' };
}
