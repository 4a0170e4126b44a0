import { useCallback, useEffect, useState } from 'react';
import { type Filters, readFilters, writeFilters } from '../filters/filters';
import { isLanguage, type Language } from '../i18n/language';

export type UrlState = {
  feature: string | null;
  lang: Language;
  filters: Filters;
  /** The agreement open in the reader, and the clause selected in it (its features are highlighted). */
  doc: string | null;
  clause: string | null;
  /** Map view: centre and zoom, so a shared link frames the same area. */
  view: MapViewState | null;
  /** The briefing being played, its step (1-based) and whether the screen is in presentation mode. */
  briefing: string | null;
  step: number;
  present: boolean;
};

export type MapViewState = { lng: number; lat: number; zoom: number };

function readView(value: string | null): MapViewState | null {
  const parts = (value ?? '').split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, zoom] = parts;
  return Math.abs(lng) <= 180 && Math.abs(lat) <= 90 && zoom >= 0 && zoom <= 22 ? { lng, lat, zoom } : null;
}

function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  return {
    feature: params.get('feature') || null,
    lang: isLanguage(lang) ? lang : 'vi',
    filters: readFilters(params),
    doc: params.get('doc') || null,
    clause: params.get('clause') || null,
    view: readView(params.get('view')),
    briefing: params.get('briefing') || null,
    step: Math.max(1, Number.parseInt(params.get('step') ?? '1', 10) || 1),
    present: params.get('present') === '1',
  };
}

function writeUrlState(state: UrlState, search: string): string {
  const params = new URLSearchParams(search);
  if (state.feature) params.set('feature', state.feature);
  else params.delete('feature');
  if (state.lang !== 'vi') params.set('lang', state.lang);
  else params.delete('lang');
  writeFilters(state.filters, params);
  if (state.view) params.set('view', `${state.view.lng.toFixed(4)},${state.view.lat.toFixed(4)},${state.view.zoom.toFixed(2)}`);
  else params.delete('view');
  if (state.briefing) {
    params.set('briefing', state.briefing);
    params.set('step', String(state.step));
  } else {
    params.delete('briefing');
    params.delete('step');
  }
  if (state.present) params.set('present', '1');
  else params.delete('present');
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
