import { useState } from 'react';
import { text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';

/** Rows drawn at a time: lists of thousands would cost every filter change hundreds of milliseconds. */
export const LIST_PAGE = 100;

/** The first rows of a long list, and a way to draw the next ones. */
export function useShowMore<T>(items: readonly T[], page = LIST_PAGE) {
  const [count, setCount] = useState(page);
  return { visible: items.slice(0, count), hidden: Math.max(0, items.length - count), showMore: () => setCount(count + page), page };
}

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
