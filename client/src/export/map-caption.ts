import type { ApiFeature } from '@domain/api';
import { STATUSES } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import { INK } from '../map/palette';

/** A line of an exported map's legend: a filled dot (a status, a sourced position) or a hollow ring (an approximate one). */
export type LegendItem = { color: string; label: string; shape: 'dot' | 'ring' };

/** The statuses among the features shown, in the vocabulary's order: the legend of an exported map. */
export function statusLegend(shown: readonly ApiFeature[], language: Language): LegendItem[] {
  return STATUSES.filter((status) => shown.some((f) => f.properties.status === status.id)).map((status) => ({
    color: status.color,
    label: status.label[language],
    shape: 'dot',
  }));
}

/** How the image draws positions, for those among the features shown: sourced (solid) and approximate (hollow, with a halo). */
export function symbolLegend(shown: readonly ApiFeature[], language: Language): LegendItem[] {
  const points = shown.filter((f) => f.geometry?.type === 'Point');
  return [
    ...(points.some((f) => !f.properties.approximate) ? [{ color: INK, label: text('exact', language), shape: 'dot' as const }] : []),
    ...(points.some((f) => f.properties.approximate) ? [{ color: INK, label: text('approximate', language), shape: 'ring' as const }] : []),
  ];
}
