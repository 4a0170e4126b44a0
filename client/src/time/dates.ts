/** The time slider runs from the first document's year to today, a day per step. */
const TIMELINE_START = '2022-01-01';

const DAY = 86_400_000;

export { todayIso } from '@domain/dates';
export const dayIndex = (isoDate: string) =>
  Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${TIMELINE_START}T00:00:00Z`)) / DAY);
export const dateAt = (index: number) => new Date(Date.parse(`${TIMELINE_START}T00:00:00Z`) + index * DAY).toISOString().slice(0, 10);
