/**
 * User Timing marks around the app's own work, read by the benchmark (bench/browser.ts) and by
 * anyone profiling in DevTools. Marks cost microseconds; nothing else is recorded.
 */
export const PERFORMANCE_MARKS = {
  /** The map's style and first frame are ready. */
  mapLoad: 'ba:map-load',
  /** The record's features are drawn for the first time and the map has settled. */
  mapDataIdle: 'ba:map-data-idle',
  /** A filter or the date changed (the planner's input). */
  updateStart: 'ba:update-start',
  /** The lists have rendered and MapLibre has been given the new filter or date (style state). */
  updateDone: 'ba:update-done',
} as const;
/** Measure from updateStart to updateDone: the main-thread work of one filter change or slider step. */
export const UPDATE_MEASURE = 'ba:update';

export function markUpdateStart() {
  performance.clearMarks(PERFORMANCE_MARKS.updateStart);
  performance.mark(PERFORMANCE_MARKS.updateStart);
}

export function markUpdateDone() {
  if (performance.getEntriesByName(PERFORMANCE_MARKS.updateStart, 'mark').length === 0) return;
  performance.mark(PERFORMANCE_MARKS.updateDone);
  performance.measure(UPDATE_MEASURE, PERFORMANCE_MARKS.updateStart, PERFORMANCE_MARKS.updateDone);
  performance.clearMarks(PERFORMANCE_MARKS.updateStart);
}
