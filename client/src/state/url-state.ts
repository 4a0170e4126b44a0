import { useCallback, useEffect, useState } from 'react';
import { type Filters, readFilters, writeFilters } from '../filters/filters';

export type Language = 'vi' | 'en' | 'zh';
const LANGUAGES: readonly Language[] = ['vi', 'en', 'zh'];

export type UrlState = {
  feature: string | null;
  lang: Language;
  filters: Filters;
  /** The agreement open in the reader, and the clause selected in it (its features are highlighted). */
  doc: string | null;
  clause: string | null;
};

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  return {
    feature: params.get('feature') || null,
    lang: LANGUAGES.includes(lang as Language) ? (lang as Language) : 'vi',
    filters: readFilters(params),
    doc: params.get('doc') || null,
    clause: params.get('clause') || null,
  };
}

export function writeUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  if (state.feature) params.set('feature', state.feature);
  else params.delete('feature');
  if (state.lang !== 'vi') params.set('lang', state.lang);
  else params.delete('lang');
  writeFilters(state.filters, params);
  for (const name of ['doc', 'clause'] as const) {
    const value = state[name];
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Selection, language, date and filters live in the URL, so a reload or a shared link shows the
 * same screen. Selecting pushes a history entry; moving the time slider or a filter replaces it.
 */
export function useUrlState(): [UrlState, (next: Partial<UrlState>, mode?: 'push' | 'replace') => void] {
  const [state, setState] = useState(() => readUrlState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(readUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((next: Partial<UrlState>, mode: 'push' | 'replace' = 'push') => {
    setState((previous) => {
      const merged = { ...previous, ...next };
      const search = writeUrlState(merged, window.location.search);
      if (search !== window.location.search) {
        const url = `${window.location.pathname}${search}${window.location.hash}`;
        if (mode === 'push') window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
      }
      return merged;
    });
  }, []);
  return [state, update];
}
