import type { Agreement, Province } from '@domain/schemas';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import { filterChips } from './describe-filters';
import { type Filters, NO_FILTERS } from './filters';

type Props = {
  filters: Filters;
  language: Language;
  agreements: readonly Pick<Agreement, 'id' | 'title'>[];
  provinces: readonly Province[];
  onChange: (filters: Filters) => void;
};

/** What narrows the map, on the map: a chip per value (× removes it) and one action to clear them all; the date stays. */
export function FilterChips({ filters, language, agreements, provinces, onChange }: Props) {
  const chips = filterChips(filters, language, { agreements, provinces });
  if (chips.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label={text('activeFilters', language)}>
      {chips.map((chip) => (
        <li key={chip.key} data-chip={chip.key}>
          <span className="chip-label" title={chip.label}>
            {chip.label}
          </span>
          <button type="button" aria-label={`${text('removeFilter', language)}: ${chip.label}`} onClick={() => onChange(chip.without)}>
            ×
          </button>
        </li>
      ))}
      <li className="clear-all">
        <button type="button" onClick={() => onChange({ ...NO_FILTERS, asOf: filters.asOf })}>
          {text('clearFilters', language)}
        </button>
      </li>
    </ul>
  );
}
