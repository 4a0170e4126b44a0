/**
 * Reading a new document for import, as POST /api/imports/read answers: its clauses, per clause the
 * features it names with the step the wording gives them, the places it names that the record lacks,
 * and the document's date when the text gives one. Only suggestions: an editor reviews every one.
 */
import type { StatusEvent } from '../schemas';
import { checkAgainstRecord } from './against-record';
import { readDocumentDate } from './document-date';
import { type SegmentedClause, segmentDocument } from './segment-document';
import { type LinkIndex, type LinkSuggestion, type PlaceSuggestion, readClauses } from './suggest-links';

export type DocumentReading = {
  text: string;
  clauses: SegmentedClause[];
  suggestions: LinkSuggestion[][];
  newPlaces: PlaceSuggestion[];
  /** YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (no year given), null when the text gives none. */
  documentDate: string | null;
};

/**
 * `events` (the record's steps by feature) and `asOf` (the date the editor gives; else the document's own
 * full date) add to each suggestion what it would do to the record as of that date.
 */
export function readDocument(
  text: string,
  index: LinkIndex,
  record: { events?: ReadonlyMap<string, readonly StatusEvent[]>; asOf?: string } = {},
): DocumentReading {
  const clauses = segmentDocument(text);
  const { suggestions, places } = readClauses(clauses, index);
  const documentDate = readDocumentDate(text);
  const date = record.asOf ?? (documentDate && /^\d{4}-\d{2}-\d{2}$/.test(documentDate) ? documentDate : null);
  const { events } = record;
  const checked =
    events && date
      ? suggestions.map((list) => list.map((s) => ({ ...s, check: checkAgainstRecord(s, events.get(s.featureId) ?? [], date) })))
      : suggestions;
  return { text, clauses, suggestions: checked, newPlaces: places, documentDate };
}
