import { AS_OF_STATE, type DatedProperty, datedKey } from '@domain/drawing/dated-drawing';
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * Expressions that read a drawn feature's state on the chosen date (see domain/drawing/dated-drawing.ts):
 * the date is the style's global state `asOf`, so moving the time slider sets one value and MapLibre
 * re-evaluates the layers in its worker; no feature is sent to the map again. They look at as many
 * states as the record's features have at most (`states`, from GET /api/map/tiles.json): MapLibre
 * parses them again on every date change, so they are kept no longer than the record needs.
 */
export type AsOfExpressions = {
  /** The feature's value of `property` on the chosen date. */
  onDate(property: DatedProperty): ExpressionSpecification;
  /** True when the record knew the feature by the chosen date. */
  knownOnDate: ExpressionSpecification;
  states: number;
};

/** Larger than any date number: a state the feature does not have never holds. */
const NEVER = 1e9;

const cache = new Map<number, AsOfExpressions>();

export function asOfExpressions(states: number): AsOfExpressions {
  const cached = cache.get(states);
  if (cached) return cached;
  const date: ExpressionSpecification = ['to-number', ['global-state', AS_OF_STATE]];
  // Index of the feature's state on the date: the last whose `from@i` is on or before it; -1 before the first.
  const stateIndex = [
    'let',
    'date',
    date,
    [
      'case',
      ...Array.from({ length: states }, (_, n) => states - 1 - n).flatMap((i) => [
        ['>=', ['var', 'date'], ['coalesce', ['get', datedKey('from', i)], NEVER]],
        i,
      ]),
      -1,
    ],
  ] as unknown as ExpressionSpecification;
  const made: AsOfExpressions = {
    onDate: (property) => ['let', 'state', stateIndex, ['get', ['concat', `${property}@`, ['to-string', ['var', 'state']]]]],
    // States come in date order, so the record knows a feature from its first state's date on: one
    // comparison, where the state's index would be a whole chain (every record layer's filter has it).
    knownOnDate: ['>=', date, ['coalesce', ['get', datedKey('from', 0)], NEVER]],
    states,
  };
  cache.set(states, made);
  return made;
}
