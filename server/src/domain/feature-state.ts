import { effectiveSteps } from './corrections';
import type { StatusEvent } from './schemas';
import { LEVEL_BY_ID, type LevelId, type StatusId } from './vocabulary';

export type FeatureState = {
  /** Where the feature stands; `unknown` when no step is recorded by that date. */
  status: StatusId;
  /** The level it operates at, or — when not yet operating — the level its current step concerns. */
  level: LevelId | null;
  /** A step towards a higher level taken while it keeps operating at `level`. */
  upgrade: { level: LevelId; status: StatusId } | null;
  /** Date of the latest step counted: the status is as last reported on that date (audit D21). */
  since: string | null;
  /** The document that latest step is read from ("theo văn bản 22/02/2023"). */
  reportedIn: string | null;
};

const rank = (level: LevelId | null) => (level === null ? -1 : LEVEL_BY_ID[level].rank);

/**
 * The state of one feature as of a date, from its status events.
 * Events on the same date keep their order in the record (the order the clause gives them).
 *
 * @example
 * featureStateAsOf([{ date: '2023-02-22', status: 'operating', level: 'bilateral', … },
 *                   { date: '2023-02-22', status: 'proposed', level: 'international', … }])
 * // → { status: 'operating', level: 'bilateral', upgrade: { level: 'international', status: 'proposed' }, since: '2023-02-22', reportedIn: '004' }
 */
export function featureStateAsOf(
  events: readonly (Pick<StatusEvent, 'date' | 'status' | 'level'> & Partial<Pick<StatusEvent, 'clauseId' | 'corrects' | 'agreementId'>>)[],
  asOf?: string,
): FeatureState {
  // Steps replaced by a correction do not count (corrections.ts).
  const counted = effectiveSteps(events)
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => asOf === undefined || event.date <= asOf)
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || a.index - b.index)
    .map(({ event }) => event);
  const latest = counted.at(-1);
  if (!latest) return { status: 'unknown', level: null, upgrade: null, since: null, reportedIn: null };
  const reportedIn = latest.agreementId ?? null;

  const operatingEvents = counted.filter((event) => event.status === 'operating');
  if (operatingEvents.length === 0) {
    const latestLevel = [...counted].reverse().find((event) => event.level !== null)?.level ?? null;
    return { status: latest.status, level: latestLevel, upgrade: null, since: latest.date, reportedIn };
  }
  const operatingLevel = operatingEvents.reduce<LevelId | null>(
    (best, event) => (rank(event.level) > rank(best) ? event.level : best),
    operatingEvents[0].level,
  );
  // A step above the operating level, taken on or after the latest date it was seen operating, is an
  // upgrade still under way. Older steps were overtaken: e.g. a road "to become a channel" (2023) that a
  // later document reports simply "in operation" (2026).
  const operatingSince = operatingEvents.at(-1)?.date ?? '';
  const pending = counted
    .filter((event) => event.date >= operatingSince && event.level !== null && rank(event.level) > rank(operatingLevel))
    .at(-1);
  return {
    status: 'operating',
    level: operatingLevel,
    upgrade: pending?.level ? { level: pending.level, status: pending.status } : null,
    since: latest.date,
    reportedIn,
  };
}
