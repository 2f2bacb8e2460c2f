// The analysed copy of a text: Simplified script, half-width digits and letters, tidy
// whitespace. The original stays for display; only this copy is segmented and classified.
import { toSimplified } from './to-simplified.ts';

export { toSimplified };

// Characters common in Traditional text and absent from Simplified: enough to tell the script.
const TRADITIONAL_MARKERS = '這個們說時來對於會與區後發價車購訂單銷轉權維費問題資訊機關門開頭點實體從過還';
const SIMPLIFIED_MARKERS = '这个们说时来对于会与区后发价车购订单销转权维费问题资讯机关门开头点实体从过还';
// +1 for a Traditional marker, -1 for a Simplified one, by UTF-16 code unit: one pass, no regex.
const MARKER = new Int8Array(0x10000);
for (const c of TRADITIONAL_MARKERS) MARKER[c.charCodeAt(0)] = 1;
for (const c of SIMPLIFIED_MARKERS) MARKER[c.charCodeAt(0)] = -1;

export function detectScript(text: string): 'hans' | 'hant' {
  const end = Math.min(text.length, 4000);
  let trad = 0, simp = 0;
  for (let i = 0; i < end; i++) {
    const m = MARKER[text.charCodeAt(i)]!;
    if (m === 1) trad++; else if (m === -1) simp++;
  }
  return trad > simp ? 'hant' : 'hans';
}

/** Full-width digits, letters, % . + - → ASCII; the ideographic space → space. Chinese punctuation stays. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E\uFF0B\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function normalizeText(text: string, script = detectScript(text)): string {
  return tidy(script === 'hant' ? toSimplified(text) : text);
}

/**
 * normalizeText of each line of one script (lines without line breaks), with one conversion to
 * Simplified for all of them: the converter's dictionaries hold no line break, so a match never
 * spans one and converting the lines joined is converting each. Ideographic description
 * characters (U+2FF0–U+2FFF) make the converter skip the characters that follow, line breaks
 * included: lines holding one are converted one by one.
 */
export function normalizeLines(lines: string[], script: 'hans' | 'hant'): string[] {
  if (script === 'hans') return tidyLines(lines);
  const joined = lines.join('\n');
  const converted = /[\u2ff0-\u2fff]/.test(joined) ? undefined : toSimplified(joined).split('\n');
  return tidyLines(converted?.length === lines.length ? converted : lines.map(toSimplified));
}

/**
 * tidy of each line, in one pass of each replacement over the lines joined rather than one per
 * line (a long article has hundreds): none of them matches a line break or across one (the
 * thousands separator needs digits on both sides), and the ends are trimmed line by line.
 */
function tidyLines(lines: readonly string[]): string[] {
  const parted = lines.some((l) => l.includes('\n')) ? undefined : tidyInside(lines.join('\n')).split('\n');
  return parted?.length === lines.length ? parted.map((l) => l.trim()) : lines.map(tidy);
}

function tidy(text: string): string {
  return tidyInside(text).trim();
}

function tidyInside(text: string): string {
  return toHalfWidth(text)
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // 88,898 → 88898
    .replace(/[ \t]+/g, ' ');
}

/** Sentences, split after Chinese and ASCII terminal punctuation and at line breaks. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[。！？!?；;])|\n+/).map((s) => s.trim()).filter((s) => s.length > 1);
}
