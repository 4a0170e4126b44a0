/**
 * Where a step is written, for a message a data editor can act on: the record keeps one file of steps per source
 * document (status-events/<agreementId>.json, server/src/record/load-record.ts), and the loaded record lists each
 * file's steps in order, so a step's place is its document's file and its index among that document's steps.
 */
import { effectiveSteps } from '../server/src/domain/corrections';
import type { StatusEvent } from '../server/src/domain/schemas';

/** Each step → "status-events/003.json#7". */
export function placesOfSteps(events: readonly StatusEvent[]): Map<StatusEvent, string> {
  const places = new Map<StatusEvent, string>();
  const counts = new Map<string, number>();
  for (const event of events) {
    const index = counts.get(event.agreementId) ?? 0;
    counts.set(event.agreementId, index + 1);
    places.set(event, `status-events/${event.agreementId}.json#${index}`);
  }
  return places;
}

/** "status-events/003.json#7 hoanh-mo (003:18.b) operating, implied": the step named for a message. */
export function stepName(event: StatusEvent, places: ReadonlyMap<StatusEvent, string>): string {
  return `${places.get(event) ?? 'status-events/?'} ${event.featureId} (${event.clauseId}) ${event.status}, ${event.evidence}`;
}

/** The steps that count, feature by feature (a corrected step is history, not a reading), in the record's order. */
export function countedSteps(events: readonly StatusEvent[]): StatusEvent[] {
  const byFeature = new Map<string, StatusEvent[]>();
  for (const event of events) {
    const steps = byFeature.get(event.featureId);
    if (steps) steps.push(event);
    else byFeature.set(event.featureId, [event]);
  }
  const counted = new Set([...byFeature.values()].flatMap((steps) => effectiveSteps(steps)));
  return events.filter((event) => counted.has(event));
}
