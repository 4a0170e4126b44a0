import { useCallback, useEffect, useState } from 'react';
import { NO_FILTERS } from '../filters/filters';
import { type UrlState, writeUrlState } from '../state/url-state';
import { rememberScreenBefore, type Screen, takeScreenBefore } from './screen-before-briefing';

/** How the screen was left: given back as it was before the briefing, or (a briefing opened from a link) today's map. */
export type BriefingExit = 'restored' | 'today' | null;

/** A briefing opened from a link has no screen before it: leaving gives today's map with no filter, and says so. */
const TODAY: Omit<Screen, 'view'> = { filters: NO_FILTERS, feature: null, doc: null, clause: null };

/** How long the word on how the briefing was left stays (it can be dismissed before). */
const EXIT_NOTICE_MS = 12_000;

/**
 * Playing a briefing applies its steps' dates, filters and selection; leaving it must never leave the
 * last step's screen applied unannounced (a planner would read an old, filtered map as today's).
 */
export function useBriefingExit(
  urlState: UrlState,
  setUrlState: (change: Partial<UrlState>, mode?: 'push' | 'replace') => void,
): { play: (id: string) => void; close: () => void; exit: BriefingExit; dismiss: () => void } {
  const [exit, setExit] = useState<BriefingExit>(null);
  const play = useCallback(
    (id: string) => {
      // Not during a briefing: the screen before the first one is the planner's.
      if (!urlState.briefing) rememberScreenBefore(id, writeUrlState({ ...urlState, briefing: null, present: false }, ''));
      setUrlState({ briefing: id, step: 1 });
    },
    [urlState, setUrlState],
  );
  const close = useCallback(() => {
    const before = urlState.briefing ? takeScreenBefore(urlState.briefing) : null;
    setUrlState({ ...(before ?? TODAY), briefing: null, step: 1, present: false });
    setExit(before ? 'restored' : 'today');
  }, [urlState.briefing, setUrlState]);
  useEffect(() => {
    if (!exit) return;
    const timer = window.setTimeout(() => setExit(null), EXIT_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [exit]);
  return { play, close, exit, dismiss: useCallback(() => setExit(null), []) };
}
