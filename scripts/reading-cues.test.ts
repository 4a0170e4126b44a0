import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRADE_OF_CUE, governingCue, LEADING_WORDS, leadingPromotion, PROMOTION_PHRASES, READING_CUES } from './reading-cues';

const READING = readFileSync(join(import.meta.dirname, '..', 'geodata', 'READING.md'), 'utf8');
const [vietnamese, english] = READING.split(/^## English$/m);

/** The cue table of one section of READING.md: "| `phrase` | `kind` | grade |". */
const tableOf = (section: string) =>
  [...section.matchAll(/^\| `([^`]+)` \| `([a-z]+)` \| ([a-z]+) \|$/gmu)].map(([, phrase, kind, grade]) => ({ phrase, kind, grade }));

describe('geodata/READING.md writes the rules the check holds', () => {
  const cues = READING_CUES.map((cue) => ({ ...cue, grade: GRADE_OF_CUE[cue.kind] }));

  it('lists every cue, its kind and its grade, in Vietnamese first and then in English', () => {
    expect(english).toBeDefined();
    expect(tableOf(vietnamese)).toEqual(cues);
    expect(tableOf(english)).toEqual(cues);
  });

  it('names the promotion phrases, the leading words and the note’s convention in both languages', () => {
    for (const section of [vietnamese, english]) {
      for (const phrase of PROMOTION_PHRASES) expect(section).toContain(phrase);
      expect(section).toContain(`${LEADING_WORDS}`);
      expect(section).toContain('`Operation implied by: <');
      expect(section).toContain('`Ngụ ý hoạt động: <');
    }
  });
});

describe('governingCue', () => {
  it('is the longest cue at the first place one leads the quote, whatever the subject before it', () => {
    expect(governingCue('Hai tỉnh cùng thúc đẩy hoàn thiện cơ sở hạ tầng', 'under_construction')).toEqual({
      phrase: 'cùng thúc đẩy hoàn thiện',
      kind: 'directive',
    });
    expect(governingCue('ĐẨY NHANH TIẾN ĐỘ XÂY DỰNG cầu Nà Sẻ', 'under_construction')?.kind).toBe('directive');
  });

  it('skips a statement cue the step’s status is not: "thống nhất" governs only an agreed step', () => {
    const quote = 'Thống nhất cùng kiến nghị cấp trên phê duyệt';
    expect(governingCue(quote, 'agreed')?.phrase).toBe('thống nhất');
    expect(governingCue(quote, 'proposed')?.phrase).toBe('kiến nghị');
    expect(governingCue(quote, 'operating')).toBeNull();
  });

  it('matches whole words only, and composes what the documents decompose', () => {
    expect(governingCue('đã mở rộng cầu Nà Sẻ', 'operating')?.phrase).toBe('đã mở');
    expect(governingCue('đã mởi khách', 'operating')).toBeNull();
    expect(governingCue('Hai bên phối hợp'.normalize('NFD'), 'built')?.phrase).toBe('phối hợp');
  });

  it('a joint directive states a commitment (proposed, agreed) and presupposes any stage past it', () => {
    expect(governingCue('Hai bên cùng thúc đẩy mở cửa khẩu Nà Sẻ', 'agreed')).toBeNull();
    expect(governingCue('Hai bên cùng thúc đẩy mở cửa khẩu Nà Sẻ', 'proposed')).toBeNull();
    expect(governingCue('Hai bên cùng thúc đẩy mở cửa khẩu Nà Sẻ', 'under_construction')?.kind).toBe('directive');
  });

  it('ignores a cue past the leading words', () => {
    const opening = Array.from({ length: LEADING_WORDS }, (_, i) => `chữ${i}`).join(' ');
    expect(governingCue(`${opening} thúc đẩy`, 'built')).toBeNull();
    expect(leadingPromotion(`${opening} thúc đẩy`)).toBeNull();
    expect(leadingPromotion(`chữ thúc đẩy ${opening}`)).toBe('thúc đẩy');
  });
});
