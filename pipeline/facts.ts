// Figures an article states, with unit, what they count and their sentence. Runs on the
// normalized text (half-width digits); reads 3万, 2.99万元, 五千元, 3000-8000元, 88898台.
import type { Figure } from '../src/schema/article.ts';
import type { ClaimRule } from './config.ts';
import { splitSentences } from './normalize.ts';

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** 五千 → 5000, 两万三千 → 23000, 十五 → 15, 八万八千八百九十八 → 88898, 五十二点九九 → 52.99. */
export function parseChineseNumber(text: string): number | undefined {
  const [whole, fraction] = text.split('点');
  if (fraction !== undefined) {
    const head = parseChineseNumber(whole!);
    const digits = [...fraction].map((c) => CN_DIGIT[c]);
    if (head === undefined || !digits.length || digits.some((d) => d === undefined)) return undefined;
    return Number(`${head}.${digits.join('')}`);
  }
  let total = 0, section = 0, digit = -1;
  for (const ch of text) {
    if (ch in CN_DIGIT) { digit = CN_DIGIT[ch]!; continue; }
    if (ch in CN_SMALL_UNIT) { section += (digit === -1 ? 1 : digit) * CN_SMALL_UNIT[ch]!; digit = -1; continue; }
    if (ch in CN_BIG_UNIT) { total = (total + section + Math.max(digit, 0)) * CN_BIG_UNIT[ch]!; section = 0; digit = -1; continue; }
    return undefined;
  }
  return total + section + Math.max(digit, 0);
}

