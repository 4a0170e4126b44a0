import { STATUS_BY_ID, STATUSES, TRANSPORT_MODES } from '@domain/vocabulary';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Language } from '../state/url-state';

export const INK = '#2b2d42';
export const PAPER = '#ffffff';
export const SEA = '#d4e6f1';
export const LAND_VIETNAM = '#fbf8f1';
export const LAND_ABROAD = '#ecebe5';
export const BORDER = '#6a3d6b';
export const SELECTED = '#111111';

/** Status (an expression giving a status id) → colour, straight from the shared vocabulary. */
export function statusColor(status: ExpressionSpecification): ExpressionSpecification {
  return [
    'match',
    status,
    ...STATUSES.flatMap((status) => [status.id, status.color]),
    STATUS_BY_ID.unknown.color,
  ] as unknown as ExpressionSpecification;
}

/** The label in the chosen language, falling back to Vietnamese where a name is not known. */
export function labelIn(language: Language, prefix: 'name' | 'short' = 'name'): ExpressionSpecification {
  return ['coalesce', ['get', `${prefix}_${language}`], ['get', `${prefix}_vi`]];
}

/** Record labels: one side's short name at overview zooms, the full pair name closer in. */
export function recordLabelIn(language: Language): ExpressionSpecification {
  return ['step', ['zoom'], labelIn(language, 'short'), 8.5, labelIn(language)];
}

/** Route mode → colour (passenger, freight, rail, air…), straight from the shared vocabulary. */
export const modeColor = [
  'match',
  ['get', 'mode'],
  ...TRANSPORT_MODES.flatMap((mode) => [mode.id, mode.color]),
  INK,
] as unknown as ExpressionSpecification;
