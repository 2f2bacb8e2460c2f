// The labelled sets `npm run eval` scores: the project's own written items, and the real
// text in ../shared/data/real-zh (read from there, never copied in). The real set is split
// into a development part and a held-out part by a hash of each id, stratified by label so
// both halves carry every topic; nothing is tuned on the held-out part.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Labelled } from './evaluate.ts';

/** `date`: when the item was listed or published (real sets carry it; the analysis reads it for bare titles). */
export type EvalItem = Labelled & { title: string; text: string; date?: string; note?: string; borderline?: boolean; category?: string };
export type EvalSet = { name: string; file: string; items: EvalItem[]; note?: string };
export type Part = 'dev' | 'held';

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try { return [JSON.parse(line) as T]; } catch (e) { throw new Error(`${file}:${i + 1}: ${(e as Error).message}`); }
  });
}

function idHash(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * Which half an item falls in: items are grouped by label (relevance and topics), ordered by
 * the hash of their id within a group, and dealt alternately to dev and held-out. The split
 * depends only on ids and labels, so it is the same on every machine and every run.
 */
export function splitByHash<T extends { id: string; relevant: boolean; topics: readonly string[] }>(items: T[]): Map<string, Part> {
  const groups = new Map<string, { id: string; hash: string }[]>();
  for (const item of items) {
    const key = item.relevant ? [...item.topics].sort().join('+') : 'off';
    const group = groups.get(key) ?? [];
    group.push({ id: item.id, hash: idHash(item.id) });
    groups.set(key, group);
  }
  const parts = new Map<string, Part>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.hash.localeCompare(b.hash))
      .forEach((item, i) => parts.set(item.id, i % 2 === 0 ? 'dev' : 'held'));
  }
  return parts;
}

/** Real negatives have no labels to stratify by: half by hash. */
export function negativePart(id: string): Part {
  return parseInt(idHash(id).slice(0, 2), 16) < 128 ? 'dev' : 'held';
}

export type RealData = { dev: EvalSet; held: EvalSet; negatives: { dev: EvalItem[]; held: EvalItem[] }; dir: string };

/** The real labelled text, or a reason why it is not here (a clone without ../shared). */
export function loadRealData(dir: string): RealData | { missing: string } {
  const positives = path.join(dir, 'positives.jsonl');
  const negatives = path.join(dir, 'negatives.jsonl');
  if (!existsSync(positives) || !existsSync(negatives)) return { missing: `${dir} not found: the real-text sets are not scored (they live in ../shared/data/real-zh beside the clone)` };
  const labelled = readJsonl<EvalItem>(positives);
  const parts = splitByHash(labelled);
  const negs = readJsonl<EvalItem>(negatives).map((n) => ({ ...n, relevant: false, topics: [] }));
  return {
    dir,
    dev: { name: 'real, development', file: positives, items: labelled.filter((x) => parts.get(x.id) === 'dev') },
    held: { name: 'real, held out', file: positives, items: labelled.filter((x) => parts.get(x.id) === 'held') },
    negatives: { dev: negs.filter((n) => negativePart(n.id) === 'dev'), held: negs.filter((n) => negativePart(n.id) === 'held') },
  };
}

export function loadWrittenSet(name: string, file: string): EvalSet {
  return { name, file, items: readJsonl<EvalItem>(file) };
}
