/** The languages dates are written in: the interface's, the reports' and the exports'. */
type Language = 'vi' | 'en' | 'zh';

const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN' };

/** Intl formats, made once: a whole date, a month, a year (the record's partial dates). */
const FORMATS = {
  day: (language: Language) =>
    new Intl.DateTimeFormat(LOCALE[language], {
      day: language === 'vi' ? '2-digit' : 'numeric',
      month: language === 'en' ? 'short' : language === 'vi' ? '2-digit' : 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  month: (language: Language) =>
    new Intl.DateTimeFormat(LOCALE[language], {
      month: language === 'en' ? 'short' : language === 'vi' ? '2-digit' : 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
};
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: keyof typeof FORMATS, language: Language): Intl.DateTimeFormat {
  const key = `${kind}-${language}`;
  let made = cache.get(key);
  if (!made) {
    made = FORMATS[kind](language);
    cache.set(key, made);
  }
  return made;
}

/**
 * A record date ("2026-02-11", "2025-06" or "2025") as the language writes it: 11/02/2026 · 11 Feb 2026 ·
 * 2026年2月11日 (02/2025 · Feb 2025 · 2025年6月 for a month; the year alone for a year). Made by Intl, so the
 * interface, the exports and the date fields all agree.
 */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!month) return language === 'zh' ? `${year}年` : String(year);
  if (language === 'vi' && !day) return `${String(month).padStart(2, '0')}/${year}`;
  const date = new Date(Date.UTC(year, month - 1, day || 1));
  if (Number.isNaN(date.getTime())) return isoDate;
  return formatter(day ? 'day' : 'month', language).format(date);
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2026-02-11" when year, month and day make a real date, else null. */
function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * What a person typed into a date field, as an ISO date, or null when it is not a date. Takes the form the
 * field shows in any language (11/02/2026, 11 Feb 2026, 2026年2月11日) and ISO (2026-02-11); day before
 * month, as in Vietnam and most of the world — never the American month first.
 */
export function parseDateInput(typed: string): string | null {
  const value = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日?$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4})$/.exec(value);
  if (match) {
    const month = EN_MONTHS.indexOf(match[2]) + 1;
    return month > 0 ? isoOf(Number(match[3]), month, Number(match[1])) : null;
  }
  return null;
}
