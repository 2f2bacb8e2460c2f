// The ingest's grouping step: reads what pipeline/group.ts needs from the stored articles,
// groups them, and writes content/developments.json (validated, atomic). Skipped when nothing
// it reads changed since the last run.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { developmentsFileSchema, DEVELOPMENTS_FILE, type DevelopmentsFile } from '../src/schema/development.ts';
import type { Correction } from './config.ts';
import { groupDevelopments, DEFAULT_GROUP_OPTIONS, type GroupEdits, type GroupItem } from './group.ts';
import { normalizeText } from './normalize.ts';
import { writeFileAtomic, type ContentStore, type SeenState } from './store.ts';

export type GroupingResult = { developments: number; grouped: number; skipped?: boolean; problems: { article: string; message: string }[] };

/** The editor's merges and splits from corrections.yaml, and the ids they name that do not exist. */
export function editsFrom(corrections: readonly Correction[], known: ReadonlySet<string>): { edits: GroupEdits; problems: GroupingResult['problems'] } {
  const edits: GroupEdits = { sameAs: new Map(), startsNew: new Set() };
  const problems: GroupingResult['problems'] = [];
  for (const c of corrections) {
    if (c.sameDevelopmentAs === undefined && !c.newDevelopment) continue;
    if (!known.has(c.article)) { problems.push({ article: c.article, message: 'sameDevelopmentAs/newDevelopment: no such article (or it is a reprint, which follows its original)' }); continue; }
    if (c.sameDevelopmentAs !== undefined) {
      if (known.has(c.sameDevelopmentAs)) edits.sameAs.set(c.article, c.sameDevelopmentAs);
      else problems.push({ article: c.article, message: `sameDevelopmentAs: no such article "${c.sameDevelopmentAs}"` });
    }
    if (c.newDevelopment) edits.startsNew.add(c.article);
  }
  return { edits, problems };
}

export function updateDevelopments(contentDir: string, store: ContentStore, state: SeenState, corrections: readonly Correction[]): GroupingResult {
  const file = path.join(contentDir, DEVELOPMENTS_FILE);
  const originals = Object.entries(state.articles).filter(([, a]) => !a.reprintOf).sort(([a], [b]) => (a < b ? -1 : 1));
  const { edits, problems } = editsFrom(corrections, new Set(originals.map(([id]) => id)));
  const hash = createHash('sha1');
  for (const [id, a] of originals) hash.update(`${id}\t${a.published}\t${a.fingerprint}\n`);
  hash.update(JSON.stringify([[...edits.sameAs].sort(), [...edits.startsNew].sort(), DEFAULT_GROUP_OPTIONS]));
  const input = hash.digest('hex');
  const previous = readDevelopments(file);
  if (previous?.input === input) {
    return { developments: previous.developments.length, grouped: previous.developments.filter((d) => d.articles.length > 1).length, skipped: true, problems };
  }
  const items: GroupItem[] = [];
  for (const [id, entry] of originals) {
    try {
      const { article } = store.readArticle(entry.path);
      items.push({ id, published: article.published, outletId: article.outlet.id, title: normalizeText(article.title), keywords: article.keywords });
    } catch (e) {
      problems.push({ article: id, message: `not grouped: ${(e as Error).message}` });
    }
  }
  const notes = new Map(corrections.filter((c) => edits.sameAs.has(c.article) || edits.startsNew.has(c.article)).map((c) => [c.article, c.note] as const));
  const developments = groupDevelopments(items, edits).map((d) => ({ ...d, notes: d.articles.flatMap((a) => (notes.has(a) ? [notes.get(a)!] : [])) }));
  const out: DevelopmentsFile = developmentsFileSchema.parse({ input, developments });
  writeFileAtomic(file, `${JSON.stringify(out, null, 1)}\n`);
  return { developments: developments.length, grouped: developments.filter((d) => d.articles.length > 1).length, problems };
}

function readDevelopments(file: string): DevelopmentsFile | undefined {
  try {
    const parsed = developmentsFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
