import { describe, expect, it } from 'vitest';
import { compileLexicon, findPhrases, makeFold, wordPieces } from '../../pipeline/lexicon.ts';

describe('lexicon matching', () => {
  it('folds case, full-width forms, spaces and the spelling map', () => {
    const fold = makeFold({ 琐单: '锁单' });
    expect(fold('小米 ＳＵ７ Ultra 琐单')).toBe('小米su7 ultra锁单');
    expect(fold('YU7 6月26日')).toBe('yu7 6月26日');
  });

  it('finds a phrase only on word boundaries, or at the start or end of a longer word', () => {
    const lexicon = compileLexicon(['加价', '转单', '销量', 'su7'], ['加量不加价']);
    expect(findPhrases(['小米', '加量不加价'], lexicon).has('加价')).toBe(false);
    expect(findPhrases(['su7', '转', '单数'], lexicon).has('转单')).toBe(false);
    expect(findPhrases(['七', '月销量'], lexicon).get('销量')).toBe(1);
    expect(findPhrases(wordPieces(['su7ultra', '加价']), lexicon)).toEqual(new Map([['su7', 1], ['加价', 1]]));
  });

  it('parts a model name from a month or a day glued to it, and only then', () => {
    const lexicon = compileLexicon(['yu7', 'su7', '销量']);
    const find = (tokens: string[]) => findPhrases(wordPieces(tokens), lexicon);
    expect(find(['小米', 'y', 'u', '7', '1', '月份', '销量']).has('yu7')).toBe(true); // 小米YU71月份销量
    expect(find(['s', 'u', '7', '1', '2', '月', '销量']).has('su7')).toBe(true); // SU712月销量
    expect(find(['s', 'u', '7', '2', '0', '2', '4', '年', '销量']).has('su7')).toBe(true); // SU72024年销量
    // Not without a date unit after the digits, nor where the name is no phrase.
    expect(find(['s', 'u', '7', '1', '销量']).has('su7')).toBe(false);
    expect(find(['x', 'y', '7', '1', '月']).size).toBe(0);
  });

  it('reads a space between letters or digits as a word boundary', () => {
    const lexicon = compileLexicon(['yu7', 'su7ultra']);
    expect(findPhrases(wordPieces(['yu7', ' ', '6', '月']), lexicon).get('yu7')).toBe(1);
    expect(findPhrases(wordPieces(['su7', ' ', 'ultra']), lexicon).get('su7ultra')).toBe(1);
  });

  it('spells phrases across consecutive words', () => {
    const lexicon = compileLexicon(['锁单量']);
    expect(findPhrases(['锁单', '量', '破万'], lexicon).get('锁单量')).toBe(1);
  });
});
