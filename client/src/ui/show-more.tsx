import { MAX_LIST_LIMIT } from '@domain/api';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

/** Rows asked for at a time: lists of thousands would cost every filter change hundreds of milliseconds. */
export const LIST_PAGE = 100;

/** The next `limit` to ask the server for: a page more, never more than it sends at once. */
export const nextLimit = (shown: number) => Math.min(shown + LIST_PAGE, MAX_LIST_LIMIT);

/**
 * Asks for the next rows of a long list; past the most the server sends at once, says how to narrow
 * the list instead of offering a button that would fail.
 */
export function ShowMoreButton({
  shown,
  total,
  onClick,
  language,
}: {
  shown: number;
  total: number;
  onClick: () => void;
  language: Language;
}) {
  const hidden = total - shown;
  if (hidden <= 0) return null;
  if (shown >= MAX_LIST_LIMIT) {
    return (
      <p className="muted list-capped">
        {shown} / {total} — {text('listCapped', language)}
      </p>
    );
  }
  return (
    <button type="button" className="show-more" onClick={onClick}>
      {text('showMore', language)} ({Math.min(LIST_PAGE, hidden)} / {hidden})
    </button>
  );
}
