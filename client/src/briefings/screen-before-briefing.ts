import { readUrlState, type UrlState } from '../state/url-state';

/** What a briefing changes and leaving it gives back: the planner's date, filters, selection, reader and view. */
export type Screen = Pick<UrlState, 'filters' | 'feature' | 'doc' | 'clause' | 'view'>;

const KEY = 'border-atlas:screen-before-briefing';

/**
 * The screen as it was when a briefing started (its URL query), kept for this tab: sessionStorage, so a
 * reload during the briefing keeps it, and another tab or a shared link has none. Keyed by the briefing,
 * so leaving another one never restores it.
 */
export function rememberScreenBefore(briefing: string, search: string, storage: Storage = window.sessionStorage) {
  try {
    storage.setItem(KEY, JSON.stringify({ briefing, search }));
  } catch {
    // Storage refused (private mode, quota): leaving the briefing then returns to today's map, and says so.
  }
}

/** The screen before `briefing`, read back through the URL's own reader and forgotten; null when this tab did not start it. */
export function takeScreenBefore(briefing: string, storage: Storage = window.sessionStorage): Screen | null {
  try {
    const stored = storage.getItem(KEY);
    storage.removeItem(KEY);
    const parsed = stored ? (JSON.parse(stored) as { briefing?: unknown; search?: unknown }) : null;
    if (parsed?.briefing !== briefing || typeof parsed.search !== 'string') return null;
    const { filters, feature, doc, clause, view } = readUrlState(parsed.search);
    return { filters, feature, doc, clause, view };
  } catch {
    return null;
  }
}
