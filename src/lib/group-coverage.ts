// Coverage grouped by development on the site: the reports of one development (grouped by the
// pipeline, content/developments.json) become one entry headed by the earliest report, with the
// others listed after it, earliest first. Each report keeps its reprints folded under it.
import type { FoldedEntry } from './fold-reprints.ts';

export interface GroupedEntry<T> extends FoldedEntry<T> {
  /** The development's other reports in this list, earliest first (empty: a lone report). */
  others: FoldedEntry<T>[];
  /** The development's id when it has more than one report here. */
  development?: string;
  /** The editor's notes when corrections.yaml merged or split the development. */
  notes: string[];
}

export interface DevelopmentInfo { id: string; notes: string[] }

interface Dated { id: string; published: string; outlet: { id: string } }

/**
 * `entries` in display order (newest or oldest first). A development's entry takes the place of
 * its earliest report, so it sits on the day the development broke in either order.
 */
export function groupCoverage<T extends Dated>(entries: readonly FoldedEntry<T>[], developmentOf: ReadonlyMap<string, DevelopmentInfo>): GroupedEntry<T>[] {
  const members = new Map<string, FoldedEntry<T>[]>();
  for (const e of entries) {
    const key = developmentOf.get(e.article.id)?.id ?? `article:${e.article.id}`;
    const list = members.get(key);
    if (list) list.push(e); else members.set(key, [e]);
  }
  const out: { at: number; entry: GroupedEntry<T> }[] = [];
  const index = new Map(entries.map((e, i) => [e.article.id, i] as const));
  for (const [key, list] of members) {
    const sorted = [...list].sort((a, b) => Date.parse(a.article.published) - Date.parse(b.article.published) || (a.article.id < b.article.id ? -1 : 1));
    const [lead, ...others] = sorted as [FoldedEntry<T>, ...FoldedEntry<T>[]];
    const info = key.startsWith('article:') ? undefined : developmentOf.get(lead.article.id);
    out.push({
      at: index.get(lead.article.id)!,
      entry: { ...lead, others, ...(others.length > 0 && info ? { development: info.id } : {}), notes: others.length > 0 ? info?.notes ?? [] : [] },
    });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.entry);
}

/** Distinct outlets among a grouped entry's reports and their reprints: "N 家媒体报道". */
export function outletCount<T extends Dated>(entry: GroupedEntry<T>): number {
  const all = [entry, ...entry.others].flatMap((e) => [e.article, ...e.reprints]);
  return new Set(all.map((a) => a.outlet.id)).size;
}
