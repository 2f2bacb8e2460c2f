import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../src/lib/paragraphs.ts';

describe('splitParagraphs', () => {
  it('splits on blank lines and drops empty blocks', () => {
    expect(splitParagraphs('第一段。\n\n第二段。\n\n\n\n第三段。\n')).toEqual(['第一段。', '第二段。', '第三段。']);
  });
  it('handles CRLF and whitespace-only separator lines', () => {
    expect(splitParagraphs('甲\r\n \r\n乙')).toEqual(['甲', '乙']);
  });
  it('joins wrapped lines: no space between CJK, a space between Latin words', () => {
    expect(splitParagraphs('小米汽车\n宣布')).toEqual(['小米汽车宣布']);
    expect(splitParagraphs('Xiaomi\nSU7')).toEqual(['Xiaomi SU7']);
    expect(splitParagraphs('售价21.59\n万元')).toEqual(['售价21.59万元']);
  });
  it('keeps markup as text (escaping is the page’s job)', () => {
    expect(splitParagraphs('<script>alert(1)</script>')).toEqual(['<script>alert(1)</script>']);
  });
  it('accepts missing bodies', () => {
    expect(splitParagraphs(undefined)).toEqual([]);
    expect(splitParagraphs('')).toEqual([]);
  });
});
