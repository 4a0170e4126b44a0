import type { Agreement, Province } from '@domain/schemas';
import { KIND_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { formatDate, nameIn, text, titleIn } from '../i18n/ui-text';
import type { Filters } from './filters';

type FilterNames = {
  agreements: readonly Pick<Agreement, 'id' | 'title'>[];
  provinces: readonly Province[];
  /** An agreement's title in the language (record-text.tsx: translated and marked where the record has none). */
  titleOf?: (title: Agreement['title']) => string;
};

/** An agreement's title, a province's name, in the language shown (the id itself when the record lacks it). */
const agreementTitle = (id: string, names: FilterNames, language: Language) => {
  const agreement = names.agreements.find((a) => a.id === id);
  if (!agreement) return id;
  return names.titleOf ? names.titleOf(agreement.title) : titleIn(agreement.title, language);
};
const provinceName = (code: string, names: FilterNames, language: Language) => {
  const province = names.provinces.find((p) => p.code === code);
  return province ? nameIn(province.name, language) : code;
};

/**
 * A screen's date and filters in words, for a printed page: "Tính đến ngày 22/02/2023 · Loại: … ·
 * Tỉnh: Lạng Sơn". Only what narrows the map is named; nothing narrowed reads "all features".
 */
export function describeFilters(filters: Filters, language: Language, names: FilterNames): string {
  const parts = [`${text('asOf', language)} ${filters.asOf ? formatDate(filters.asOf, language) : text('latest', language).toLowerCase()}`];
  const join = (values: string[]) => values.join(', ');
  if (filters.kinds.length > 0) parts.push(`${text('kind', language)}: ${join(filters.kinds.map((id) => KIND_BY_ID[id].label[language]))}`);
  if (filters.statuses.length > 0)
    parts.push(`${text('status', language)}: ${join(filters.statuses.map((id) => STATUS_BY_ID[id].label[language]))}`);
  if (filters.agreements.length > 0) {
    parts.push(`${text('agreements', language)}: ${join(filters.agreements.map((id) => agreementTitle(id, names, language)))}`);
  }
  if (filters.provinces.length > 0) {
    parts.push(`${text('provinces', language)}: ${join(filters.provinces.map((code) => provinceName(code, names, language)))}`);
  }
  if (filters.stalled !== null) parts.push(text(filters.stalled ? 'stalledOnly' : 'notStalledOnly', language));
  if (filters.overdue !== null) parts.push(text(filters.overdue ? 'overdueOnly' : 'notOverdueOnly', language));
  if (parts.length === 1) parts.push(text('allFeatures', language));
  return parts.join(' · ');
}

/** One active filter value, in words, and the filters without it (its chip's ×). */
export type FilterChip = { key: string; label: string; without: Filters };

/** Every value that narrows the map (not the date: the map's stamp shows it), one chip each. */
export function filterChips(filters: Filters, language: Language, names: FilterNames): FilterChip[] {
  return [
    ...filters.kinds.map((id) => ({
      key: `kind:${id}`,
      label: KIND_BY_ID[id].label[language],
      without: { ...filters, kinds: filters.kinds.filter((k) => k !== id) },
    })),
    ...filters.statuses.map((id) => ({
      key: `status:${id}`,
      label: STATUS_BY_ID[id].label[language],
      without: { ...filters, statuses: filters.statuses.filter((s) => s !== id) },
    })),
    ...filters.agreements.map((id) => ({
      key: `agreement:${id}`,
      label: agreementTitle(id, names, language),
      without: { ...filters, agreements: filters.agreements.filter((a) => a !== id) },
    })),
    ...filters.provinces.map((code) => ({
      key: `province:${code}`,
      label: provinceName(code, names, language),
      without: { ...filters, provinces: filters.provinces.filter((p) => p !== code) },
    })),
    ...(filters.stalled === null
      ? []
      : [
          {
            key: 'stalled',
            label: text(filters.stalled ? 'stalledOnly' : 'notStalledOnly', language),
            without: { ...filters, stalled: null },
          },
        ]),
    ...(filters.overdue === null
      ? []
      : [
          {
            key: 'overdue',
            label: text(filters.overdue ? 'overdueOnly' : 'notOverdueOnly', language),
            without: { ...filters, overdue: null },
          },
        ]),
  ];
}
