import { memo, useId, useState } from 'react';
import { useChanges } from '../api/view-queries';
import type { Language } from '../i18n/language';
import { changesCountText, formatDate, nameIn, text } from '../i18n/ui-text';
import type { ChangesDates } from '../state/url-state';
import { DateField } from '../ui/DateField';
import { StatusBadge } from '../ui/StatusBadge';
import { LIST_PAGE, nextLimit, ShowMoreButton } from '../ui/show-more';
import { comparedDates } from './changes-dates';

type Props = {
  language: Language;
  /** The dates as the address holds them (null: the default). */
  dates: ChangesDates;
  onDates: (dates: ChangesDates) => void;
  onSelect: (id: string) => void;
};

/** "What changed between two dates": each feature whose status moved, and the clause that moved it (marked on the map too). */
export const ChangesView = memo(function ChangesView({ language, dates, onDates, onSelect }: Props) {
  const { from, to } = comparedDates(dates);
  const fieldId = useId();
  const [limit, setLimit] = useState(LIST_PAGE);
  const changes = useChanges(from, to, limit);
  const visible = changes.data?.changes ?? [];
  const total = changes.data?.total ?? 0;
  return (
    <section className="changes" aria-label={text('changes', language)}>
      <h2>{text('changes', language)}</h2>
      <div className="changes-dates">
        <label htmlFor={`${fieldId}-from`}>{text('from', language)}</label>{' '}
        <DateField
          id={`${fieldId}-from`}
          language={language}
          value={dates.from ?? from}
          onChange={(iso) => onDates({ ...dates, from: iso })}
        />
        <label htmlFor={`${fieldId}-to`}>{text('to', language)}</label>{' '}
        <DateField id={`${fieldId}-to`} language={language} value={dates.to ?? to} onChange={(iso) => onDates({ ...dates, to: iso })} />
      </div>
      {changes.data && (
        <p className="changes-count" role="status" data-total={total}>
          {changesCountText(total, formatDate(from, language), formatDate(to, language), language)}
        </p>
      )}
      {changes.data && total > 0 && (
        <ul>
          {visible.map((change) => (
            <li key={change.feature.id} data-feature-id={change.feature.id}>
              <button type="button" className="link" onClick={() => onSelect(change.feature.id)}>
                {nameIn(change.feature.name, language)}
              </button>
              <div className="change-states">
                <StatusBadge status={change.before.status} language={language} />
                →
                <StatusBadge status={change.after.status} language={language} />
              </div>
              <ul className="change-steps">
                {change.steps.map((step) => (
                  <li key={`${step.clauseId}-${step.status}-${step.level}`}>
                    {formatDate(step.date, language)} · <code>{step.clauseId}</code> “{step.quote}”
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <ShowMoreButton shown={visible.length} total={total} onClick={() => setLimit(nextLimit(visible.length))} language={language} />
    </section>
  );
});
