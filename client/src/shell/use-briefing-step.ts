import type { Briefing } from '@domain/briefings';
import { useEffect, useMemo } from 'react';
import type { MapViewState, UrlState } from '../state/url-state';

/**
 * A briefing step sets the screen it was saved with — filters, date, selection — once, when the step
 * changes; the view it returns is where the map flies (null: no step playing).
 */
export function useBriefingStep(
  briefing: Briefing | null,
  step: number,
  setUrlState: (change: Partial<UrlState>, mode?: 'push' | 'replace') => void,
): MapViewState | null {
  const activeStep = briefing?.steps[step - 1] ?? null;
  const stepKey = briefing && activeStep ? `${briefing.id}#${step}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one view per step, keyed by the step, so the map flies once.
  const targetView = useMemo(() => (stepKey && activeStep ? { ...activeStep.view } : null), [stepKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step's screen is applied once when the step changes.
  useEffect(() => {
    if (!stepKey || !activeStep) return;
    setUrlState({ filters: { ...activeStep.filters }, feature: activeStep.feature, doc: null, clause: null }, 'replace');
  }, [stepKey]);
  return targetView;
}

/** Presentation mode asks for the full screen, and leaves it when presentation ends. */
export function usePresentationFullscreen(presenting: boolean) {
  useEffect(() => {
    if (!presenting) return;
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, [presenting]);
}
