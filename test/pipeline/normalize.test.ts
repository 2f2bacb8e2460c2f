import path from 'node:path';
import { describe, it, expect } from 'vitest';
import * as OpenCC from 'opencc-js';
import { normalizeText, detectScript, toHalfWidth, splitSentences, toSimplified } from '../../pipeline/normalize.ts';
import { readJsonl, type EvalItem } from '../../pipeline/eval-sets.ts';

describe('normalize', () => {
  it('converts Traditional to Simplified', () => {
    expect(normalizeText('小米汽車鎖單後定金無法退還，消費者維權')).toBe('小米汽车锁单后定金无法退还，消费者维权');
  });
  it('detects the script', () => {
    expect(detectScript('小米汽車鎖單後定金無法退還，這個問題')).toBe('hant');
    expect(detectScript('小米汽车锁单后定金无法退还，这个问题')).toBe('hans');
  });
  it('turns full-width digits and letters into ASCII but keeps Chinese punctuation', () => {
    expect(toHalfWidth('大定８８８９８台，ＳＵ７，５０％')).toBe('大定88898台，SU7，50%');
  });
  it('drops thousands separators in figures', () => {
    expect(normalizeText('大定88,898台')).toBe('大定88898台');
  });
  it('splits sentences on Chinese punctuation and line breaks', () => {
    expect(splitSentences('第一句。第二句！第三句？\n第四句')).toEqual(['第一句。', '第二句！', '第三句？', '第四句']);
  });
});

describe('Traditional → Simplified (pipeline/to-simplified.ts) against opencc-js itself', () => {
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const library = (text: string) => hk(tw(text));
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

  it('converts the written eval sets, put into Taiwan and Hong Kong forms, as the library does', () => {
    const items = ['items', 'holdout', 'blind'].flatMap((n) => readJsonl<EvalItem>(path.resolve(import.meta.dirname, `../fixtures/eval/${n}.jsonl`)));
    const texts = items.flatMap((x) => [`${x.title}\n${x.text}`, toTaiwan(`${x.title}\n${x.text}`), toHongKong(`${x.title}\n${x.text}`)]);
    expect(texts.filter((t) => toSimplified(t) !== library(t))).toEqual([]);
  });

  it('steps over ideographic description sequences, characters beyond the BMP and lone surrogates as the library does', () => {
    // Strings drawn from a small alphabet of the hard cases, with a fixed seed.
    const alphabet = [...'⿰⿱⿲⿳⿴⿻乾隆頭髮發財裏面裡程碑鎖單訂車輛說話著名臺灣後來麵包', '𠮷', '\ud800', '\udc00', 'a', ' ', '\n', '，'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    expect(texts.filter((t) => toSimplified(t) !== library(t))).toEqual([]);
    expect(toSimplified('⿰氵青頭髮')).toBe(library('⿰氵青頭髮'));
  });
});
