import type { ApiFeature, FeatureRow, RecordViewResponse } from './api';
import type { Filters } from './filters';
import { summariseLegend } from './legend-summary';
import { progressTables } from './progress';
import { filterOnDate } from './record-on-date';

export type Page = { offset: number; limit: number };

const rowOf = ({ id, geometry, properties: p }: ApiFeature): FeatureRow => ({
  id,
  kind: p.kind,
  name: p.name,
  status: p.status,
  located: geometry !== null,
  since: p.since,
  reportedIn: p.reportedIn,
  zhInferred: p.zhInferred,
});

/**
 * What the planner's screen shows for a date and filters, from the record as of that date (one state
 * per feature known by then, record-timeline.ts): counts, legend, progress tables and one page of
 * the list. `record` is what the record holds whatever the date (kinds, step dates).
 */
export function recordView(
  onDate: readonly ApiFeature[],
  filters: Filters,
  page: Page,
  record: RecordViewResponse['record'],
  /** The progress tables of `onDate`, when already counted (they depend on the date only). */
  progress: RecordViewResponse['progress'] = progressTables(onDate),
): RecordViewResponse {
  const visible = filterOnDate(onDate, filters);
  let onMap = 0;
  for (const feature of visible) if (feature.geometry) onMap += 1;
  return {
    asOf: filters.asOf,
    total: visible.length,
    onMap,
    notLocated: visible.length - onMap,
    legend: summariseLegend(visible),
    progress,
    rows: visible.slice(page.offset, page.offset + page.limit).map(rowOf),
    offset: page.offset,
    limit: page.limit,
    record,
  };
}
