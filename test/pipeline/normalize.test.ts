import { describe, it, expect } from 'vitest';
import { normalizeText, detectScript, toHalfWidth, splitSentences } from '../../pipeline/normalize.ts';

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
