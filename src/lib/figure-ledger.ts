// The figures ledger: every article's figures grouped by `claim`. Figures sharing a
// claim are the same fact as told by different sources; when their values disagree
// (after normalising 万/亿 multipliers in the unit) the entry is flagged. Rounding
// (7.57万 vs 75723), hedges (近9万 vs 88898) and a value inside a stated range are not
// disagreements: readers are shown every value anyway.

export interface FigureLike {
  value: number;
  valueMax?: number | undefined;
  approximate?: boolean | undefined;
  unit: string;
  what: string;
  claim: string;
  text: string;
  sentence: string;
}

export interface LedgerArticle {
  id: string;
  title: string;
  published: string;
  outlet: { id: string; name: string };
  reprintOf?: string | undefined;
  figures: readonly FigureLike[];
}

export interface LedgerSource<A> {
  article: A;
  figure: FigureLike;
  /** Key of the normalised value; sources with the same key agree. */
  valueKey: string;
}

export interface LedgerVariant {
  valueKey: string;
  /** e.g. '88898 台' or '3000–8000 元' */
  label: string;
  count: number;
}

export interface LedgerEntry<A> {
  claim: string;
  /** The most common `what` among the sources. */
  what: string;
  unit: string;
  sources: LedgerSource<A>[];
  variants: LedgerVariant[];
  /** True when sources give different values for the claim. */
  conflict: boolean;
  firstPublished: string;
}

const MULTIPLIERS: [string, number][] = [
  ['百万', 1e6],
  ['千万', 1e7],
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/** '万元' → { base: '元', factor: 10000 }; '台' → { base: '台', factor: 1 }. */
export function normaliseUnit(unit: string): { base: string; factor: number } {
  const u = unit.trim();
  for (const [prefix, factor] of MULTIPLIERS) {
    if (u.startsWith(prefix) && u.length > prefix.length) return { base: u.slice(prefix.length), factor };
  }
  return { base: u, factor: 1 };
}

function round(n: number): number {
  return Number(n.toPrecision(12));
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(round(n));
}

export function valueKey(f: Pick<FigureLike, 'value' | 'valueMax' | 'unit'>): string {
  const { base, factor } = normaliseUnit(f.unit);
  const lo = round(f.value * factor);
  const hi = f.valueMax === undefined || f.valueMax === f.value ? lo : round(f.valueMax * factor);
  return hi === lo ? `${lo} ${base}` : `${lo}–${hi} ${base}`;
}

/** The figure in its own unit: '2.99 万元', '3000–8000 元'. */
export function formatFigureValue(f: Pick<FigureLike, 'value' | 'valueMax' | 'unit'>): string {
  const range = f.valueMax !== undefined && f.valueMax !== f.value;
  return `${formatNumber(f.value)}${range ? `–${formatNumber(f.valueMax!)}` : ''} ${f.unit}`;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [v, c] of counts) if (c > (counts.get(best) ?? 0)) best = v;
  return best;
}

export function buildLedger<A extends LedgerArticle>(articles: readonly A[]): LedgerEntry<A>[] {
  const byClaim = new Map<string, LedgerSource<A>[]>();
  for (const article of articles) {
    for (const figure of article.figures) {
      const list = byClaim.get(figure.claim) ?? [];
      list.push({ article, figure, valueKey: valueKey(figure) });
      byClaim.set(figure.claim, list);
    }
  }
  const entries: LedgerEntry<A>[] = [];
  for (const [claim, sources] of byClaim) {
    sources.sort(
      (a, b) => Date.parse(a.article.published) - Date.parse(b.article.published) || (a.article.id < b.article.id ? -1 : 1),
    );
    const variants: LedgerVariant[] = [];
    for (const s of sources) {
      const v = variants.find((x) => x.valueKey === s.valueKey);
      if (v) v.count++;
      else variants.push({ valueKey: s.valueKey, label: formatFigureValue(s.figure), count: 1 });
    }
    entries.push({
      claim,
      what: mostCommon(sources.map((s) => s.figure.what)),
      unit: mostCommon(sources.map((s) => s.figure.unit)),
      sources,
      variants,
      conflict: hasDisagreement(sources.map((s) => s.figure)),
      firstPublished: sources[0]!.article.published,
    });
  }
  entries.sort((a, b) => Date.parse(a.firstPublished) - Date.parse(b.firstPublished) || (a.claim < b.claim ? -1 : 1));
  return entries;
}

/** Do two statements of one claim say the same thing, allowing for rounding, hedges and ranges? */
export function figuresAgree(a: FigureLike, b: FigureLike): boolean {
  const { base: baseA, factor: fa } = normaliseUnit(a.unit);
  const { base: baseB, factor: fb } = normaliseUnit(b.unit);
  if (baseA !== baseB) return false;
  const [loA, hiA] = [a.value * fa, (a.valueMax ?? a.value) * fa];
  const [loB, hiB] = [b.value * fb, (b.valueMax ?? b.value) * fb];
  if (loA === loB && hiA === hiB) return true;
  // A single value inside the other's stated range: "6000元" within "3000–8000元".
  if ((loA === hiA && loA >= loB && loA <= hiB) || (loB === hiB && loB >= loA && loB <= hiA)) return true;
  const tolerance = a.approximate || b.approximate ? 0.1 : 0.005;
  const close = (x: number, y: number) => Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
  return close(loA, loB) && close(hiA, hiB);
}

function hasDisagreement(figures: readonly FigureLike[]): boolean {
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) if (!figuresAgree(figures[i]!, figures[j]!)) return true;
  }
  return false;
}

/** Claims become HTML ids: keep them to safe characters. */
export function claimAnchor(claim: string): string {
  const slug = claim.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `claim-${slug || encodeURIComponent(claim).replace(/%/g, '')}`;
}

/**
 * Split an entry's sources into those shown up front and the rest (folded away on
 * long entries). Every distinct value keeps at least its earliest source up front,
 * so a conflicting figure is never hidden; order stays by date.
 */
export function splitSources<A>(entry: Pick<LedgerEntry<A>, 'sources'>, limit = 10): { shown: LedgerSource<A>[]; more: LedgerSource<A>[] } {
  if (entry.sources.length <= limit) return { shown: [...entry.sources], more: [] };
  const keep = new Set<LedgerSource<A>>();
  const firstOfValue = new Set<string>();
  for (const s of entry.sources) {
    if (!firstOfValue.has(s.valueKey)) {
      firstOfValue.add(s.valueKey);
      keep.add(s);
    }
  }
  for (const s of entry.sources) {
    if (keep.size >= limit) break;
    keep.add(s);
  }
  return { shown: entry.sources.filter((s) => keep.has(s)), more: entry.sources.filter((s) => !keep.has(s)) };
}
