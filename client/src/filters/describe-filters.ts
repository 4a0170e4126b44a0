import type { Agreement, Province } from '@domain/schemas';
import { KIND_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { formatDate, nameIn, text } from '../i18n/ui-text';
import type { Filters } from './filters';

/**
 * A screen's date and filters in words, for a printed page: "Tính đến ngày 22/02/2023 · Loại: … ·
 * Tỉnh: Lạng Sơn". Only what narrows the map is named; nothing narrowed reads "all features".
 */
export function describeFilters(
  filters: Filters,
  language: Language,
  names: { agreements: readonly Pick<Agreement, 'id' | 'title'>[]; provinces: readonly Province[] },
): string {
  const parts = [`${text('asOf', language)} ${filters.asOf ? formatDate(filters.asOf, language) : text('latest', language).toLowerCase()}`];
  const join = (values: string[]) => values.join(', ');
  if (filters.kinds.length > 0) parts.push(`${text('kind', language)}: ${join(filters.kinds.map((id) => KIND_BY_ID[id].label[language]))}`);
  if (filters.statuses.length > 0)
    parts.push(`${text('status', language)}: ${join(filters.statuses.map((id) => STATUS_BY_ID[id].label[language]))}`);
  if (filters.agreements.length > 0) {
    const title = (id: string) => {
      const agreement = names.agreements.find((a) => a.id === id);
      return agreement ? (language === 'zh' ? (agreement.title.zh ?? agreement.title.vi) : agreement.title[language]) : id;
    };
    parts.push(`${text('agreements', language)}: ${join(filters.agreements.map(title))}`);
  }
  if (filters.provinces.length > 0) {
    const name = (code: string) => {
      const province = names.provinces.find((p) => p.code === code);
      return province ? nameIn(province.name, language) : code;
    };
    parts.push(`${text('provinces', language)}: ${join(filters.provinces.map(name))}`);
  }
  if (filters.stalled !== null) parts.push(text(filters.stalled ? 'stalledOnly' : 'notStalledOnly', language));
  if (parts.length === 1) parts.push(text('allFeatures', language));
  return parts.join(' · ');
}
