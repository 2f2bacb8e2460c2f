// Scores an extracted body against a gold body, the way the real-page set's own scorer does
// (../shared/data/pages-zh/score.mjs): character-multiset precision/recall/F1 with whitespace
// ignored, and paragraph recall by a gap-penalised alignment. Pure; the eval script and the
// real-page test both use it, so their figures are the scorer's figures.

export type PageScore = {
  precision: number; recall: number; f1: number;
  paraFound: number; paraTotal: number; paraRecall: number;
  goldChars: number; predChars: number;
};

/** A gold line counts as found when an alignment covers this share of its characters. */
const PARA_THRESHOLD = 0.9;
/** Lines shorter than this (a lone section number) count in P/R/F1 but not in paragraph recall. */
const MIN_PARA_CHARS = 4;
// Alignment score units: a matched character is worth MATCH, a prediction character skipped inside the span costs GAP.
const MATCH = 10;
const GAP = 1;

/** NFKC, lower case, and no whitespace or format characters (NBSP, U+3000, ZWSP, BOM …). */
export function normalizeForScore(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{White_Space}\p{Cf}]+/gu, '');
}

function countChars(chars: Iterable<string | number>): Map<string | number, number> {
  const m = new Map<string | number, number>();
  for (const ch of chars) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

function charPRF(pred: string, gold: string): { precision: number; recall: number; f1: number } {
  const p = [...pred], g = [...gold];
  if (!p.length || !g.length) return { precision: 0, recall: 0, f1: 0 };
  const cp = countChars(p), cg = countChars(g);
  let overlap = 0;
  for (const [ch, n] of cg) overlap += Math.min(n, cp.get(ch) ?? 0);
  const precision = overlap / p.length, recall = overlap / g.length;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Matched characters on the best local alignment of gold line `e` inside prediction `p`:
 *  +MATCH per match, -GAP per prediction character skipped inside the span, ties to more matches. */
function alignedMatches(e: Int32Array, p: Int32Array): number {
  const n = p.length;
  let prevS = new Int32Array(n + 1), prevM = new Int32Array(n + 1);
  let curS = new Int32Array(n + 1), curM = new Int32Array(n + 1);
  for (let i = 1; i <= e.length; i++) {
    const ch = e[i - 1];
    curS[0] = 0; curM[0] = 0;
    for (let j = 1; j <= n; j++) {
      let s = prevS[j]!, mm = prevM[j]!;
      const s2 = curS[j - 1]! - GAP, m2 = curM[j - 1]!;
      if (s2 > s || (s2 === s && m2 > mm)) { s = s2; mm = m2; }
      if (p[j - 1] === ch) {
        const s3 = prevS[j - 1]! + MATCH, m3 = prevM[j - 1]! + 1;
        if (s3 > s || (s3 === s && m3 > mm)) { s = s3; mm = m3; }
      }
      curS[j] = s; curM[j] = mm;
    }
    [prevS, curS] = [curS, prevS];
    [prevM, curM] = [curM, prevM];
  }
  let bestS = -1, bestM = 0;
  for (let j = 0; j <= n; j++) {
    if (prevS[j]! > bestS || (prevS[j] === bestS && prevM[j]! > bestM)) { bestS = prevS[j]!; bestM = prevM[j]!; }
  }
  return bestM;
}

const codes = (s: string) => Int32Array.from([...s].map((c) => c.codePointAt(0)!));

function paragraphFound(line: string, pred: string, predCodes: Int32Array, predCounts: Map<string | number, number>): boolean {
  if (pred.includes(line)) return true;
  const e = codes(line);
  const need = Math.ceil(PARA_THRESHOLD * e.length);
  // The multiset overlap bounds the alignment from above: most misses stop here, before the quadratic part.
  let bound = 0;
  for (const [c, k] of countChars(e)) bound += Math.min(k, predCounts.get(c) ?? 0);
  return bound >= need && alignedMatches(e, predCodes) >= need;
}

/** One page: `gold` and `predicted` are bodies with one paragraph per line. */
export function scorePage(gold: string, predicted: string): PageScore {
  const g = normalizeForScore(gold), p = normalizeForScore(predicted);
  const prf = charPRF(p, g);
  const lines = gold.split('\n').map(normalizeForScore).filter((l) => [...l].length >= MIN_PARA_CHARS);
  const predCodes = codes(p);
  const predCounts = countChars(predCodes);
  const found = p.length ? lines.filter((l) => paragraphFound(l, p, predCodes, predCounts)).length : 0;
  return { ...prf, paraFound: found, paraTotal: lines.length, paraRecall: lines.length ? found / lines.length : 1, goldChars: [...g].length, predChars: [...p].length };
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b), k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

export type ScoreSummary = { pages: number; meanF1: number; medianF1: number; minF1: number; meanPrecision: number; meanRecall: number; meanParaRecall: number };
export function summarize(scores: PageScore[]): ScoreSummary {
  const f1 = scores.map((s) => s.f1);
  return {
    pages: scores.length, meanF1: mean(f1), medianF1: median(f1), minF1: f1.length ? Math.min(...f1) : 0,
    meanPrecision: mean(scores.map((s) => s.precision)), meanRecall: mean(scores.map((s) => s.recall)), meanParaRecall: mean(scores.map((s) => s.paraRecall)),
  };
}
