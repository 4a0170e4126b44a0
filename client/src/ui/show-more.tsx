import { text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';

/** Rows asked for at a time: lists of thousands would cost every filter change hundreds of milliseconds. */
export const LIST_PAGE = 100;

export function ShowMoreButton({
  hidden,
  page = LIST_PAGE,
  onClick,
  language,
}: {
  hidden: number;
  page?: number;
  onClick: () => void;
  language: Language;
}) {
  if (hidden <= 0) return null;
  return (
    <button type="button" className="show-more" onClick={onClick}>
      {text('showMore', language)} ({Math.min(page, hidden)} / {hidden})
    </button>
  );
}
