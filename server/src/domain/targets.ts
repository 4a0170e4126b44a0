import { commitmentsOf } from './commitments';
import { effectiveSteps } from './corrections';
import type { StatusEvent } from './schemas';
import { STATUS_BY_ID, type StatusId } from './vocabulary';

/** A target's period ("2025", "2026-H1", "2029-Q4", "2025-06", "2025-06-30") → its last day: a target is met in time up to it. */
export function dueDate(by: string): string {
  const [year, part] = [Number(by.slice(0, 4)), by.slice(5)];
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  if (!part) return `${year}-12-31`;
  if (part === 'H1') return lastDay(6);
  if (part === 'H2') return lastDay(12);
  if (part.startsWith('Q')) return lastDay(3 * Number(part.slice(1)));
  if (part.length === 2) return lastDay(Number(part));
  return by;
}

/** The day after a date (when a target passes). */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

type TargetState = 'met' | 'upcoming' | 'dueThisYear' | 'overdue';

/** A commitment's deadline as the record reads it on a date. */
export type CommitmentTarget = {
  /** The commitment (commitments.ts key): the level or subject promised. */
  key: string;
  /** The step that set the deadline in force (the latest restatement carrying one). */
  setBy: StatusEvent;
  by: string;
  due: string;
  reach: StatusId;
  /** Earlier steps of the same commitment that gave a deadline, oldest first. */
  restatements: StatusEvent[];
  /** A later document gave a later deadline than an earlier one. */
  moved: boolean;
  state: TargetState;
  /** The step at which the record says the target was reached (by the date), if it has. */
  metBy: StatusEvent | null;
  /** Days past the deadline (overdue only). */
  daysLate: number;
};

/**
 * The deadlines of a feature's commitments as of `date` (a day; the latest reading uses today): for each
 * commitment whose steps up to then carry a target, the one in force (the latest given), whether a step up to
 * then says its status was reached (met), and else whether the deadline has passed (overdue), falls in the
 * date's year (due this year) or lies ahead. Only documents decide "met": a passed deadline with no document
 * saying so is overdue, never assumed done.
 */
export function targetsOf(events: readonly StatusEvent[], date: string): CommitmentTarget[] {
  const counted = effectiveSteps(events).filter((event) => event.date <= date);
  const result: CommitmentTarget[] = [];
  for (const commitment of commitmentsOf(events, date)) {
    const given = commitment.events.filter((event) => event.target);
    if (given.length === 0) continue;
    const setBy = given[given.length - 1];
    const target = setBy.target as NonNullable<StatusEvent['target']>;
    const due = dueDate(target.by);
    const wanted = STATUS_BY_ID[target.reach].order;
    // Any step of the same level or subject at or past the status aimed at — an implied one too (it describes
    // what exists), at any date up to the reading.
    const sameCommitment = (event: StatusEvent) =>
      event.subject ? `subject:${event.subject.en}` === commitment.key : `level:${event.level ?? 'unstated'}` === commitment.key;
    const metBy = counted.find((event) => sameCommitment(event) && STATUS_BY_ID[event.status].order >= wanted) ?? null;
    const restatements = given.slice(0, -1);
    const moved = restatements.some((event) => dueDate((event.target as NonNullable<StatusEvent['target']>).by) < due);
    const state: TargetState = metBy ? 'met' : date > due ? 'overdue' : date.slice(0, 4) === due.slice(0, 4) ? 'dueThisYear' : 'upcoming';
    result.push({
      key: commitment.key,
      setBy,
      by: target.by,
      due,
      reach: target.reach,
      restatements,
      moved,
      state,
      metBy,
      daysLate: state === 'overdue' ? daysBetween(due, date) : 0,
    });
  }
  return result;
}

/** A feature with a commitment past its deadline on `date` and no document saying it was reached. */
export const isOverdue = (events: readonly StatusEvent[], date: string) =>
  // Most features carry no deadline: no commitments to read then (the record's timelines ask this at every change date).
  events.some((event) => event.target) && targetsOf(events, date).some((t) => t.state === 'overdue');

/** The days a feature's overdue answer can change beside its steps' dates: the day after each deadline. */
export function targetChangeDates(events: readonly StatusEvent[]): string[] {
  return events.flatMap((event) => (event.target ? [dayAfter(dueDate(event.target.by))] : []));
}
