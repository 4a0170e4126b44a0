import type { Province } from './schemas';

/**
 * A province code as of a date, following mergers (Hà Giang → Tuyên Quang from 1 July 2025).
 * Shared so the server's `asOf` and the client's time slider agree.
 */
export function provinceAsOf(code: string, date: string, provinces: readonly Pick<Province, 'code' | 'mergedInto'>[]): string {
  const merged = provinces.find((province) => province.code === code)?.mergedInto;
  return merged && date >= merged.date ? provinceAsOf(merged.code, date, provinces) : code;
}
