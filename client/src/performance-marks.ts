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
  /** The same input, kept until the server's answer for the lists has been rendered. */
  viewStart: 'ba:view-start',
} as const;
/** Measure from updateStart to updateDone: the main-thread work of one filter change or slider step. */
const UPDATE_MEASURE = 'ba:update';
/** Measure from the input to the lists, counts and legend showing the server's answer for it (GET /api/view). */
const VIEW_MEASURE = 'ba:view';

export function markUpdateStart() {
  performance.clearMarks(PERFORMANCE_MARKS.updateStart);
  performance.mark(PERFORMANCE_MARKS.updateStart);
  performance.clearMarks(PERFORMANCE_MARKS.viewStart);
  performance.mark(PERFORMANCE_MARKS.viewStart);
}

/** The lists show the answer for the latest input (called once it has rendered). */
export function markViewShown() {
  if (performance.getEntriesByName(PERFORMANCE_MARKS.viewStart, 'mark').length === 0) return;
  performance.measure(VIEW_MEASURE, PERFORMANCE_MARKS.viewStart);
  performance.clearMarks(PERFORMANCE_MARKS.viewStart);
}

export function markUpdateDone() {
  if (performance.getEntriesByName(PERFORMANCE_MARKS.updateStart, 'mark').length === 0) return;
  performance.mark(PERFORMANCE_MARKS.updateDone);
  performance.measure(UPDATE_MEASURE, PERFORMANCE_MARKS.updateStart, PERFORMANCE_MARKS.updateDone);
  performance.clearMarks(PERFORMANCE_MARKS.updateStart);
}

/**
 * The progress timeline's own main-thread work for one drawing: reading its rows from the record (when they
 * changed) and drawing the rows on screen (Observable Plot). Read by the benchmark at 68, 1 000 and 10 000 features.
 */
export const TIMELINE_MEASURE = 'ba:timeline';

export function measureTimeline(start: number, durationMs: number) {
  performance.measure(TIMELINE_MEASURE, { start, duration: durationMs });
}
