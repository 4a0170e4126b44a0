import { linkNumber } from '@domain/drawing/feature-numbers';
import type * as maplibregl from 'maplibre-gl';
import { RECORD_SYMBOLS_SOURCE, recordFeature } from './layers/record-features';
import { type RecordStates, type RecordViewChange, SYMBOLS_STATE } from './record-states';

/**
 * Sets the feature state of the features whose view changed (and of their links when drawn apart), the state on
 * the date of the symbols whose colour changed, and the symbols' global state when it changed: on the live map and
 * on maps drawn off screen alike. Feature state is kept by the features' numbers (record-states.ts `numberOf`).
 */
export function applyRecordViews(map: maplibregl.Map, states: RecordStates, change: RecordViewChange) {
  for (const [id, view] of change.views) {
    const number = states.numberOf(id);
    if (number === undefined) continue;
    map.setFeatureState(recordFeature(number), view);
    if (states.isOwnPoint(id)) map.setFeatureState(recordFeature(linkNumber(number)), view);
  }
  for (const [id, s] of change.symbolStates) {
    const number = states.numberOf(id);
    if (number !== undefined) map.setFeatureState({ ...recordFeature(number), source: RECORD_SYMBOLS_SOURCE }, { s });
  }
  if (change.symbols) map.setGlobalStateProperty(SYMBOLS_STATE, change.symbols);
}
