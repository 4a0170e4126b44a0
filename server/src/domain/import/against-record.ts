import { effectiveSteps } from '../corrections';
/**
 * What an import suggestion would do to the record as of the document's date: the step it would follow,
 * and a warning when it would move the feature backwards, contradict a later step, or repeat a step
 * already recorded (the same step on the same date; a later document restating a state is new evidence). Steps are compared with those of the same level (an upgrade is its own ladder) and
 * about the thing itself (not an expansion); a suggestion of unstated level, where the record has none before the
 * date, with the feature's steps of every level. Corrected and moved steps do not count.
 */
import type { StatusEvent } from '../schemas';
import { type LevelId, STATUS_IDS, type StatusId } from '../vocabulary';
import type { IMPORT_WARNINGS } from './reading-vocabulary';

type ImportWarning = (typeof IMPORT_WARNINGS)[number];

export type RecordCheck = {
  /** The date the suggestion is read as of. */
  date: string;
  /** The feature's latest step of that level on or before the date, null when it has none. */
  before: { status: StatusId; date: string; clauseId: string } | null;
  warnings: ImportWarning[];
};

const rank = (status: StatusId) => STATUS_IDS.indexOf(status);

export function checkAgainstRecord(
  suggestion: { status: StatusId | null; level: LevelId | null },
  events: readonly StatusEvent[],
  date: string,
): RecordCheck | null {
  if (!suggestion.status) return null;
  const suggested = rank(suggestion.status);
  // The steps that count: a corrected step or one moved to another feature is no longer what the map shows.
  const counted = effectiveSteps(events).filter((e) => !e.subject);
  const sameLevel = counted.filter((e) => e.level === suggestion.level);
  // A text that does not say the level ("cửa khẩu Hoành Mô") speaks of the feature as the map shows it when the
  // record has no step of unstated level before the date: its steps of every level.
  const ladder = (suggestion.level === null && !sameLevel.some((e) => e.date <= date) ? counted : sameLevel).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const earlier = ladder.filter((e) => e.date <= date);
  const latest = earlier[earlier.length - 1];
  const warnings: ImportWarning[] = [];
  if (latest && rank(latest.status) > suggested) warnings.push('backwards');
  if (ladder.some((e) => e.date > date && rank(e.status) < suggested)) warnings.push('contradicts_later');
  // The same step from a document of the same day: most likely this document, imported already.
  if (ladder.some((e) => e.date === date && e.status === suggestion.status)) warnings.push('repeats');
  return { date, before: latest ? { status: latest.status, date: latest.date, clauseId: latest.clauseId } : null, warnings };
}
