import { type SearchResponse, searchResponse } from '@domain/api';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { fetchJson } from '../api/fetch-json';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import { requestPanelFocus } from '../panel/panel-focus-request';

type Hit = SearchResponse[number];
type Props = { language: Language; onChoose: (hit: Hit) => void };

const DEBOUNCE_MS = 150;

/** One box over feature names, agreement titles and clause text; arrows move, Enter opens, Escape closes. */
export function SearchBox({ language, onChoose }: Props) {
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  // No option in hand until an arrow key or the pointer picks one (Enter alone takes the first).
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const results = useQuery({
    queryKey: ['search', query],
    enabled: query.length > 0,
    queryFn: ({ signal }) => fetchJson(`/api/search?q=${encodeURIComponent(query)}&limit=12`, searchResponse, signal),
  });
  const hits = query.length > 0 ? (results.data ?? []) : [];
  // Said only once the answer for what is in the box has come (not while typing or loading).
  const nothing = query.length > 0 && query === input.trim() && results.isSuccess && !results.isPlaceholderData && hits.length === 0;

  const choose = (hit: Hit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setOpen(false);
  };
  const titleOf = (hit: Hit) => (language === 'zh' ? (hit.title.zh ?? hit.title.vi) : hit.title[language]);

  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={text('search', language)}
        placeholder={text('searchPlaceholder', language)}
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        value={input}
        onChange={(event) => {
          setInput(event.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((index) => Math.min(index + 1, hits.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, -1));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            requestPanelFocus(true);
            choose(hits[Math.max(0, active)]);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && nothing && (
        <p className="search-results search-nothing" role="status">
          {text('searchNothing', language)} “{query}”
        </p>
      )}
      {open && hits.length > 0 && (
        <div id={listId} role="listbox" className="search-results">
          {hits.map((hit, index) => (
            <div
              key={`${hit.type}-${hit.id}`}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              data-hit-id={hit.id}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(hit);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="hit-type">{text(`hit_${hit.type}`, language)}</span>
              <span className="hit-title">{titleOf(hit)}</span>
              {hit.snippet && <span className="hit-snippet">{hit.snippet}</span>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
