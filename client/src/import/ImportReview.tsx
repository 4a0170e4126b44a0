import type { ImportReadResponse } from '@domain/api';
import type { Province } from '@domain/schemas';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { clauseLabelIn } from '../i18n/clause-label';
import type { Language } from '../i18n/language';
import { text as t } from '../i18n/ui-text';
import { isTyping } from '../ui/is-typing';
import { DocumentView } from './DocumentView';
import { reviewKey } from './import-draft';
import { NewPlaceCard } from './NewPlaceCard';
import { cardOrder, isConfident, nextCard, type ReviewAction, type ReviewState, reviewProgress } from './review-state';
import { REVIEW_KEYS, SuggestionCard } from './SuggestionCard';

type Props = {
  read: ImportReadResponse;
  state: ReviewState;
  dispatch: (action: ReviewAction) => void;
  nameOf: (featureId: string) => string;
  provinces: readonly Province[];
  errors: Record<string, string>;
  /** The new place whose position the map is asked for. */
  picking: string | null;
  onPickPlace: (ref: string) => void;
  busy: boolean;
  onSave: () => void;
  onBack: () => void;
  language: Language;
};

/** The card element of a suggestion's key or a place's ref. */
const findCard = (container: HTMLElement | null, key: string | null) =>
  key ? [...(container?.querySelectorAll<HTMLElement>('[data-card]') ?? [])].find((card) => card.dataset.card === key) : undefined;

/**
 * The review of a read document: the text with what the reader found on one side, a card per suggestion
 * and per new place on the other, clicking either brings up the other; a progress count, one action for
 * the suggestions the reader is sure of, and one key each to accept, reject, change or move on.
 */
