import { agreementDateOf } from '@domain/record-on-date';
import type { Agreement } from '@domain/schemas';
import type { Labels } from '@domain/vocabulary';
import type { Filters } from './filters';

/** Whether filters other than the date and the agreements narrow the set. */
export const hasOtherFilters = (filters: Filters) =>
  filters.stalled !== null || filters.kinds.length + filters.statuses.length + filters.provinces.length > 0;

/** Why an agreement filter shows nothing (ui-text.ts words it). */
export type EmptyReason =
  /** `linked` features pass the date and the agreements, none the other filters. */
  | { reason: 'excluded'; linked: number }
  /** The documents are dated after the day shown. */
  | { reason: 'datedAfter'; dated: string; asOf: string }
  /** Linked to no feature by the day shown (asOf), or at all (asOf null). */
  | { reason: 'noneLinked'; asOf: string | null }
  /** Documents the record says no feature is cited about, and why (agreement `unlinked`). */
  | { reason: 'unlinked'; why: Labels[] };

/**
 * Why an agreement filter shows nothing, so the map and the list can say it instead of going blank.
 * `linkedTotal`: the features passing the date and the agreement filter alone (undefined while
 * unknown). Null when no agreement is chosen or nothing is known yet.
 *
 * @example
 * emptyAgreementReason({ ...NO_FILTERS, agreements: ['ref-ban-gioc-agreement'], kinds: ['route'] }, 1, [])
 * // → { reason: 'excluded', linked: 1 }
 */
export function emptyAgreementReason(
  filters: Filters,
  linkedTotal: number | undefined,
  agreements: readonly (Pick<Agreement, 'id' | 'signedDate' | 'documentDate'> & Partial<Pick<Agreement, 'unlinked'>>)[],
): EmptyReason | null {
  if (filters.agreements.length === 0 || linkedTotal === undefined) return null;
  if (linkedTotal > 0) return { reason: 'excluded', linked: linkedTotal };
  const chosen = filters.agreements.map((id) => agreements.find((candidate) => candidate.id === id));
  const why = chosen.flatMap((agreement) => (agreement?.unlinked ? [agreement.unlinked] : []));
  if (why.length > 0 && why.length === chosen.length) return { reason: 'unlinked', why };
  const dated = filters.agreements
    .flatMap((id) => {
      const agreement = agreements.find((candidate) => candidate.id === id);
      const date = agreement ? agreementDateOf(agreement) : null;
      return date ? [date] : [];
    })
    .sort()[0];
  if (filters.asOf && dated && dated > filters.asOf) return { reason: 'datedAfter', dated, asOf: filters.asOf };
  return { reason: 'noneLinked', asOf: filters.asOf };
}
