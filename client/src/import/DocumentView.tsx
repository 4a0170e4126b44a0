import type { ImportReadResponse } from '@domain/api';
import { useEffect, useMemo, useRef } from 'react';
import { clauseLabelIn } from '../i18n/clause-label';
import type { Language } from '../i18n/language';
import { text as t } from '../i18n/ui-text';
import { type Mark, markPieces } from './document-marks';
import { reviewKey } from './import-draft';
import type { ReviewState } from './review-state';

type Props = {
  read: ImportReadResponse;
  state: ReviewState;
  language: Language;
  /** A mark was clicked: the card it belongs to. */
  onSelect: (card: string) => void;
  onAddPlace: (clauseIndex: number) => void;
};

/**
 * The document as read, clause by clause, with every name the reader linked and the words that gave its
 * status marked; the card in hand's marks stand out and are scrolled into view, and clicking a mark
 * selects its card.
 */
export function DocumentView({ read, state, language, onSelect, onAddPlace }: Props) {
  const root = useRef<HTMLElement>(null);
  const marksByClause = useMemo(
    () =>
      read.clauses.map((clause, index) => {
        const marks: Mark[] = [];
        for (const suggestion of read.suggestions[index]) {
          const card = reviewKey(suggestion);
          const [start, end] = suggestion.evidence.mention;
          marks.push({ start, end, kind: 'mention', card });
          if (suggestion.evidence.cue)
            marks.push({ start: suggestion.evidence.cue[0], end: suggestion.evidence.cue[1], kind: 'cue', card });
        }
        for (const place of state.places) {
          if (!place.evidence || place.clausePath.join('.') !== clause.path.join('.')) continue;
          marks.push({ start: place.evidence.mention[0], end: place.evidence.mention[1], kind: 'mention', card: place.ref });
          if (place.evidence.cue) marks.push({ start: place.evidence.cue[0], end: place.evidence.cue[1], kind: 'cue', card: place.ref });
        }
        return markPieces(clause.text, marks);
      }),
    [read, state.places],
  );

  // The card in hand: its first mark brought into view.
  useEffect(() => {
    if (!state.active || !root.current) return;
    const mark = [...root.current.querySelectorAll<HTMLElement>('mark[data-cards]')].find((element) =>
      (element.dataset.cards ?? '').split(' ').includes(state.active as string),
    );
    if (!mark) return;
    // Only the document's own pane scrolls: scrolling the panel too would move the card being clicked.
    const pane = root.current;
    const top = mark.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    if (top < pane.scrollTop || top + mark.offsetHeight > pane.scrollTop + pane.clientHeight)
      pane.scrollTo({ top: Math.max(0, top - pane.clientHeight / 3) });
  }, [state.active]);

  return (
    <section className="import-document" ref={root} aria-label={t('documentPane', language)}>
      {read.clauses.map((clause, index) => {
        const path = clause.path.join('.');
        return (
          <div key={path} className="document-clause" data-clause-path={path}>
            <p className="clause-head">
              <code>{path}</code> {clauseLabelIn(clause.label, language)}
            </p>
            <p className="clause-text" lang="vi">
              {marksByClause[index].map((piece) => {
                if (piece.marks.length === 0) return piece.text;
                const cards = [...new Set(piece.marks.map((mark) => mark.card))];
                const kinds = new Set(piece.marks.map((mark) => mark.kind));
                const active = state.active !== null && cards.includes(state.active);
                const decision = state.reviews[cards[0]]?.decision;
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut; by keyboard the cards are reached with J/K, each card marking its words here
                  <mark
                    key={piece.start}
                    data-cards={cards.join(' ')}
                    className={[...kinds, active ? 'active' : '', decision ?? ''].filter(Boolean).join(' ')}
                    onClick={() => onSelect(state.active && cards.includes(state.active) ? state.active : cards[0])}
                  >
                    {piece.text}
                  </mark>
                );
              })}
            </p>
            <button type="button" className="link add-place" onClick={() => onAddPlace(index)}>
              ＋ {t('addPlace', language)}
            </button>
          </div>
        );
      })}
    </section>
  );
}
