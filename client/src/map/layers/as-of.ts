import type { DatedProperty } from '@domain/drawing/dated-drawing';
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * Expressions that read a drawn feature's state on the chosen date (see domain/drawing/dated-drawing.ts).
 * The index of that state is the feature state `s`, set by the map (record-states.ts) for the features
 * whose state changes between two dates only, so a date change repaints what the map holds: no tile is
 * laid out again and no feature is sent. `out` says the planner's filters leave the feature out.
 */
const stateIndex: ExpressionSpecification = ['to-number', ['coalesce', ['feature-state', 's'], -1]];

/** The feature's value of `property` on the chosen date (null before the record knows it). */
export const onDate = (property: DatedProperty): ExpressionSpecification => ['get', ['concat', `${property}@`, ['to-string', stateIndex]]];

/** True when the record knows the feature on the chosen date and the planner's filters keep it. */
export const drawnOnDate: ExpressionSpecification = [
  'all',
  ['>=', stateIndex, 0],
  ['!', ['to-boolean', ['coalesce', ['feature-state', 'out'], false]]],
];
