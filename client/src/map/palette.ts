import { STATUS_BY_ID, STATUSES, TRANSPORT_MODES } from '@domain/vocabulary';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Language } from '../i18n/language';

export const INK = '#2b2d42';
export const PAPER = '#ffffff';
export const SEA = '#d4e6f1';
export const LAND_VIETNAM = '#fbf8f1';
export const LAND_ABROAD = '#ecebe5';
export const BORDER = '#6a3d6b';
export const SELECTED = '#111111';
/** Secondary text (captions, dates) on paper. */
export const INK_MUTED = '#6b6f80';
/** Thin rules between a PNG's map and its caption. */
export const RULE = '#dedbd2';
export const RIVER = '#a9c9de';
export const PROVINCE_LINE = '#a39e93';
/** Borders between two other countries (Vietnam's own are BORDER). */
export const OTHER_BORDER = '#8d8a93';
export const PROVINCE_LABEL = '#8a8478';
export const PLACE_DOT = '#55514a';
export const PLACE_LABEL = '#3d3a35';
/** The features of the selected clause or route. */
export const HIGHLIGHT = '#e8590c';
/** A new place being drawn by an editor (import). */
export const DRAFT_PLACE = '#b3261e';
/** Sister pairings (dotted violet) and cooperation mechanisms (dashed teal): map and legend. */
export const PAIRING_COLOR = '#8e7cc3';
export const COOPERATION_COLOR = '#2a9d8f';
/** Rings where published sources put a side elsewhere: map and legend. */
export const DISAGREEMENT_COLOR = '#c2185b';
/** The badge of a commitment past its deadline (map, legend, panel): a red that reads on every status colour. */
export const OVERDUE_COLOR = '#c62828';
/** After a Chinese label that is partly our reading (the panel says the same in words). */
export const ZH_INFERRED_MARK = '（推断）';

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

/**
 * Record labels: one side's short name at overview zooms, the full pair name closer in. In Chinese,
 * a full name that is partly our reading is marked as inferred (the short name is the Chinese
 * side's, the part a source gives; the inferred part is the Vietnamese side's reading).
 */
export function recordLabelIn(language: Language): ExpressionSpecification {
  const full: ExpressionSpecification =
    language === 'zh'
      ? [
          'case',
          ['all', ['==', ['get', 'zh_inferred'], true], ['has', 'name_zh']],
          ['concat', labelIn(language), ZH_INFERRED_MARK],
          labelIn(language),
        ]
      : labelIn(language);
  return ['step', ['zoom'], labelIn(language, 'short'), 8.5, full];
}

/** Route mode → colour (passenger, freight, rail, air…), straight from the shared vocabulary. */
export const modeColor = [
  'match',
  ['get', 'mode'],
  ...TRANSPORT_MODES.flatMap((mode) => [mode.id, mode.color]),
  INK,
] as unknown as ExpressionSpecification;
