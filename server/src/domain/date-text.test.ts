import { describe, expect, it } from 'vitest';
import { formatDate, parseDateInput } from './date-text';

describe('dates in the language of the interface', () => {
  it('writes a day as each language does, day before month', () => {
    expect(formatDate('2026-02-11', 'vi')).toBe('11/02/2026');
    expect(formatDate('2026-02-11', 'en')).toBe('11 Feb 2026');
    expect(formatDate('2026-02-11', 'zh')).toBe('2026年2月11日');
  });

  it('writes the record’s partial dates without inventing a day', () => {
    expect(formatDate('2025-06', 'vi')).toBe('06/2025');
    expect(formatDate('2025-06', 'en')).toBe('Jun 2025');
    expect(formatDate('2025-06', 'zh')).toBe('2025年6月');
    expect(formatDate('2025', 'zh')).toBe('2025年');
    expect(formatDate('2025', 'en')).toBe('2025');
  });

  it('reads back what each language shows, and ISO', () => {
    for (const language of ['vi', 'en', 'zh'] as const) expect(parseDateInput(formatDate('2023-02-22', language))).toBe('2023-02-22');
    expect(parseDateInput('2023-02-22')).toBe('2023-02-22');
    expect(parseDateInput(' 7/3/2024 ')).toBe('2024-03-07');
    expect(parseDateInput('7 march 2024')).toBe('2024-03-07');
  });

  it('refuses what is not a real date, never reading month first', () => {
    expect(parseDateInput('31/02/2024')).toBeNull();
    expect(parseDateInput('12/31/2024')).toBeNull();
    expect(parseDateInput('2024')).toBeNull();
    expect(parseDateInput('hôm qua')).toBeNull();
    expect(parseDateInput('7 Foo 2024')).toBeNull();
  });
});
