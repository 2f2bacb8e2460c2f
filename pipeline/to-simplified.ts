// Traditional → Simplified as OpenCC's tw→cn then hk→cn converters do it, with opencc-js's own
// dictionaries, tries and longest-match lookup, but without asking the trie about characters
// no dictionary entry starts with (most of them), nor about a character that starts no entry
// longer than itself (its replacement is read from a table): opencc-js looks every character up in a Map, eight passes over
// the text, and that was a tenth of the analysis. The converters are built on first use. The output is the
// library's, character for character (test/pipeline/normalize.test.ts compares them).
import * as OpenCC from 'opencc-js';

type Converter = (text: string) => string;
type Preset = { normalizationChain?: readonly (readonly string[])[]; segmentation?: readonly string[]; conversionChain?: readonly (readonly string[])[] };

/**
 * A trie of some dictionaries (a dictionary group: the first one wins), the code units their
 * entries start with (1), and among those, the ones that start an entry longer than one code
 * unit (2, and every surrogate): the trie decides there. Elsewhere the entry is the character
 * alone, and its replacement is read from `single` without walking the trie (most entries of
 * the character dictionaries are one character, and so are most matches).
 */
type Lookup = {
  trie: OpenCC.Trie; starts: Uint8Array; single: (string | undefined)[];
  /** 1 where the character alone is an entry (its replacement in `single`). */
  alone: Uint8Array;
  /** A bit per pair of code units (hashed) that begins an entry of two or more: where the text's pair has none, the character alone is the longest entry. */
  pairs: Uint8Array;
};

const PAIR_BITS = 1 << 19;
function pairBit(a: number, b: number): number {
  return (Math.imul((a << 16) | b, 0x9e3779b1) >>> 13) & (PAIR_BITS - 1);
}

function lookup(dicts: readonly string[]): Lookup {
  const trie = new OpenCC.Trie();
  trie.loadDictGroup(dicts);
  const starts = new Uint8Array(0x10000);
  const pairs = new Uint8Array(PAIR_BITS >>> 3);
  for (const dict of dicts) {
    for (const entry of dict.split('|')) {
      const key = entry.split(' ')[0]!;
      // An entry starting outside the Basic Multilingual Plane is marked by its lead surrogate: the trie decides.
      if (key) starts[key.charCodeAt(0)] = Math.max(starts[key.charCodeAt(0)]!, key.length > 1 ? 2 : 1);
      if (key.length > 1) { const bit = pairBit(key.charCodeAt(0), key.charCodeAt(1)); pairs[bit >>> 3] |= 1 << (bit & 7); }
    }
  }
  const single: (string | undefined)[] = new Array(0x10000);
  const alone = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { if (starts[c]) starts[c] = 2; continue; }
    if (!starts[c]) continue;
    // The replacement the trie itself gives for the character alone (the group's first dictionary wins).
    const match = trie.matchPrefix(String.fromCharCode(c), 0);
    if (match) { single[c] = match.value; alone[c] = 1; }
  }
  return { trie, starts, single, alone, pairs };
}

/** opencc-js's step over a character it does not convert: an ideographic description sequence (⿰ and its operands) as one. */
function skip(text: string, at: number): number {
  const end = describedEnd(text, at);
  return end > at ? end - at : width(text, at);
}

function width(text: string, at: number): number {
  return text.codePointAt(at)! > 0xffff ? 2 : 1;
}

function describedEnd(text: string, at: number): number {
  const cp = text.codePointAt(at)!;
  const operands = cp >= 0x2ff0 && cp <= 0x2ff1 ? 2 : cp >= 0x2ff2 && cp <= 0x2ff3 ? 3 : cp >= 0x2ff4 && cp <= 0x2fff ? 2 : 0;
  if (operands === 0) return 0;
  let i = at + width(text, at);
  for (let k = 0; k < operands; k++) {
    if (i >= text.length) return 0;
    i = describedEnd(text, i) || i + width(text, i);
  }
  return i;
}

/** Trie.convert: the longest entry at each place replaced, the rest copied. */
function convert(text: string, lookup: Lookup): string {
  return cut(text, lookup, true).join('');
}

/** Trie.segment: the text cut into entries and the stretches between them. */
function segment(text: string, lookup: Lookup): string[] {
  return cut(text, lookup, false);
}

/** The longest entry at each place (its replacement, or itself when `replace` is false) and the stretches between entries, in order. */
function cut(text: string, { trie, starts, single, alone, pairs }: Lookup, replace: boolean): string[] {
  const out: string[] = [];
  let pending = -1;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    let start = starts[c];
    if (start === 2 && (c < 0xd800 || c > 0xdfff)) {
      // No longer entry begins with this pair: the character alone, if it is an entry, is the longest.
      const bit = i + 1 < text.length ? pairBit(c, text.charCodeAt(i + 1)) : -1;
      if (bit === -1 || !(pairs[bit >>> 3]! & (1 << (bit & 7)))) start = alone[c] ? 1 : 0;
    }
    let end = -1, value: string | undefined;
    if (start === 1) { end = i + 1; value = single[c]; } else if (start === 2) {
      const match = trie.matchPrefix(text, i);
      if (match) { end = match.end; value = match.value; }
    }
    if (end !== -1) {
      if (pending !== -1) { out.push(text.slice(pending, i)); pending = -1; }
      out.push(replace ? value! : text.slice(i, end));
      i = end;
    } else {
      if (pending === -1) pending = i;
      i += skip(text, i);
    }
  }
  if (pending !== -1) out.push(text.slice(pending));
  return out;
}

/** One preset (tw2s, hk2s) composed as opencc-js's Converter composes it; the library's own converter if the preset is not laid out as expected. */
function presetConverter(name: string, from: string): Converter {
  const preset = (OpenCC.Locale.configs as unknown as Record<string, Preset | undefined>)[name];
  if (!preset?.normalizationChain || !preset.segmentation || !preset.conversionChain
    || ![preset.segmentation, ...preset.normalizationChain, ...preset.conversionChain].every((g) => Array.isArray(g) && g.every((d) => typeof d === 'string'))) return OpenCC.Converter({ from, to: 'cn' });
  const normalization = preset.normalizationChain.map(lookup);
  const segmentation = lookup(preset.segmentation);
  const conversion = preset.conversionChain.map(lookup);
  return (text) => {
    const normalized = normalization.reduce((t, l) => convert(t, l), text);
    return conversion.reduce((parts, l) => parts.map((p) => convert(p, l)), segment(normalized, segmentation)).join('');
  };
}

// Built on first use: a run of Simplified text never needs them.
let converters: { twToCn: Converter; hkToCn: Converter } | undefined;

/** Traditional (Taiwan, then Hong Kong forms) → Simplified. */
export function toSimplified(text: string): string {
  converters ??= { twToCn: presetConverter('tw2s', 'tw'), hkToCn: presetConverter('hk2s', 'hk') };
  return converters.hkToCn(converters.twToCn(text));
}
