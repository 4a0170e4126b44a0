import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';
import { todayIso } from './dates';

/**
 * The date the map shows, large on the map itself — in presentation mode too, where the slider is hidden —
 * so nobody reads an old map as today's. "Latest" is the record as of today, and says today's date.
 */
export function AsOfStamp({ asOf, language }: { asOf: string | null; language: Language }) {
  const date = asOf ?? todayIso();
  return (
    <p className="as-of-stamp" data-as-of={date}>
      <span className="as-of-label">{text('asOf', language)}</span> <strong>{formatDate(date, language)}</strong>
    </p>
  );
}
