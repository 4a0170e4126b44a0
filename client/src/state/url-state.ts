import { useCallback, useEffect, useState } from 'react';

export type Language = 'vi' | 'en' | 'zh';
const LANGUAGES: readonly Language[] = ['vi', 'en', 'zh'];

export type UrlState = { feature: string | null; lang: Language };

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  return {
    feature: params.get('feature') || null,
    lang: LANGUAGES.includes(lang as Language) ? (lang as Language) : 'vi',
  };
}

export function writeUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  if (state.feature) params.set('feature', state.feature);
  else params.delete('feature');
  if (state.lang !== 'vi') params.set('lang', state.lang);
  else params.delete('lang');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Selection and language live in the URL, so a reload or a shared link shows the same thing. */
export function useUrlState(): [UrlState, (next: Partial<UrlState>) => void] {
  const [state, setState] = useState(() => readUrlState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(readUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((next: Partial<UrlState>) => {
    setState((previous) => {
      const merged = { ...previous, ...next };
      const search = writeUrlState(merged, window.location.search);
      if (search !== window.location.search) {
        window.history.pushState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
      return merged;
    });
  }, []);
  return [state, update];
}
