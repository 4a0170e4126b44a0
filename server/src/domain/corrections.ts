import type { StatusEvent, StepKey } from './schemas';

type Step = Pick<StatusEvent, 'date' | 'status' | 'level'> & Partial<Pick<StatusEvent, 'clauseId' | 'corrects' | 'subject' | 'movedTo'>>;

/** True when `step` is the one `key` names (a key without a subject, as older corrections have, names any subject). */
export const isStep = (step: Step, key: StepKey) =>
  step.date === key.date &&
  step.clauseId === key.clauseId &&
  step.status === key.status &&
  step.level === key.level &&
  (key.subject === undefined || key.subject === step.subject?.en);

/** The key naming a step, for a correction to point at it. */
export const keyOf = (step: Pick<StatusEvent, 'date' | 'clauseId' | 'status' | 'level' | 'subject'>): StepKey => ({
  date: step.date,
  clauseId: step.clauseId,
  status: step.status,
  level: step.level,
  ...(step.subject ? { subject: step.subject.en } : {}),
});

/**
 * The steps that count: every step but those a correction replaces and those whose reading moved to another
 * feature (`movedTo`). A correction is a step of its own (cited, dated by its document); the step it corrects stays
 * in the record and in the history. A correction may itself be corrected. Order does not matter (an export writes
 * steps per agreement).
 */
export function effectiveSteps<T extends Step>(steps: readonly T[]): readonly T[] {
  const corrections = steps.filter((step) => step.corrects);
  const moved = steps.some((step) => step.movedTo);
  if (corrections.length === 0 && !moved) return steps; // the common case: nothing corrected or moved
  return steps.filter(
    (step) => !step.movedTo && !corrections.some((other) => other !== step && other.corrects && isStep(step, other.corrects)),
  );
}

/** The key of the step that corrects `steps[index]`, or null when none does. */
export function correctionOf(steps: readonly Step[], index: number): StepKey | null {
  const later = steps.find((step, at) => at !== index && step.corrects && isStep(steps[index], step.corrects));
  return later?.clauseId
    ? {
        date: later.date,
        clauseId: later.clauseId,
        status: later.status,
        level: later.level,
        ...(later.subject ? { subject: later.subject.en } : {}),
      }
    : null;
}
