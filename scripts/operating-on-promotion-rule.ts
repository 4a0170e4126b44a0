/**
 * A promotion phrase never makes a thing `operating` on its own (geodata/READING.md, audit-2 B-D1: Hoành Mô drawn open
 * on "thúc đẩy tuyến du lịch"). An `operating` step whose quote promotes ("thúc đẩy", "quảng bá", "xúc tiến") and
 * reports nothing done ("đã …") must say in its note what implies operation, written as READING.md says:
 * "Operation implied by: <what>" (or, in Vietnamese, "Ngụ ý hoạt động: <điều gì>"), <what> at least three words.
 */
import type { StatusEvent } from '../server/src/domain/schemas';
import { leadingPromotion, leadsWithCueOf } from './reading-cues';
import { countedSteps, placesOfSteps, stepName } from './step-places';

/** The marker and the reason after it, up to the end of its sentence (a full stop inside "004:3.3" does not end it). */
const OPERATION_IMPLIED = /(?:^|[^\p{L}])(?:operation implied by|ngụ ý hoạt động)\s*:\s*((?:[^.;]|\.(?=\S))*)/iu;
const MIN_REASON_WORDS = 3;

/** The reason a note gives for operation, or null when it gives none in the convention's words. */
export function operationReason(note: string | undefined): string | null {
  const match = note?.normalize('NFC').match(OPERATION_IMPLIED);
  const reason = match?.[1].trim() ?? '';
  return reason.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length >= MIN_REASON_WORDS ? reason : null;
}

export function checkOperatingOnPromotion(events: readonly StatusEvent[]): string[] {
  const places = placesOfSteps(events);
  const problems: string[] = [];
  for (const step of countedSteps(events)) {
    if (step.status !== 'operating') continue;
    const promotion = leadingPromotion(step.quote);
    if (!promotion || leadsWithCueOf(step.quote, 'reported') || operationReason(step.note) !== null) continue;
    problems.push(
      `${stepName(step, places)}: "operating" on a quote that only promotes ("${promotion}") — a promotion never makes a thing operating on its own; say what does in the note ("Operation implied by: …", READING.md) or read a lower status`,
    );
  }
  return problems;
}
