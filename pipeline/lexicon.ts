// Phrase matching on words, not raw substrings: a phrase counts only where it starts and ends
// on word boundaries of the segmented sentence, so 加价 is not found in 加量不加价 (one word in
// the dictionary) and 转单 not in "转单数". Text and phrases are folded the same way first:
// case, full-width forms, spaces and the editor's spelling map (琐单 → 锁单).
import { toHalfWidth } from './normalize.ts';

export type Fold = {
  (text: string): string;
  /** The fold of each of several lines (an item's sentences), in fewer passes than one by one. */
  lines(lines: readonly string[]): string[];
};

/** A folding function for one story: lowercase, half-width, spaces only between letters or digits, then the spelling map. */
export function makeFold(spelling: Record<string, string> = {}): Fold {
  const wrong = Object.keys(spelling).sort((a, b) => b.length - a.length);
  const pattern = wrong.length ? new RegExp(wrong.map(escapeRegExp).join('|'), 'g') : undefined;
  const finish = (text: string, spaces = /\s+/g) => {
    // A space between letters or digits still parts two words ("yu7 6月" is not "yu76月"); elsewhere it goes.
    const folded = text.replace(spaces, (space, at: number, all: string) => (/[a-z\d]/.test(all[at - 1] ?? '') && /[a-z\d]/.test(all[at + space.length] ?? '') ? ' ' : ''));
    return pattern ? folded.replace(pattern, (w) => spelling[w]!) : folded;
  };
  const fold = (text: string) => finish(caseAndWidth(text));
  // Spaces and spelling can be done on the lines joined as well: a run of white space other than
  // the line break stays inside its line (and a line break is no letter or digit, as a line's
  // missing neighbour is not), and no misspelling holds a line break.
  const joinable = wrong.every((w) => w !== '' && !w.includes('\n'));
  // Compatibility forms, width and case fold character by character, never across a line break
  // (NFKC composes nothing with one, and a line break is neither cased nor case-ignorable for
  // the final sigma), so the lines are folded joined, then parted.
  fold.lines = (lines: readonly string[]) => {
    const joined = caseAndWidth(lines.join('\n'));
    const parted = (joinable ? finish(joined, /[^\S\n]+/g) : joined).split('\n');
    if (parted.length !== lines.length) return lines.map(fold);
    return joinable ? parted : parted.map((line) => finish(line));
  };
  return fold;
}

function caseAndWidth(text: string): string {
  return toHalfWidth(text.normalize('NFKC')).toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type Lexicon = {
  phrases: ReadonlySet<string>;
  maxLength: number;
  wholeWords: ReadonlySet<string>;
  /** Every beginning of a phrase (the phrases included): a run of pieces that is none can only grow into none. */
  prefixes: ReadonlySet<string>;
  /** Every ending of a phrase (the phrases included), likewise for the ends of a long word. */
  suffixes: ReadonlySet<string>;
  /** 1 for each UTF-16 code unit a phrase starts, ends with: most words start and end with none, and need no look-up. */
  firstUnits: Uint8Array;
  lastUnits: Uint8Array;
  /** The first two code units of every phrase of two or more, hashed into bits (pairBit): a run whose first two are not there begins no phrase. */
  firstPairs: Uint8Array;
};

const PAIR_BITS = 1 << 20;
/** The bit of two code units in firstPairs (a hash: different pairs may share one, which only costs an exact look-up). */
function pairBit(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_BITS - 1);
}

/** `wholeWords`: words that hold a phrase but mean something else (加量不加价); never looked inside. */
export function compileLexicon(phrases: Iterable<string>, wholeWords: Iterable<string> = []): Lexicon {
  const set = new Set(phrases);
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  const firstUnits = new Uint8Array(0x10000);
  const lastUnits = new Uint8Array(0x10000);
  const firstPairs = new Uint8Array(PAIR_BITS);
  for (const p of set) {
    if (p.length >= 2) firstPairs[pairBit(p.charCodeAt(0), p.charCodeAt(1))] = 1;
    for (let k = 1; k <= p.length; k++) { prefixes.add(p.slice(0, k)); suffixes.add(p.slice(p.length - k)); }
    if (p) { firstUnits[p.charCodeAt(0)] = 1; lastUnits[p.charCodeAt(p.length - 1)] = 1; }
  }
  return { phrases: set, maxLength: Math.max(0, ...[...set].map((p) => p.length)), wholeWords: new Set(wholeWords), prefixes, suffixes, firstUnits, lastUnits, firstPairs };
}

// Letters and digits apart, so su7, yu7 and ultra each align in "su7ultra".
const ALNUM_PARTS = /[a-z]+|\d+(?:\.\d+)?|[^a-z\d]+/g;
const ASCII_WORD = /^[a-z\d.]+$/;

