import { describe, it, expect } from 'vitest';
import { glossaryTermsIn } from '../../src/lib/glossary-terms.ts';

const glossary = [
  { term: '定金', meaning: '担保性质' },
  { term: '订金', meaning: '预付款' },
  { term: '锁单', meaning: '锁定配置' },
];

describe('glossaryTermsIn', () => {
  it('lists the terms an article uses, in glossary order', () => {
    expect(glossaryTermsIn(['锁单后定金不退'], glossary).map((g) => g.term)).toEqual(['定金', '锁单']);
  });
  it('finds Traditional forms', () => {
    expect(glossaryTermsIn(['支付訂金後鎖單'], glossary).map((g) => g.term)).toEqual(['订金', '锁单']);
  });
  it('lists nothing for an article without the terms', () => {
    expect(glossaryTermsIn(['小米SU7交付'], glossary)).toEqual([]);
  });
});
