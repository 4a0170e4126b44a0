import { describe, expect, it } from 'vitest';
import { clauseLabelIn } from './clause-label';

describe('clause labels in Chinese', () => {
  it('reads every structural part of the record’s labels', () => {
    const zh = (en: string) => clauseLabelIn({ vi: '-', en }, 'zh');
    expect(zh('Section II, item 1, sub-item a')).toBe('第II部分，第1点，a目');
    expect(zh('Item (5), paragraph b')).toBe('第(5)点，第b段');
    expect(zh('Preamble, paragraph 1')).toBe('序言，第1段');
    expect(zh('Section 3, Lạng Sơn part')).toBe('第3部分，Lạng Sơn部分');
    expect(zh('Section I, bullet 1')).toBe('第I部分，第1个要点');
    expect(zh('Subject line')).toBe('事由');
  });

  it('keeps a part no rule knows in English, and gives Vietnamese and English as the record has them', () => {
    expect(clauseLabelIn({ vi: '-', en: 'Annex, table 2' }, 'zh')).toBe('Annex，table 2');
    expect(clauseLabelIn({ vi: 'Mục II, điểm 1', en: 'Section II, item 1' }, 'vi')).toBe('Mục II, điểm 1');
    expect(clauseLabelIn({ vi: 'Mục II, điểm 1', en: 'Section II, item 1' }, 'en')).toBe('Section II, item 1');
  });
});
