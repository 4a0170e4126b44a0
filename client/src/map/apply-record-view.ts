import type * as maplibregl from 'maplibre-gl';
import { RECORD_SYMBOLS_SOURCE, recordFeature } from './layers/record-features';
import { type RecordStates, type RecordViewChange, SYMBOLS_STATE, spreadLinkId } from './record-states';

/**
 * Sets the feature state of the features whose view changed (and of their links when drawn apart), and the
 * symbols' global state when it changed: on the live map and on maps drawn off screen alike.
 */
export function applyRecordViews(map: maplibregl.Map, states: RecordStates, change: RecordViewChange) {
  for (const [id, view] of change.views) {
    map.setFeatureState(recordFeature(id), view);
    // The symbols' colours are read for the date from the same state.
    if (states.isOwn(id)) map.setFeatureState({ ...recordFeature(id), source: RECORD_SYMBOLS_SOURCE }, view);
    if (states.isOwnPoint(id)) map.setFeatureState(recordFeature(spreadLinkId(id)), view);
  }
  if (change.symbols) map.setGlobalStateProperty(SYMBOLS_STATE, change.symbols);
}
