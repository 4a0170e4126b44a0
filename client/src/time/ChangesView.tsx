import type { FeatureCollectionResponse } from '@domain/api';
import type { StatusEvent } from '@domain/schemas';
import { STATUS_BY_ID } from '@domain/vocabulary';
import { memo, useMemo, useState } from 'react';
import { changesBetween } from '../filters/changes-between';
import { formatDate, nameIn, text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';
import { ShowMoreButton, useShowMore } from '../ui/show-more';
import { todayIso } from './dates';

type Props = {
  collection: FeatureCollectionResponse;
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>;
  language: Language;
  onSelect: (id: string) => void;
};

/** "What changed between two dates": each feature whose status moved, and the clause that moved it. */
export const ChangesView = memo(function ChangesView({ collection, eventsByFeature, language, onSelect }: Props) {
  const [from, setFrom] = useState('2023-01-01');
  const [to, setTo] = useState(todayIso());
  const changes = useMemo(() => changesBetween(collection, eventsByFeature, from, to), [collection, eventsByFeature, from, to]);
  const { visible, hidden, showMore } = useShowMore(changes);
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
      {changes.length === 0 ? (
        <p className="muted">{text('noChanges', language)}</p>
      ) : (
        <ul>
          {visible.map((change) => (
            <li key={change.feature.id} data-feature-id={change.feature.id}>
              <button type="button" className="link" onClick={() => onSelect(change.feature.id)}>
                {nameIn(change.feature.properties.name, language)}
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
      <ShowMoreButton hidden={hidden} onClick={showMore} language={language} />
    </section>
  );
});
