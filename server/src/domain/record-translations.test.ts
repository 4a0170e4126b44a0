import { describe, expect, it } from 'vitest';
import { indexTranslations, missingLanguages, multilingualIn, shownIn, translationTableSchema } from './record-translations';

const index = indexTranslations([
  { from: 'en', en: 'Estimate: near the town.', vi: 'Ước tính: gần thị trấn.', zh: '估计：靠近城镇。' },
  { from: 'vi', vi: 'Tỉnh ủy Lạng Sơn', zh: '越南谅山省委' },
]);

describe('the record prose in three languages', () => {
  it('gives the translation, marked, and the original unmarked in its own language', () => {
    expect(shownIn(index, 'Estimate: near the town.', 'vi')).toEqual({ text: 'Ước tính: gần thị trấn.', translated: true, language: 'vi' });
    expect(shownIn(index, 'Estimate: near the town.', 'en')).toEqual({
      text: 'Estimate: near the town.',
      translated: false,
      language: 'en',
    });
  });

  it('shows a text nobody translated as written, language unknown (an editor’s new note)', () => {
    expect(shownIn(index, 'Ghi chú mới của biên tập viên', 'zh')).toEqual({ text: 'Ghi chú mới của biên tập viên', translated: false });
  });

  it("prefers the record's own words in a language to a translation", () => {
    expect(multilingualIn(index, { vi: 'Tỉnh ủy Lạng Sơn', en: 'Lạng Sơn Provincial Party Committee', zh: null }, 'en')).toEqual({
      text: 'Lạng Sơn Provincial Party Committee',
      translated: false,
      language: 'en',
    });
    expect(multilingualIn(index, { vi: 'Tỉnh ủy Lạng Sơn', en: 'x', zh: null }, 'zh')).toEqual({
      text: '越南谅山省委',
      translated: true,
      language: 'zh',
    });
    expect(multilingualIn(index, { vi: 'Tỉnh ủy Cao Bằng', en: 'y', zh: null }, 'zh')).toEqual({
      text: 'Tỉnh ủy Cao Bằng',
      translated: false,
      language: 'vi',
    });
  });

  it('says which languages a text still lacks, only those the record does not hold itself', () => {
    expect(missingLanguages(index, { text: 'Tỉnh ủy Lạng Sơn', from: 'vi', where: 'x', needs: ['zh'] })).toEqual([]);
    expect(missingLanguages(index, { text: 'Tỉnh ủy Lạng Sơn', from: 'vi', where: 'x' })).toEqual(['en']);
    expect(missingLanguages(index, { text: 'unknown', from: 'en', where: 'x' })).toEqual(['vi', 'zh']);
  });

  it('refuses a table with an entry lacking its original, or two entries for one text', () => {
    expect(translationTableSchema.safeParse([{ from: 'en', vi: 'a' }]).success).toBe(false);
    expect(
      translationTableSchema.safeParse([
        { from: 'en', en: 'a', vi: 'b' },
        { from: 'en', en: 'a', vi: 'c' },
      ]).success,
    ).toBe(false);
  });
});
