import type { MapFeature } from '@domain/api';
import { KIND_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import { memo } from 'react';
import { nameIn, text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';
import { ShowMoreButton, useShowMore } from '../ui/show-more';

type Props = { features: readonly MapFeature[]; language: Language; selectedId: string | null; onSelect: (id: string) => void };

/**
 * The same features as the map, as a list: the non-map way through the record (keyboard, screen
 * readers). Long lists show their first rows and a button for the next ones.
 */
export const ResultsList = memo(function ResultsList({ features, language, selectedId, onSelect }: Props) {
  const { visible, hidden, showMore } = useShowMore(features);
  return (
    <section className="results" aria-label={text('results', language)}>
      <h2>
        {text('results', language)} <span className="count">({features.length})</span>
      </h2>
      {features.length === 0 ? (
        <p className="muted">{text('noResults', language)}</p>
      ) : (
        <ul>
          {visible.map((feature) => {
            const status = feature.properties.status ? STATUS_BY_ID[feature.properties.status] : null;
            return (
              <li key={feature.id}>
                <button
                  type="button"
                  className="result"
                  aria-current={feature.id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(feature.id)}
                  data-feature-id={feature.id}
                >
                  <span className="swatch" style={{ background: status?.color ?? '#ffffff' }} aria-hidden="true" />
                  <span className="result-name">{nameIn(feature.properties.name, language)}</span>
                  <span className="result-meta">
                    {KIND_BY_ID[feature.properties.kind].label[language]}
                    {status && ` · ${status.label[language]}`}
                    {!feature.geometry && ` · ${text('notOnMap', language)}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ShowMoreButton hidden={hidden} onClick={showMore} language={language} />
    </section>
  );
});
