/**
 * The same words graded the same way (geodata/READING.md, audit-2 B-D7, B-D8): a step resting on a cue phrase carries
 * the grade READING.md gives that cue, and two steps quoting the same words of one clause carry one grade. Only the
 * steps that count are read: a corrected step keeps the reading it was corrected for.
 */
import type { StatusEvent } from '../server/src/domain/schemas';
import { normalizeText } from '../server/src/domain/text';
import { type CueKind, GRADE_OF_CUE, governingCue } from './reading-cues';
import { countedSteps, placesOfSteps, stepName } from './step-places';

/** The first words of a quote, for a message. */
const shortQuote = (quote: string) => {
  const words = normalizeText(quote);
  return words.length > 60 ? `${words.slice(0, 60)}…` : words;
};

const WHY: Record<CueKind, string> = {
  directive: 'a directive gives the status it presupposes, never one it states',
  proposal: 'a proposal states the step it proposes',
  agreement: 'an agreement states the step agreed',
  reported: 'a thing reported done states the status it reports',
};

/** Steps graded otherwise than their governing cue says ("cùng thúc đẩy hoàn thiện" → implied, "đã tổ chức" → stated). */
export function checkCueGrades(events: readonly StatusEvent[]): string[] {
  const places = placesOfSteps(events);
  const problems: string[] = [];
  for (const step of countedSteps(events)) {
    const cue = governingCue(step.quote, step.status);
    if (!cue || GRADE_OF_CUE[cue.kind] === step.evidence) continue;
    problems.push(
      `${stepName(step, places)}: its quote rests on "${cue.phrase}" (${cue.kind}), which READING.md grades "${GRADE_OF_CUE[cue.kind]}": ${WHY[cue.kind]}`,
    );
  }
  return problems;
}

/**
 * Steps that read the same words of the same clause as the same status with different grades (one verb governing
 * several objects, one reading: B-D6). The same words may state one status and presuppose another (a proposal to
 * report border works for approval states `proposed` and implies the gate is still being built): a grade belongs to
 * the words and the status read from them.
 */
export function checkSameWordsSameGrade(events: readonly StatusEvent[]): string[] {
  const places = placesOfSteps(events);
  const groups = new Map<string, StatusEvent[]>();
  for (const step of countedSteps(events)) {
    const key = `${step.clauseId}\u0000${step.status}\u0000${normalizeText(step.quote)}`;
    const group = groups.get(key);
    if (group) group.push(step);
    else groups.set(key, [step]);
  }
  const problems: string[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((step) => step.evidence)).size < 2) continue;
    const [first] = group;
    problems.push(
      `${first.clauseId} "${shortQuote(first.quote)}": the same words read as "${first.status}" graded differently — ${group
        .map((step) => stepName(step, places))
        .join('; ')} (the same words, the same status, one grade: READING.md)`,
    );
  }
  return problems;
}
