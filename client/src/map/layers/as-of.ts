import { AS_OF_STATE, DATED_PROPERTIES, type DatedProperty, datedKey, MAX_STATES } from '@domain/drawing/dated-drawing';
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * Expressions that read a drawn feature's state on the chosen date (see domain/drawing/dated-drawing.ts):
 * the date is the style's global state `asOf`, so moving the time slider sets one value and MapLibre
 * re-evaluates the layers in its worker; no feature is sent to the map again.
 */
const asOf: ExpressionSpecification = ['to-number', ['global-state', AS_OF_STATE]];
/** Larger than any date number: a state the feature does not have never holds. */
const NEVER = 1e9;

/** Index of the feature's state on the date: the last whose `from@i` is on or before it; -1 before the first. */
export const stateIndex: ExpressionSpecification = [
  'case',
  ...Array.from({ length: MAX_STATES }, (_, n) => MAX_STATES - 1 - n).flatMap((i) => [
    ['>=', asOf, ['coalesce', ['get', datedKey('from', i)], NEVER]] as ExpressionSpecification,
    i,
  ]),
  -1,
] as unknown as ExpressionSpecification;

/** The feature's value of `property` on the chosen date. */
export const onDate = (property: DatedProperty): ExpressionSpecification => [
  'let',
  'state',
  stateIndex,
  ['get', ['concat', `${property}@`, ['to-string', ['var', 'state']]]],
];

/** True when the record knew the feature by the chosen date. */
export const knownOnDate: ExpressionSpecification = ['>=', stateIndex, 0];

export { AS_OF_STATE, DATED_PROPERTIES };
