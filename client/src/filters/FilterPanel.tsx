import type { Agreement, Province } from '@domain/schemas';
import { KIND_BY_ID, type KindId, STATUSES, type StatusId } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { asString, useRecordText } from '../i18n/record-text';
import { text } from '../i18n/ui-text';
import { type Filters, hasFilters, NO_FILTERS, toggle } from './filters';

type Props = {
  filters: Filters;
  onChange: (filters: Filters) => void;
  language: Language;
  kinds: readonly KindId[];
  agreements: readonly Agreement[];
  provinces: readonly Province[];
};

/** Checkbox groups for kind, status, agreement and province; each group empty = all. */
export function FilterPanel({ filters, onChange, language, kinds, agreements, provinces }: Props) {
  const { show, showName } = useRecordText(language);
  const group = <T extends string>(
    legend: string,
    name: keyof Pick<Filters, 'kinds' | 'statuses' | 'agreements' | 'provinces'>,
    options: readonly { id: T; label: string; title?: string }[],
  ) => (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.id} title={option.title}>
          <input
            type="checkbox"
            name={name}
            value={option.id}
            checked={(filters[name] as readonly string[]).includes(option.id)}
            onChange={() => onChange({ ...filters, [name]: toggle(filters[name] as string[], option.id) })}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
  return (
    <section className="filters" aria-label={text('filters', language)}>
      <div className="filters-head">
        <h2>{text('filters', language)}</h2>
        {hasFilters(filters) && (
          <button type="button" className="link" onClick={() => onChange({ ...NO_FILTERS, asOf: filters.asOf })}>
            {text('clearFilters', language)}
          </button>
        )}
      </div>
      {group(
        text('kind', language),
        'kinds',
        kinds.map((id) => ({ id, label: KIND_BY_ID[id].label[language] })),
      )}
      {group(
        text('status', language),
        'statuses',
        STATUSES.map((status) => ({ id: status.id as StatusId, label: status.label[language] })),
      )}
      {group(
        text('agreements', language),
        'agreements',
        agreements
          .filter((agreement) => agreement.sourceFile)
          .map((agreement) => ({
            id: agreement.id,
            label: `${agreement.id} · ${agreement.signedDate ?? agreement.documentDate ?? ''}`,
            title: asString(showName(agreement.title), language),
          })),
      )}
      {group(
        text('referencedDocuments', language),
        'agreements',
        agreements
          .filter((agreement) => !agreement.sourceFile)
          .map((agreement) => ({
            id: agreement.id,
            label: asString(showName(agreement.title), language),
            title: agreement.unlinked?.[language] ?? (agreement.note && asString(show(agreement.note), language)),
          })),
      )}
      {group(
        text('provinces', language),
        'provinces',
        provinces.map((province) => {
          const name = (p: Province) => (language === 'zh' ? (p.name.zh ?? p.name.vi) : p.name[language === 'en' ? 'en' : 'vi']);
          const into = province.mergedInto && provinces.find((other) => other.code === province.mergedInto?.code);
          return {
            id: province.code,
            // A merged province says into which, from when, and where that date comes from (not the documents).
            label:
              into && province.mergedInto ? `${name(province)} → ${name(into)} (${province.mergedInto.date.slice(0, 4)})` : name(province),
            title: province.mergedInto && asString(show(province.mergedInto.source), language),
          };
        }),
      )}
    </section>
  );
}
