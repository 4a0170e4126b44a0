import { STATUS_BY_ID } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { formatDate, reportedOn, text as t } from '../i18n/ui-text';
import { periodText } from '../panel/TargetLine';
import type { Review } from './import-draft';
import { keptTarget } from './import-draft';
import type { ReviewAction, Suggestion } from './review-state';
import { StepFields } from './StepFields';

type Props = {
  cardKey: string;
  suggestion: Suggestion;
  review: Review;
  name: string;
  active: boolean;
  error?: string;
  language: Language;
  dispatch: (action: ReviewAction) => void;
};

/** The keys a card answers to, shown on its buttons and in the review bar. */
export const REVIEW_KEYS = { accept: 'a', reject: 'r', change: 'c', next: 'j', previous: 'k' } as const;

/** What accepting would do on the map as of the document's date: the step recorded before → the one suggested. */
function MapChange({ suggestion, review, language }: { suggestion: Suggestion; review: Review; language: Language }) {
  if (!review.status) return <span>{t('mapUnchanged', language)}</span>;
  const before = suggestion.check?.before;
  return (
    <span>
      {before ? `${STATUS_BY_ID[before.status].label[language]} ${reportedOn(before.date, language)}` : t('nothingRecorded', language)} →{' '}
      <strong>{STATUS_BY_ID[review.status].label[language]}</strong>
    </span>
  );
}

/** One suggested link: the name and the words it was read from, how sure the reader is, the change, the decision. */
export function SuggestionCard({ cardKey, suggestion, review, name, active, error, language, dispatch }: Props) {
  const { check, evidence, statusWords } = suggestion;
  // The record's warnings are about the step as read; once the editor changes it they no longer apply.
  const readStatus = suggestion.status && suggestion.status !== 'unknown' ? suggestion.status : '';
  const asRead = review.status === readStatus && review.level === (suggestion.level ?? '');
  return (
    <article
      className={`suggestion ${review.decision ?? 'undecided'}${active ? ' active' : ''}`}
      data-card={cardKey}
      data-feature-id={suggestion.featureId}
      data-confidence={suggestion.confidence}
      aria-label={name}
      tabIndex={active ? 0 : -1}
      onFocus={() => {
        if (!active) dispatch({ type: 'focus', key: cardKey });
      }}
    >
      <p>
        <strong>{name}</strong>{' '}
        <span className="muted">
          · {t('foundAs', language)} “<span lang="vi">{suggestion.matched}</span>”
        </span>
      </p>
      <p className="card-facts">
        {statusWords && (
          <span className="cue">
            {t('cueWords', language)}: “<span lang="vi">{statusWords}</span>”
          </span>
        )}
        <span className={`confidence ${suggestion.confidence}`}>
          {t('confidence', language)}: {t(`confidence_${suggestion.confidence}`, language)}
        </span>
        <span className="muted rule">({t(`importRule_${evidence.rule}`, language)})</span>
      </p>
      <p className="map-change">
        {t('mapChange', language)}
        {check ? ` ${formatDate(check.date, language)}` : ''}: <MapChange suggestion={suggestion} review={review} language={language} />
      </p>
      {asRead && check && check.warnings.length > 0 && (
        <p className="import-warning" role="note" data-warnings={check.warnings.join(' ')}>
          ⚠ {check.warnings.map((w) => t(`importWarning_${w}`, language)).join(' · ')}
          {check.before &&
            ` — ${t('importRecordedBefore', language)}: ${STATUS_BY_ID[check.before.status].label[language]} ${reportedOn(check.before.date, language)}`}
        </p>
      )}
      {suggestion.target && (
        <p className="import-target" data-target-by={suggestion.target.by}>
          <label>
            <input
              type="checkbox"
              checked={review.target !== null}
              disabled={keptTarget(suggestion.target) === null || review.decision === 'reject'}
              onChange={(event) =>
                dispatch({ type: 'edit', key: cardKey, change: { target: event.target.checked ? keptTarget(suggestion.target) : null } })
              }
            />{' '}
            {t('importTarget', language)}: {periodText(suggestion.target.by, language)}
            {suggestion.target.reach && ` · ${STATUS_BY_ID[suggestion.target.reach].label[language]}`}
          </label>{' '}
          — “<span lang="vi">{suggestion.target.cue}</span>”
        </p>
      )}
      {review.decision !== 'reject' && (
        <StepFields
          names={{ status: 'status', level: 'level', quote: 'quote' }}
          value={review}
          onChange={(change) => dispatch({ type: 'edit', key: cardKey, change })}
          language={language}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <fieldset className="decision">
        <legend className="visually-hidden">{name}</legend>
        <button
          type="button"
          aria-pressed={review.decision === 'accept'}
          aria-keyshortcuts={REVIEW_KEYS.accept}
          onClick={() => dispatch({ type: 'decide', key: cardKey, decision: 'accept' })}
        >
          ✓ {t('accept', language)} <kbd>{REVIEW_KEYS.accept.toUpperCase()}</kbd>
        </button>
        <button
          type="button"
          aria-pressed={review.decision === 'reject'}
          aria-keyshortcuts={REVIEW_KEYS.reject}
          onClick={() => dispatch({ type: 'decide', key: cardKey, decision: 'reject' })}
        >
          ✗ {t('reject', language)} <kbd>{REVIEW_KEYS.reject.toUpperCase()}</kbd>
        </button>
      </fieldset>
    </article>
  );
}
