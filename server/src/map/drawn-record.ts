import { drawTimelines } from '../domain/drawing/dated-drawing';
import type { CurrentRecord } from '../record/current-record';

/**
 * The record as the map draws it: every located feature once, with each state it goes through
 * (domain/drawing/dated-drawing.ts), so the client's map reads it straight from here in its worker
 * and picks the state for the chosen date itself.
 */
export function drawnRecord(record: CurrentRecord) {
  return drawTimelines(record.timelines.timelines);
}
