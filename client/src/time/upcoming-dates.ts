import { dateAt } from './dates';

/** Play advances half a month every tick at 1×: 2022 → today in about 20 seconds; 2× and 4× faster. */
export const PLAY_STEP_DAYS = 15;

/** How many of a playing slider's next dates are asked ahead (a tick is 250 ms; an answer may take longer). */
const PLAY_TICKS_AHEAD = 2;

type SliderPlace = {
  /** The slider's position (day index) and its last one (today). */
  value: number;
  last: number;
  playing: boolean;
  speed: number;
  loop: boolean;
  /** The document dates the ‹ › buttons go to (null: none). */
  previousDocument: string | null;
  nextDocument: string | null;
};

/**
 * The dates the planner may see next from this place of the time slider, nearest first, without the date shown:
 * while playing, its next ticks (as TimeSlider moves: to the latest and stop, or back to the start in a loop);
 * else a day back and forward (the arrow keys), the documents before and after (‹ ›) and, at the latest, the
 * start (where play begins). Their answers are asked ahead, so that a step is shown from what the client holds.
 * A date is ISO (YYYY-MM-DD); null is the latest.
 */
export function upcomingDates({ value, last, playing, speed, loop, previousDocument, nextDocument }: SliderPlace): (string | null)[] {
  const dates: (string | null)[] = [];
  if (playing) {
    let at = value;
    for (let tick = 0; tick < PLAY_TICKS_AHEAD; tick += 1) {
      const next = Math.min(at + PLAY_STEP_DAYS * speed, last);
      if (next < last) {
        at = next;
        dates.push(dateAt(next));
      } else if (loop) {
        at = 0;
        dates.push(dateAt(0));
      } else {
        dates.push(null);
        break;
      }
    }
  } else {
    if (value > 0) dates.push(dateAt(Math.min(value, last) - 1));
    if (value < last) dates.push(value + 1 >= last ? null : dateAt(value + 1));
    if (previousDocument) dates.push(previousDocument);
    if (nextDocument) dates.push(nextDocument);
    if (value >= last) dates.push(dateAt(0));
  }
  const shown = value >= last ? null : dateAt(value);
  return [...new Set(dates)].filter((date) => date !== shown);
}
