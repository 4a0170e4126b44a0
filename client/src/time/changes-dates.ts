import type { ChangesDates } from '../state/url-state';
import { todayIso } from './dates';

/** The changes tab compares these dates unless the address names others: the first document's year to today. */
const DEFAULT_FROM = '2023-01-01';

/** The two dates compared, earlier first (dates entered the wrong way round are read the right way round). */
export function comparedDates(dates: ChangesDates): { from: string; to: string } {
  const from = dates.from ?? DEFAULT_FROM;
  const to = dates.to ?? todayIso();
  return from <= to ? { from, to } : { from: to, to: from };
}