export function ImportReview(props: Props) {
  const { read, state, dispatch, nameOf, provinces, errors, picking, onPickPlace, busy, onSave, onBack, language } = props;
  const cards = useRef<HTMLDivElement>(null);
  const order = useMemo(() => cardOrder(read, state), [read, state]);
  const progress = reviewProgress(read, state);
  const placesIn = (path: string) => state.places.filter((place) => place.clausePath.join('.') === path);

  // A card reached by a key or a mark is brought into view in its pane and takes the focus; one the editor
  // clicked into stays where it is (moving it under the pointer would lose the click).
  const bringNext = useRef(false);
  useEffect(() => {
    const card = findCard(cards.current, state.active);
    if (!card || !bringNext.current) return;
    bringNext.current = false;
    card.scrollIntoView({ block: 'nearest' });
    if (!card.contains(document.activeElement)) card.focus({ preventScroll: true });
  }, [state.active]);

  // C: the first field of the card in hand takes the focus, once the card shows its fields.
  const fieldNext = useRef(false);
  useEffect(() => {
    if (!fieldNext.current) return;
    fieldNext.current = false;
    findCard(cards.current, state.active)?.querySelector<HTMLElement>('select, input')?.focus();
  });

  // Read: the review takes the focus (the button that read it is gone), so its keys work at once.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const go = (key: string | null) => {
    bringNext.current = true;
    dispatch({ type: 'focus', key });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    const active = state.active;
    if (key === REVIEW_KEYS.next || key === REVIEW_KEYS.previous) {
      go(nextCard(order, active, key === REVIEW_KEYS.next ? 1 : -1));
    } else if (active && active in state.reviews && (key === REVIEW_KEYS.accept || key === REVIEW_KEYS.reject)) {
      dispatch({ type: 'decide', key: active, decision: key === REVIEW_KEYS.accept ? 'accept' : 'reject' });
      // On to the next card still undecided, as a reviewer works down the document.
      const after = order.slice(order.indexOf(active) + 1).find((card) => state.reviews[card]?.decision === null);
      if (after) go(after);
    } else if (active && key === REVIEW_KEYS.change) {
      // A rejected card shows no fields: changing it opens it again, undecided.
      if (state.reviews[active]?.decision === 'reject') dispatch({ type: 'reopen', key: active });
      fieldNext.current = true;
    } else return;
    event.preventDefault();
  };

  return (
    <section className="import-review" aria-labelledby="review-title" onKeyDown={onKeyDown}>
      <h3 id="review-title" ref={heading} tabIndex={-1}>
        {t('reviewSuggestions', language)} · {read.clauses.length} {t('clause', language).toLowerCase()}
      </h3>
      <div className="review-bar">
        <p className="review-progress" role="status">
          <strong>
            {progress.decided} / {progress.total}
          </strong>{' '}
          {t('reviewed', language)}
        </p>
        <button
          type="button"
          className="accept-confident"
          disabled={progress.confident === 0}
          onClick={() => {
            dispatch({ type: 'acceptConfident', answer: read });
            // The button is disabled now: the focus goes on to the first card still to decide, not lost.
            const accepted = new Set(read.suggestions.flat().filter(isConfident).map(reviewKey));
            const left = order.find((key) => state.reviews[key]?.decision === null && !accepted.has(key));
            if (left) go(left);
            else heading.current?.focus();
          }}
        >
          ✓✓ {t('acceptConfident', language)} ({progress.confident})
        </button>
        <p className="review-keys">
          {t('reviewKeys', language)}: <kbd>{REVIEW_KEYS.accept.toUpperCase()}</kbd> {t('accept', language).toLowerCase()} ·{' '}
          <kbd>{REVIEW_KEYS.reject.toUpperCase()}</kbd> {t('reject', language).toLowerCase()} ·{' '}
          <kbd>{REVIEW_KEYS.change.toUpperCase()}</kbd> {t('keyChange', language)} · <kbd>{REVIEW_KEYS.next.toUpperCase()}</kbd>{' '}
          {t('keyNext', language)} · <kbd>{REVIEW_KEYS.previous.toUpperCase()}</kbd> {t('keyPrevious', language)}
        </p>
      </div>
      <div className="review-panes">
        <DocumentView
          read={read}
          state={state}
          language={language}
          onSelect={go}
          onAddPlace={(index) => dispatch({ type: 'addPlace', clause: read.clauses[index] })}
        />
        <div className="review-cards" ref={cards}>
          {read.clauses.map((clause, index) => {
            const path = clause.path.join('.');
            const clausePlaces = placesIn(path);
            if (read.suggestions[index].length === 0 && clausePlaces.length === 0) return null;
            return (
              <div key={path} className="import-clause" data-clause-path={path}>
                <p className="clause-head">
                  <code>{path}</code> {clauseLabelIn(clause.label, language)}
                </p>
                {read.suggestions[index].map((suggestion) => {
                  const key = reviewKey(suggestion);
                  const review = state.reviews[key];
                  if (!review) return null;
                  return (
                    <SuggestionCard
                      key={key}
                      cardKey={key}
                      suggestion={suggestion}
                      review={review}
                      name={nameOf(suggestion.featureId)}
                      active={state.active === key}
                      error={errors[key]}
                      language={language}
                      dispatch={dispatch}
                    />
                  );
                })}
                {clausePlaces.map((place) => (
                  <NewPlaceCard
                    key={place.ref}
                    place={place}
                    provinces={provinces}
                    active={state.active === place.ref}
                    picking={picking === place.ref}
                    error={errors[place.ref]}
                    language={language}
                    dispatch={dispatch}
                    onPick={() => onPickPlace(place.ref)}
                  />
                ))}
              </div>
            );
          })}
          {order.length === 0 && <p className="muted">{t('noSuggestion', language)}</p>}
        </div>
      </div>
      <div className="form-actions import-save">
        {progress.undecided > 0 && (
          <p className="muted" role="status">
            {progress.undecided} {t('undecided', language)}
          </p>
        )}
        <button type="button" className="primary" disabled={busy || progress.undecided > 0} onClick={onSave}>
          {t('saveImport', language)}
        </button>
        <button type="button" onClick={onBack}>
          {t('back', language)}
        </button>
      </div>
    </section>
  );
}
