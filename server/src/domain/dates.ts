/** Today's date, YYYY-MM-DD (UTC): the date the record is read as of when none is asked for. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
