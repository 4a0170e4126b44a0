import { effectiveSteps } from './corrections';
import type { StatusEvent } from './schemas';
import { STATUS_BY_ID } from './vocabulary';

/** How long a promise may be restated without moving before it counts as stalled. */
const STALLED_AFTER_DAYS = 2 * 365;

export type Commitment = {
  /** What is promised: opening at a level, an upgrade, or the subject of the steps (an expansion…). */
  key: string;
  events: StatusEvent[];
  firstMade: StatusEvent;
  /** The step at which it reached `operating`, if it has. */
  achieved: StatusEvent | null;
  /**
   * Its steps that moved it without changing its stage, each saying what moved (a step's `progress`: the
   * addressee, the deadline, the scope): progress, not restatements.
   */
  progressed: StatusEvent[];
  /**
   * Restated at the same (or a lower) stage more than two years after reaching that stage, or after the last
   * step that moved it (`progressed`), whichever is later. `since` is that step.
   */
  stalled: { since: StatusEvent; restated: StatusEvent; days: number } | null;
};

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Steps of one feature grouped into the promises they belong to, as of a date. */
export function commitmentsOf(events: readonly StatusEvent[], asOf?: string): Commitment[] {
  const counted = effectiveSteps(events)
    .filter((event) => asOf === undefined || event.date <= asOf)
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || a.index - b.index)
    .map(({ event }) => event);
  const groups = new Map<string, StatusEvent[]>();
  for (const event of counted) {
    // An implied "operating" only describes what exists; it is not a promise of its own.
    if (event.evidence === 'implied' && event.status === 'operating') continue;
    const key = event.subject ? `subject:${event.subject.en}` : `level:${event.level ?? 'unstated'}`;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const achieved = group.find((event) => STATUS_BY_ID[event.status].operating) ?? null;
    let stalled: Commitment['stalled'] = null;
    const progressed = group.filter((event) => event.progress !== undefined);
    if (!achieved) {
      // The clock runs from the earliest step at the stage the promise has reached, or from a later step that
      // moved it at that stage (a new addressee, deadline or scope), to the latest restatement.
      const latest = group[group.length - 1];
      const stage = STATUS_BY_ID[latest.status].order;
      const reachedAt = group.findIndex((event) => STATUS_BY_ID[event.status].order >= stage);
      const movedAt = group.findLastIndex((event) => event.progress !== undefined);
      const reached = group[Math.max(reachedAt, movedAt)];
      const gap = days(reached.date, latest.date);
      if (latest !== reached && gap > STALLED_AFTER_DAYS) stalled = { since: reached, restated: latest, days: gap };
    }
    return { key, events: group, firstMade: group[0], achieved, progressed, stalled };
  });
}

export const isStalled = (events: readonly StatusEvent[], asOf?: string) => commitmentsOf(events, asOf).some((c) => c.stalled !== null);
