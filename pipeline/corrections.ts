// Editors' corrections (corrections.yaml, one per article id): applied to a record when it is
// assembled, and to stored articles a run did not re-process. The seen-state remembers which
// correction each article carries (a signature), so that one added, changed or removed since
// is noticed and the article re-processed from its page.
import { createHash } from 'node:crypto';
import type { Article } from '../src/schema/article.ts';
import type { Correction } from './config.ts';
import type { ContentStore, SeenState } from './store.ts';
import type { CorrectionReport } from './report.ts';
import { toStoryIso } from './dates.ts';

/** Corrections by the article id they name. */
export type CorrectionIndex = ReadonlyMap<string, Correction>;

export function indexCorrections(corrections: readonly Correction[]): CorrectionIndex {
  return new Map(corrections.map((c) => [c.article, c]));
}

/**
 * An editor's correction applied to a record, with a note readers see. Pure. A corrected date
 * (ISO with any offset) is stored in the story's time zone, like every other stored time.
 */
export function applyCorrection(article: Article, correction: Correction | undefined, timeZone?: string): Article {
  if (!correction) return { ...article, corrections: [] };
  const notes: Article['corrections'] = [];
  let out: Article = { ...article };
  if (correction.topics) {
    const kept = article.evidence.filter((e) => correction.topics!.includes(e.topic));
    out = { ...out, topics: correction.topics, evidence: kept };
    notes.push({ field: 'topics', note: correction.note });
  }
  if (correction.published) { out = { ...out, published: timeZone ? toStoryIso(new Date(correction.published), timeZone) : correction.published }; notes.push({ field: 'published', note: correction.note }); }
  if (correction.original) { out = { ...out, reprintOf: correction.original }; notes.push({ field: 'reprintOf', note: correction.note }); }
  if (correction.mergeWith) notes.push({ field: 'mergeWith', note: correction.note });
  if (correction.relevant === true && !article.relevance.relevant) notes.push({ field: 'relevance', note: correction.note });
  if (correction.relevant === true) { out = { ...out, relevance: { ...out.relevance, relevant: true } }; if (!notes.some((n) => n.field === 'relevance')) notes.push({ field: 'relevance', note: correction.note }); }
  return { ...out, corrections: notes };
}

/** A short hash of a correction; '' for none. Pure. */
export function correctionSignature(c: Correction | undefined): string {
  return c ? createHash('sha1').update(JSON.stringify(c)).digest('hex').slice(0, 12) : '';
}

/** An article whose correction was added, changed or removed since it was written must be re-processed. */
export function isForced(id: string, corrections: CorrectionIndex, state: Pick<SeenState, 'corrected'>): boolean {
  return correctionSignature(corrections.get(id)) !== (state.corrected?.[id] ?? '');
}

/** Records in the state that the article now carries its current correction (or none). */
export function markCorrected(id: string, corrections: CorrectionIndex, state: SeenState): void {
  state.corrected ??= {};
  const signature = correctionSignature(corrections.get(id));
  if (signature) state.corrected[id] = signature; else delete state.corrected[id];
}

/**
 * Every correction applied to the stored article it names (the articles whose page was
 * unchanged this run were not re-assembled): `relevant: false` removes the file, anything else
 * rewrites it. One line of the run report per correction, applied or with why not.
 */
export function applyStoredCorrections(corrections: CorrectionIndex, state: SeenState, store: ContentStore, timeZone?: string): CorrectionReport[] {
  const reports: CorrectionReport[] = [];
  for (const correction of corrections.values()) {
    const entry = state.articles[correction.article];
    const fields = Object.keys(correction).filter((k) => k !== 'article' && k !== 'note');
    if (!entry) {
      const page = Object.values(state.pages).find((p) => p.articleId === correction.article);
      reports.push({ article: correction.article, applied: page?.status === 'rejected' && correction.relevant === false, fields, note: correction.note, ...(page ? {} : { message: 'no such article id (see content/articles/ or the run report)' }) });
      continue;
    }
    try {
      const { article, paragraphs } = store.readArticle(entry.path);
      if (correction.relevant === false) {
        store.removeArticle(entry.path);
        delete state.articles[correction.article];
        const page = state.pages[entry.url] ?? Object.values(state.pages).find((p) => p.articleId === correction.article);
        if (page) Object.assign(page, { status: 'rejected', reason: 'editor' });
      } else {
        const fixed = applyCorrection(article, correction, timeZone);
        const written = store.writeArticle(fixed, paragraphs, entry.path);
        Object.assign(entry, { path: written.path, published: fixed.published });
      }
      markCorrected(correction.article, corrections, state);
      reports.push({ article: correction.article, applied: true, fields, note: correction.note });
    } catch (e) {
      reports.push({ article: correction.article, applied: false, fields, note: correction.note, message: (e as Error).message });
    }
  }
  return reports;
}
