import { describe, expect, it } from 'vitest';
import { compileLexicon, findPhrases, makeFold, wordPieces } from '../../pipeline/lexicon.ts';

describe('lexicon matching', () => {
  it('folds case, full-width forms, spaces and the spelling map', () => {
    const fold = makeFold({ 琐单: '锁单' });
    expect(fold('小米 ＳＵ７ Ultra 琐单')).toBe('小米su7ultra锁单');
  });

  it('finds a phrase only on word boundaries, or at the start or end of a longer word', () => {
    const lexicon = compileLexicon(['加价', '转单', '销量', 'su7'], ['加量不加价']);
    expect(findPhrases(['小米', '加量不加价'], lexicon).has('加价')).toBe(false);
    expect(findPhrases(['su7', '转', '单数'], lexicon).has('转单')).toBe(false);
    expect(findPhrases(['七', '月销量'], lexicon).get('销量')).toBe(1);
    expect(findPhrases(wordPieces(['su7ultra', '加价']), lexicon)).toEqual(new Map([['su7', 1], ['加价', 1]]));
  });

  it('spells phrases across consecutive words', () => {
    const lexicon = compileLexicon(['锁单量']);
    expect(findPhrases(['锁单', '量', '破万'], lexicon).get('锁单量')).toBe(1);
  });
});
