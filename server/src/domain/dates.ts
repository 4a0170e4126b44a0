/** Today's date, YYYY-MM-DD (UTC): the date the record is read as of when none is asked for. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The first day a partial date ("2019", "2019-03") covers: compared as text, a partial date and its
 * first day sort the same way against any full date, so either can stand for the other.
 */
export const firstDayOf = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);

/**
 * The dates a step read from this agreement may carry: the document's date and the date it was signed
 * or agreed (as precise as the document gives them: "2022-02" admits any day of February 2022).
 */
export const documentDates = (agreement: { documentDate: string | null; signedDate: string | null }): string[] => [
  ...new Set([agreement.documentDate, agreement.signedDate].filter((date): date is string => date !== null)),
];
