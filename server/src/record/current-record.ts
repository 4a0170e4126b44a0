import { todayIso } from '../domain/dates';
import { agreementDatesOf, type RecordIndex } from '../domain/record-on-date';
import { type RecordTimelines, recordTimelines } from '../domain/record-timeline';
import { KIND_IDS, type KindId } from '../domain/vocabulary';
import { featureServiceOn } from '../features/feature-service';
import { latestByKey } from '../http/latest-by-key';
import type { RecordRepository } from './repository';

export type CurrentRecord = {
  collection: Awaited<ReturnType<ReturnType<typeof featureServiceOn>['list']>>;
  index: RecordIndex;
  /** Each feature's states over time (domain/record-timeline.ts): any date is then one pick per feature. */
  timelines: RecordTimelines;
  /** The kinds the record holds, in vocabulary order. */
  kinds: KindId[];
  /** The dates of the record's status steps, in order, each once. */
  stepDates: string[];
  /** Agreements whose text the record holds (referenced documents' ids are not among them). */
  heldAgreements: ReadonlySet<string>;
};

/**
 * The record as every date sees it, for the current revision and day (the latest state reads today's
 * provinces): computed once, on first use, and shared by the map's tiles, the planner's view and the
 * changes between dates. Keys are `revision|day`; a new revision or a new day computes it afresh.
 */
export function createCurrentRecord(source: RecordRepository) {
  async function build(): Promise<CurrentRecord> {
    // One snapshot for all of it: a write meanwhile cannot mix two revisions.
    const repository = await source.snapshot();
    const [collection, eventsByFeature, provinces, agreements] = await Promise.all([
      featureServiceOn(repository).list({}),
      repository.listEventsByFeature(),
      repository.listProvinces(),
      repository.listAgreements(),
    ]);
    const index: RecordIndex = { eventsByFeature, provinces, agreementDates: agreementDatesOf(agreements) };
    const present = new Set(collection.features.map((feature) => feature.properties.kind));
    const stepDates = new Set<string>();
    for (const events of eventsByFeature.values()) for (const event of events) stepDates.add(event.date);
    return {
      collection,
      index,
      timelines: recordTimelines(collection, index, todayIso()),
      kinds: KIND_IDS.filter((kind) => present.has(kind)),
      stepDates: [...stepDates].sort(),
      heldAgreements: new Set(agreements.filter((agreement) => agreement.sourceFile !== null).map((agreement) => agreement.id)),
    };
  }

  return {
    /** Names the record's current revision and day; responses made from it are cached under it. */
    async key(): Promise<string> {
      return `${await source.revision()}|${todayIso()}`;
    },
    get: latestByKey(build),
  };
}
export type CurrentRecordSource = ReturnType<typeof createCurrentRecord>;
