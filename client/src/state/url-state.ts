import { realDate } from '@domain/query-params';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Filters, readFilters, writeFilters } from '../filters/filters';
import { isLanguage, type Language } from '../i18n/language';
import { DEFAULT_TAB, isSidebarTab, type SidebarTab } from '../shell/sidebar-tabs';
import { createUrlWriter } from './url-writer';

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
  /** The sidebar's open tab, and the two dates the changes tab compares (null: its defaults). */
  tab: SidebarTab;
  changes: ChangesDates;
  /** The progress timeline is open over the map (summary/ProgressTimeline.tsx). */
  timeline: boolean;
};

export type ChangesDates = { from: string | null; to: string | null };

/** A date the changes tab can use: a real calendar day written yyyy-mm-dd (the API's own rule); anything else is its default. */
const readDay = (value: string | null): string | null => (value && realDate.safeParse(value).success ? value : null);

export type MapViewState = { lng: number; lat: number; zoom: number };

function readView(value: string | null): MapViewState | null {
  const parts = (value ?? '').split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, zoom] = parts;
  return Math.abs(lng) <= 180 && Math.abs(lat) <= 90 && zoom >= 0 && zoom <= 22 ? { lng, lat, zoom } : null;
}

export function readUrlState(search: string): UrlState {
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
    tab: isSidebarTab(params.get('tab')) ? (params.get('tab') as SidebarTab) : DEFAULT_TAB,
    changes: { from: readDay(params.get('changesFrom')), to: readDay(params.get('changesTo')) },
    timeline: params.get('timeline') === '1',
  };
}

export function writeUrlState(state: UrlState, search: string): string {
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
  if (state.timeline) params.set('timeline', '1');
  else params.delete('timeline');
  for (const name of ['doc', 'clause'] as const) {
    const value = state[name];
    if (value) params.set(name, value);
    else params.delete(name);
  }
  if (state.tab !== DEFAULT_TAB) params.set('tab', state.tab);
  else params.delete('tab');
  for (const [name, value] of [
    ['changesFrom', state.changes.from],
    ['changesTo', state.changes.to],
  ] as const) {
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
  const writer = useMemo(() => createUrlWriter(window), []);
  /** How the next render's state goes into the URL: null when it came from the URL (back, forward). */
  const pendingMode = useRef<'push' | 'replace' | null>(null);
  useEffect(() => {
    const onPop = () => {
      writer.cancel();
      pendingMode.current = null;
      setState(readUrlState(window.location.search));
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('pagehide', writer.flush);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('pagehide', writer.flush);
      writer.flush();
    };
  }, [writer]);
  useEffect(() => {
    const mode = pendingMode.current;
    pendingMode.current = null;
    if (mode) writer.write(writeUrlState(state, window.location.search), mode);
  }, [state, writer]);
  const update = useCallback((next: Partial<UrlState>, mode: 'push' | 'replace' = 'push') => {
    // A push among the updates of one input wins: the input makes a history entry.
    pendingMode.current = mode === 'push' || pendingMode.current === 'push' ? 'push' : 'replace';
    setState((previous) => ({ ...previous, ...next }));
  }, []);
  return [state, update];
}
