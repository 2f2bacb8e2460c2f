// The reader's summary: the article's key sentences, not its lead copied. Pages that may not
// show the full text (most sources' licenses) show this, the evidence and the figures instead.
// Pure: sentences in, a short text out.
import { splitSentences } from './normalize.ts';

export type SummaryInput = {
  title: string;
  paragraphs: string[];
  /** Sentences the analysis already found important (topic evidence, figure sentences). */
  keySentences: string[];
  keywords: string[];
};

const MAX_CHARS = 120;
const MIN_SENTENCE = 12;
const MAX_SENTENCE = 90;

type Candidate = { text: string; paragraph: number; position: number; score: number };

/**
 * Scores every sentence by what it carries (a key sentence, the article's keywords, the title's
 * words) and keeps the best ones that fit, in article order. At most one sentence comes from the
 * opening paragraph, so the summary is never the lead copied: the lead is what a reader of the
 * original sees first anyway, and a summary should add what the rest of the article says.
 */
export function readerSummary(input: SummaryInput): string {
  const key = new Set(input.keySentences.map((s) => s.trim()));
  const titleChars = bigrams(input.title);
  const candidates: Candidate[] = [];
  let position = 0;
  input.paragraphs.forEach((paragraph, p) => {
    for (const sentence of splitSentences(paragraph)) {
      const text = sentence.trim();
      position++;
      if (text.length < MIN_SENTENCE || text.length > MAX_SENTENCE) continue;
      let score = 0;
      if (key.has(text)) score += 3;
      score += input.keywords.filter((k) => k.length > 1 && text.includes(k)).length * 0.5;
      score += overlap(bigrams(text), titleChars) * 4;
      if (/\d|[一二三四五六七八九十百千万亿]{2,}/.test(text)) score += 0.5;
      // Quoted opinion and reporter's asides say less about what happened.
      if (/^[“「"]|表示，“|认为|记者注意到|有网友/.test(text)) score -= 1;
      candidates.push({ text, paragraph: p, position, score });
    }
  });
  const chosen: Candidate[] = [];
  let length = 0;
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.position - b.position)) {
    if (c.paragraph === 0 && chosen.some((x) => x.paragraph === 0)) continue;
    if (length + c.text.length > MAX_CHARS) continue;
    chosen.push(c);
    length += c.text.length;
    if (chosen.length === 3) break;
  }
  // An opening sentence alone would be the lead again: add the best later one if it fits.
  if (chosen.length > 0 && chosen.every((c) => c.paragraph === 0)) {
    const later = candidates.filter((c) => c.paragraph > 0).sort((a, b) => b.score - a.score)[0];
    if (later) chosen.push(later);
  }
  return chosen.sort((a, b) => a.position - b.position).map((c) => c.text).join('');
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Share of the title's character pairs that the sentence contains. */
function overlap(sentence: Set<string>, title: Set<string>): number {
  if (title.size === 0) return 0;
  let n = 0;
  for (const b of title) if (sentence.has(b)) n++;
  return n / title.size;
}
