import type { ApiFeature } from './api';
import { effectiveSteps } from './corrections';
import { featureStateAsOf } from './feature-state';
import type { StatusEvent } from './schemas';
import { targetsOf } from './targets';
import type { StatusId } from './vocabulary';

/** A stretch of time a feature held one status, from the document that gave it to the next change (or the end). */
type ProgressSpan = { status: StatusId; from: string; to: string; clauseId: string; agreementId: string };
/** A document restating the status a feature already held: a tick on its row. */
type ProgressTick = { date: string; clauseId: string; agreementId: string; status: StatusId };
/** A deadline: where it falls, and where it stands on the end date. */
type ProgressMark = {
  due: string;
  by: string;
  state: 'met' | 'upcoming' | 'dueThisYear' | 'overdue';
  clauseId: string;
  agreementId: string;
};
export type ProgressRow = {
  id: string;
  name: { vi: string; en: string; zh: string | null };
  spans: ProgressSpan[];
  ticks: ProgressTick[];
  marks: ProgressMark[];
};

/**
 * The rows of the progress timeline (a row per feature, in the given order): its statuses as spans between the
 * dates of the documents that changed them, up to `end` (the slider's date or today); the documents that only
 * restated a status as ticks; its deadlines as marks, read on `end`. The same reading of the steps as the
 * feature's state on any date (feature-state.ts): a span's status is the feature's status on every day it covers.
 */
export function progressRows(
  features: readonly Pick<ApiFeature, 'id' | 'properties'>[],
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>,
  end: string,
): ProgressRow[] {
  return features.map((feature) => {
    const events = eventsByFeature.get(feature.id) ?? [];
    const counted = effectiveSteps(events).filter((event) => event.date <= end);
    const dates = [...new Set(counted.map((event) => event.date))].sort();
    const spans: ProgressSpan[] = [];
    const ticks: ProgressTick[] = [];
    for (const date of dates) {
      const state = featureStateAsOf(events, date);
      const on = counted.filter((event) => event.date === date);
      const giving = on.find((event) => event.status === state.status) ?? on[on.length - 1];
      const last = spans[spans.length - 1];
      if (last && last.status === state.status) {
        ticks.push({ date, clauseId: giving.clauseId, agreementId: giving.agreementId, status: state.status });
        continue;
      }
      if (last) last.to = date;
      spans.push({ status: state.status, from: date, to: end, clauseId: giving.clauseId, agreementId: giving.agreementId });
    }
    const marks = targetsOf(events, end).map((target) => ({
      due: target.due,
      by: target.by,
      state: target.state,
      clauseId: target.setBy.clauseId,
      agreementId: target.setBy.agreementId,
    }));
    return { id: feature.id, name: feature.properties.name, spans, ticks, marks };
  });
}
