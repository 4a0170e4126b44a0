import { STATUS_BY_ID } from '@domain/vocabulary';
import { memo, useState } from 'react';
import { useChanges } from '../api/view-queries';
import type { Language } from '../i18n/language';
import { formatDate, nameIn, text } from '../i18n/ui-text';
import { LIST_PAGE, nextLimit, ShowMoreButton } from '../ui/show-more';
import { todayIso } from './dates';

type Props = { language: Language; onSelect: (id: string) => void };

/** "What changed between two dates": each feature whose status moved, and the clause that moved it. */
export const ChangesView = memo(function ChangesView({ language, onSelect }: Props) {
  const [from, setFrom] = useState('2023-01-01');
  const [to, setTo] = useState(todayIso());
  const [limit, setLimit] = useState(LIST_PAGE);
  // Dates entered the wrong way round are read the right way round (the server refuses from > to).
  const [first, last] = from <= to ? [from, to] : [to, from];
  const changes = useChanges(first, last, limit);
  const visible = changes.data?.changes ?? [];
  const total = changes.data?.total ?? 0;
  return (
    <section className="changes" aria-label={text('changes', language)}>
      <h2>{text('changes', language)}</h2>
      <div className="changes-dates">
        <label>
          {text('from', language)}{' '}
          <input type="date" value={from} onChange={(event) => event.target.value && setFrom(event.target.value)} />
        </label>
        <label>
          {text('to', language)} <input type="date" value={to} onChange={(event) => event.target.value && setTo(event.target.value)} />
        </label>
      </div>
      {changes.data && total === 0 ? (
        <p className="muted">{text('noChanges', language)}</p>
      ) : (
        <ul>
          {visible.map((change) => (
            <li key={change.feature.id} data-feature-id={change.feature.id}>
              <button type="button" className="link" onClick={() => onSelect(change.feature.id)}>
                {nameIn(change.feature.name, language)}
              </button>
              <div className="change-states">
                <span className="status-badge" style={{ background: STATUS_BY_ID[change.before.status].color }}>
                  {STATUS_BY_ID[change.before.status].label[language]}
                </span>
                →
                <span className="status-badge" style={{ background: STATUS_BY_ID[change.after.status].color }}>
                  {STATUS_BY_ID[change.after.status].label[language]}
                </span>
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
