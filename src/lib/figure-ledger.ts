// The figures ledger: every article's figures grouped by `claim`, identical claims grouped
// with their sources, each source with its claimant (官方, 网传, 法院 …) and date. An entry
// is flagged only when two claimants state different exact values within the same time
// (claimants.yaml sameTimeDays): approximations (近9万), hedges, ranges and rumours their own
// article refutes are shown but never compared. Rounding (7.57万 vs 75723) is agreement.

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
  /** Key of the normalised value (and of a hedge: '~'); sources with the same key say the same. */
  valueKey: string;
  claimant: { id: string; label: string };
  /** A rumour its own article refutes: shown, never compared. */
  refuted: boolean;
}

export interface LedgerVariant<A = unknown> {
  valueKey: string;
  /** As Chinese readers write it: '29.99万元', '3000至8000元', '约9万台'. */
  label: string;
  count: number;
  /** This value's sources, oldest first. */
  sources: LedgerSource<A>[];
  /** Distinct claimant labels among them, in order of first appearance. */
  claimants: string[];
  /** Part of a conflict: an exact value another claimant contradicts at the same time. */
  disputed: boolean;
}

export interface LedgerOptions<A> {
  /** Who claims a figure and whether its article refutes it; default: one anonymous claimant. */
  claimantOf?: (article: A, figure: FigureLike) => { claimant: { id: string; label: string }; refuted: boolean };
  /** Claims more than this many days apart are not about the same time. */
  sameTimeDays?: number;
}

export interface LedgerEntry<A> {
  claim: string;
  /** The most common `what` among the sources. */
  what: string;
  unit: string;
  sources: LedgerSource<A>[];
  variants: LedgerVariant<A>[];
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

/** An amount as Chinese readers write it: 299900 → '29.99万', 240000 → '24万', 88898 → '88898'. */
export function chineseAmount(n: number): string {
  const scaled = (div: number) => round(n / div);
  // Two decimals at most in 万/亿 form (29.99万); otherwise the digits (88898).
  const fits = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
  if (Math.abs(n) >= 1e8 && fits(scaled(1e8))) return `${formatNumber(scaled(1e8))}亿`;
  if (Math.abs(n) >= 1e4 && fits(scaled(1e4))) return `${formatNumber(scaled(1e4))}万`;
  return formatNumber(n);
}

/** The figure as Chinese readers write it: '29.99万元', '3000至8000元', '2万至5万元', '约9万台'. */
export function formatFigureValue(f: Pick<FigureLike, 'value' | 'valueMax' | 'unit'> & { approximate?: boolean | undefined }): string {
  const { base, factor } = normaliseUnit(f.unit);
  const lo = round(f.value * factor);
  const hi = f.valueMax === undefined ? lo : round(f.valueMax * factor);
  const amount = hi === lo ? chineseAmount(lo) : `${chineseAmount(lo)}至${chineseAmount(hi)}`;
  return `${f.approximate ? '约' : ''}${amount}${base}`;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [v, c] of counts) if (c > (counts.get(best) ?? 0)) best = v;
  return best;
}

export function buildLedger<A extends LedgerArticle>(articles: readonly A[], options: LedgerOptions<A> = {}): LedgerEntry<A>[] {
  const claimantOf = options.claimantOf ?? (() => ({ claimant: { id: 'source', label: '报道' }, refuted: false }));
  const byClaim = new Map<string, LedgerSource<A>[]>();
  for (const article of articles) {
    for (const figure of article.figures) {
      const list = byClaim.get(figure.claim) ?? [];
      const who = claimantOf(article, figure);
      list.push({ article, figure, valueKey: `${valueKey(figure)}${figure.approximate ? ' ~' : ''}`, claimant: who.claimant, refuted: who.refuted });
      byClaim.set(figure.claim, list);
    }
  }
  const entries: LedgerEntry<A>[] = [];
  for (const [claim, sources] of byClaim) {
    sources.sort(
      (a, b) => Date.parse(a.article.published) - Date.parse(b.article.published) || (a.article.id < b.article.id ? -1 : 1),
    );
    const disputed = conflictingSources(sources, options.sameTimeDays ?? 7);
    const variants: LedgerVariant<A>[] = [];
    for (const s of sources) {
      let v = variants.find((x) => x.valueKey === s.valueKey);
      if (!v) { v = { valueKey: s.valueKey, label: labelOf(s.figure), count: 0, sources: [], claimants: [], disputed: false }; variants.push(v); }
      v.count++;
      v.sources.push(s);
      const label = s.refuted ? `${s.claimant.label}（已被否认）` : s.claimant.label;
      if (!v.claimants.includes(label)) v.claimants.push(label);
      if (disputed.has(s)) v.disputed = true;
    }
    entries.push({
      claim,
      what: mostCommon(sources.map((s) => s.figure.what)),
      unit: mostCommon(sources.map((s) => s.figure.unit)),
      sources,
      variants,
      conflict: disputed.size > 0,
      firstPublished: sources[0]!.article.published,
    });
  }
  entries.sort((a, b) => Date.parse(a.firstPublished) - Date.parse(b.firstPublished) || (a.claim < b.claim ? -1 : 1));
  return entries;
}

const HEDGE_BEFORE = /(大约|将近|接近|超过|不到|多达|约|近|逾|超)$/;

/** The value as written for readers, with the article's own hedge word: '近9万台', '超过13.6万台'. */
function labelOf(f: FigureLike): string {
  const plain = formatFigureValue({ value: f.value, valueMax: f.valueMax, unit: f.unit });
  if (!f.approximate) return plain;
  const at = f.sentence.indexOf(f.text);
  const hedge = at > 0 ? HEDGE_BEFORE.exec(f.sentence.slice(Math.max(0, at - 4), at))?.[1] : undefined;
  return `${hedge ?? '约'}${plain}`;
}

/**
 * The sources caught in a real conflict: exact values (no hedge, no range, no refuted rumour)
 * of different claimants, stated within `days` of each other, that do not agree.
 */
function conflictingSources<A extends LedgerArticle>(sources: readonly LedgerSource<A>[], days: number): Set<LedgerSource<A>> {
  const exact = sources.filter((s) => !s.refuted && !s.figure.approximate && (s.figure.valueMax === undefined || s.figure.valueMax === s.figure.value));
  const out = new Set<LedgerSource<A>>();
  for (let i = 0; i < exact.length; i++) {
    for (let j = i + 1; j < exact.length; j++) {
      const a = exact[i]!, b = exact[j]!;
      if (a.claimant.id === b.claimant.id) continue;
      if (Math.abs(Date.parse(a.article.published) - Date.parse(b.article.published)) > days * 86_400_000) continue;
      if (!figuresAgree(a.figure, b.figure)) { out.add(a); out.add(b); }
    }
  }
  return out;
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