/** Word pieces for matching: letters and digits in runs of their own (jieba without its HMM cuts them one by one). */
export function wordPieces(tokens: readonly string[]): string[] {
  const pieces: string[] = [];
  let ascii = '';
  const flush = () => { if (ascii) pieces.push(...ascii.match(ALNUM_PARTS)!); ascii = ''; };
  for (const t of tokens) {
    if (t.charCodeAt(0) < 128 && ASCII_WORD.test(t)) { ascii += t; continue; }
    flush();
    pieces.push(t);
  }
  flush();
  return pieces;
}

/**
 * The lexicon phrases a folded sentence holds, given its word pieces (in order, covering it):
 * every run of consecutive pieces that spells a phrase, and a phrase that begins or ends a
 * longer word (jieba keeps 月销量 and 年销量 whole; 销量 is what they say), counted once per place.
 */
export function findPhrases(pieces: readonly string[], lexicon: Lexicon): ReadonlyMap<string, number> {
  pieces = unglueDates(pieces, lexicon);
  // Most sentences hold no phrase: they share one empty map instead of each making its own.
  let found: Map<string, number> | undefined;
  const add = (phrase: string) => { found ??= new Map(); found.set(phrase, (found.get(phrase) ?? 0) + 1); };
  const { prefixes, suffixes, firstUnits, lastUnits, firstPairs } = lexicon;
  for (const piece of pieces) {
    if (piece.length < 3) continue;
    // Each end is followed while it is still the beginning (ending) of some phrase.
    let head = firstUnits[piece.charCodeAt(0)] === 1, tail = lastUnits[piece.charCodeAt(piece.length - 1)] === 1;
    if ((!head && !tail) || lexicon.wholeWords.has(piece)) continue;
    for (let k = 2; k < piece.length && (head || tail); k++) {
      if (head) {
        const start = piece.slice(0, k);
        if (!prefixes.has(start)) head = false; else if (lexicon.phrases.has(start)) add(start);
      }
      if (tail) {
        const end = piece.slice(piece.length - k);
        if (!suffixes.has(end)) tail = false; else if (lexicon.phrases.has(end)) add(end);
      }
    }
  }
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece === ' ' || firstUnits[piece.charCodeAt(0)] !== 1) continue;
    // The second code unit, in this piece or the next that is not a space: a pair no phrase begins with ends the run.
    let second = piece.length > 1 ? piece.charCodeAt(1) : -1;
    for (let j = i + 1; second === -1 && j < pieces.length; j++) if (pieces[j] !== ' ') second = pieces[j]!.charCodeAt(0);
    if (second !== -1 && firstPairs[pairBit(piece.charCodeAt(0), second)] !== 1) {
      // A one-unit phrase is the only one left.
      if (lexicon.phrases.has(piece)) add(piece);
      continue;
    }
    let run = '';
    for (let j = i; j < pieces.length; j++) {
      if (pieces[j] === ' ') continue; // "su7 ultra" spells su7ultra, and a space still ends "yu7"
      run += pieces[j];
      if (run.length > lexicon.maxLength || !lexicon.prefixes.has(run)) break;
      if (lexicon.phrases.has(run)) add(run);
    }
  }
  return found ?? NO_PHRASES;
}

const NO_PHRASES: ReadonlyMap<string, number> = new Map();

// A month or a day written right after a model name ("小米YU71月份销量", "SU73月交付") glues its
// digits to the name's: split them off where the name is a phrase and a date unit follows.
const DATE_UNIT = /^(月|日|号|年|季度)/;

function unglueDates(pieces: readonly string[], lexicon: Lexicon): readonly string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < pieces.length; i++) {
    const digits = pieces[i]!;
    if (digits.length < 2 || !/^\d+$/.test(digits) || !/^[a-z]+$/.test(pieces[i - 1]!) || !DATE_UNIT.test(pieces[i + 1]!)) continue;
    // The split that leaves a month or a day (one or two digits: yu7|1, su7|12) or a year (su7|2024年).
    const year = pieces[i + 1]!.startsWith('年');
    for (let k = 1; k < digits.length; k++) {
      const rest = digits.length - k;
      if (!(rest <= 2 || (year && rest === 4))) continue;
      if (!lexicon.phrases.has(pieces[i - 1]! + digits.slice(0, k))) continue;
      out ??= [...pieces];
      const at = out.length - (pieces.length - i); // pieces already split before this one shift the index
      out.splice(at, 1, digits.slice(0, k), digits.slice(k));
      break;
    }
  }
  return out ?? pieces;
}

