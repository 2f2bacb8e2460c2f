import { describe, expect, it } from 'vitest';
import { STAGES, stageLabel } from '../../src/lib/labels.ts';
import { fieldLabel } from '../../src/lib/field-labels.ts';

describe('labels', () => {
  it('names every dispute stage in Chinese', () => {
    expect(STAGES.map(stageLabel)).toEqual(['投诉', '回应', '政策调整', '结果']);
    expect(stageLabel('other')).toBe('other');
  });
  it('names corrected fields, falling back to the field itself', () => {
    expect(fieldLabel('title')).toBe('标题');
    expect(fieldLabel('figures[0].value')).toBe('数字');
    expect(fieldLabel('mystery')).toBe('mystery');
  });
});
