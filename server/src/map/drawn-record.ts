import { todayIso } from '../domain/dates';
import { drawTimelines } from '../domain/drawing/dated-drawing';
import { agreementDatesOf } from '../domain/record-on-date';
import { recordTimelines } from '../domain/record-timeline';
import type { createFeatureService } from '../features/feature-service';
import type { RecordRepository } from '../record/repository';

/**
 * The record as the map draws it: every located feature once, with each state it goes through
 * (domain/drawing/dated-drawing.ts), so the client's map reads it straight from here in its worker
 * and picks the state for the chosen date itself.
 */
export async function drawnRecord(repository: RecordRepository, features: ReturnType<typeof createFeatureService>) {
  const [collection, eventsByFeature, provinces, agreements] = await Promise.all([
    features.list({}),
    repository.listEventsByFeature(),
    repository.listProvinces(),
    repository.listAgreements(),
  ]);
  const agreementDates = agreementDatesOf(agreements);
  const { timelines } = recordTimelines(collection, { eventsByFeature, provinces, agreementDates }, todayIso());
  return drawTimelines(timelines);
}
