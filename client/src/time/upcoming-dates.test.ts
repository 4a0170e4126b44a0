import { describe, expect, it } from 'vitest';
import { dateAt, dayIndex } from './dates';
import { PLAY_STEP_DAYS, upcomingDates } from './upcoming-dates';

const last = dayIndex('2026-12-07');
const still = { last, playing: false, speed: 1, loop: false, previousDocument: null, nextDocument: null };

describe('upcomingDates: the slider dates whose answers are asked ahead', () => {
  it('a day back and forward, and the documents either side, when the slider stands', () => {
    const value = dayIndex('2024-08-16');
    expect(upcomingDates({ ...still, value, previousDocument: '2024-06-25', nextDocument: '2024-09-01' })).toEqual([
      '2024-08-15',
      '2024-08-17',
      '2024-06-25',
      '2024-09-01',
    ]);
  });

  it('at the latest: the day before, and the start, where play begins', () => {
    expect(upcomingDates({ ...still, value: last, previousDocument: '2026-03-01' })).toEqual(['2026-12-06', '2026-03-01', '2022-01-01']);
  });

  it('the day before the latest steps forward to the latest (null)', () => {
    expect(upcomingDates({ ...still, value: last - 1 })).toEqual(['2026-12-05', null]);
  });

  it('at the start: only forward', () => {
    expect(upcomingDates({ ...still, value: 0 })).toEqual(['2022-01-02']);
  });

  it('while playing, the next two ticks at the speed chosen', () => {
    const value = dayIndex('2024-01-01');
    expect(upcomingDates({ ...still, value, playing: true, speed: 2 })).toEqual([
      dateAt(value + 2 * PLAY_STEP_DAYS),
      dateAt(value + 4 * PLAY_STEP_DAYS),
    ]);
  });

  it('a playing slider near the end goes to the latest and stops, or loops back to the start', () => {
    const value = last - 3;
    expect(upcomingDates({ ...still, value, playing: true })).toEqual([null]);
    expect(upcomingDates({ ...still, value, playing: true, loop: true })).toEqual(['2022-01-01', dateAt(PLAY_STEP_DAYS)]);
  });
});