// A Chinese numeral starts with a digit word or 十 (十五); a bare 千 or 百 is 数千/上百, not a figure.
const NUM = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*(?:点[零〇一二三四五六七八九]+)?)`;
const MULT = String.raw`(万|亿|千)?`;
const UNIT_WORDS = '元|块钱|块|台|辆|位|名|人|个|家|天|日|小时|分钟|%|积分|张|单|起|宗|件|条|倍|次';
const UNIT = `(${UNIT_WORDS})`;
// A range ("3000-8000元", "2万至5万元", "3000元至8000元", "300到400名") or a single figure.
const FIGURE = new RegExp(`${NUM}${MULT}(?:(?:${UNIT_WORDS})?\\s*(?:-|–|—|~|～|至|到)\\s*${NUM}${MULT})?\\s*${UNIT}`, 'g');
const APPROXIMATE_BEFORE = /(约|大约|超过|逾|近|将近|接近|突破|超|达到?|上万|多达)$/;
const APPROXIMATE_AFTER = /^(多|余|左右|以上|上下)/;

const UNIT_NAMES: Record<string, string> = { 块钱: '元', 块: '元', 辆: '台', 名: '人', 位: '人', 日: '天', 宗: '件', 起: '件', 条: '件' };
const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

function toNumber(num: string, mult: string | undefined): number | undefined {
  const base = /^\d/.test(num) ? Number(num) : parseChineseNumber(num);
  if (base === undefined || !Number.isFinite(base)) return undefined;
  return Math.round(base * (mult ? MULTIPLIER[mult]! : 1) * 100) / 100;
}

export type FigureMatch = { value: number; valueMax?: number; unit: string; text: string; index: number; approximate?: boolean };

export function findFigures(sentence: string): FigureMatch[] {
  const out: FigureMatch[] = [];
  // exec with lastIndex, not matchAll: matchAll copies the regular expression on every call,
  // and this runs on every sentence. FIGURE never matches empty, so the walk always moves on.
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(sentence); m; m = FIGURE.exec(sentence)) {
    const [text, n1, m1, n2, m2, rawUnit] = m;
    // "三" alone before 天 is a count; but a lone Chinese "一" before 个/次 is usually grammar, not a figure.
    if (!/\d/.test(n1!) && /^[一两]$/.test(n1!) && !m1 && /^(个|次|家|位|名|人|辆|台|条|件|张|单|起|天|日)$/.test(rawUnit!)) continue;
    // 2024年 is a date, 4月30日 too, 第3次 an ordinal, 数千/几万 a guess: none is a figure.
    if (/^(年|月)$/.test(sentence[m.index! + text!.length] ?? '') || /[第数几]/.test(sentence[m.index! - 1] ?? '')) continue;
    if (rawUnit === '日' && /月$/.test(sentence.slice(0, m.index!))) continue;
    const second = n2 ? toNumber(n2, m2 ?? m1) : undefined;
    // "2万至5万元": the first multiplier may be left implicit ("2至5万元").
    const first = toNumber(n1!, m1 ?? (n2 && m2 && !/\d{3,}/.test(n1!) ? m2 : undefined));
    if (first === undefined) continue;
    const unit = UNIT_NAMES[rawUnit!] ?? rawUnit!;
    const approximate = APPROXIMATE_BEFORE.test(sentence.slice(Math.max(0, m.index! - 4), m.index!)) || APPROXIMATE_AFTER.test(sentence.slice(m.index! + text!.length))
      || /[多余]$/.test(text!.slice(0, -rawUnit!.length));
    out.push({ value: first, valueMax: second !== undefined && second > first ? second : undefined, unit, text: text!.trim(), index: m.index!, ...(approximate ? { approximate } : {}) });
  }
  return out;
}

/**
 * The claim a figure supports. Among rules whose unit and range fit and whose `all` words are
 * in the sentence, the one whose cue words sit closest to the figure wins, so
 * "加价3万元转让，定金5000元" gives each figure its own claim. Chinese names the thing before
 * the number, so a cue after the figure counts double and never across a comma. Among rules
 * whose cues are about as close, the more specific (more `all` words) wins, then the one whose
 * `all` words are nearer ("27分钟大定5万台，24小时大定88898台"), then file order. A `none` word
 * closer to the figure than the cue (or within 8 characters) rules the rule out.
 */
export function classifyFigure(sentence: string, figure: FigureMatch, rules: ClaimRule[]): { claim: string; what: string } | undefined {
  const candidates: { rule: ClaimRule; cue: number; context: number; order: number }[] = [];
  for (const [order, rule] of rules.entries()) {
    if (rule.unit !== figure.unit) continue;
    if ((rule.min !== undefined && figure.value < rule.min) || (rule.max !== undefined && figure.value > rule.max)) continue;
    if (!rule.all.every((w) => sentence.includes(w))) continue;
    const cue = rule.any.length ? nearestDistance(sentence, figure, rule.any) : 12;
    if (cue > (rule.within ?? 16)) continue;
    if (nearestDistance(sentence, figure, rule.none) <= Math.max(cue, 8)) continue;
    const context = rule.all.length ? Math.max(...rule.all.map((w) => nearestDistance(sentence, figure, [w]))) : 0;
    candidates.push({ rule, cue, context, order });
  }
  if (!candidates.length) return undefined;
  const closest = Math.min(...candidates.map((c) => c.cue));
  const [best] = candidates.filter((c) => c.cue <= closest + 2)
    .sort((a, b) => b.rule.all.length - a.rule.all.length || a.context - b.context || a.order - b.order);
  return { claim: best!.rule.claim, what: best!.rule.what };
}

/** Characters between the figure and the nearest occurrence of any of the words (Infinity if none). */
function nearestDistance(sentence: string, figure: FigureMatch, words: string[]): number {
  const start = figure.index, end = figure.index + figure.text.length;
  let best = Infinity;
  for (const word of words) {
    for (let i = sentence.indexOf(word); i !== -1; i = sentence.indexOf(word, i + 1)) {
      const after = i >= end;
      if (after && /[，,；;。、]/.test(sentence.slice(end, i))) continue; // a cue after a comma names the next figure
      const d = i + word.length <= start ? start - (i + word.length) : after ? (i - end) * 2 : 0;
      if (d < best) best = d;
    }
  }
  return best;
}

const MAX_FIGURES = 40;

/**
 * Figures of an article: those a claim rule recognises, named by the rule. Unrecognised
 * numbers (page counts, phone models) are left out: a ledger of noise helps nobody.
 */
export function extractFigures(normalizedText: string, rules: ClaimRule[]): Figure[] {
  const figures: Figure[] = [];
  const seen = new Set<string>();
  for (const sentence of splitSentences(normalizedText)) {
    for (const match of findFigures(sentence)) {
      const claim = classifyFigure(sentence, match, rules);
      if (!claim) continue;
      const key = `${claim.claim}:${match.value}:${match.valueMax ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      figures.push({ value: match.value, ...(match.valueMax !== undefined ? { valueMax: match.valueMax } : {}), ...(match.approximate ? { approximate: true } : {}), unit: match.unit, what: claim.what, claim: claim.claim, text: match.text, sentence: sentence.slice(0, 300) });
      if (figures.length >= MAX_FIGURES) return figures;
    }
  }
  return figures;
}
