import { useEffect, useState } from 'react';
import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';
import { DateField } from '../ui/DateField';
import { dateAt, dayIndex, todayIso } from './dates';
import { PLAY_STEP_DAYS, upcomingDates } from './upcoming-dates';

type Props = {
  asOf: string | null;
  onChange: (asOf: string | null) => void;
  language: Language;
  /** Dates of the documents, marked on the track so a planner can jump between them. */
  documentDates: readonly string[];
  /** Given the dates the planner may go to next from here (upcoming-dates.ts), again whenever they or it change. */
  onUpcoming?: (dates: readonly (string | null)[]) => void;
};

/** Play advances PLAY_STEP_DAYS every tick at 1×: 2022 → today in about 20 seconds; 2× and 4× faster. */
const PLAY_TICK_MS = 250;
const SPEEDS = [1, 2, 4] as const;
type Speed = (typeof SPEEDS)[number];

/** The years the track spans, each at its 1 January (fraction of the track). */
function yearMarks(last: number): { year: number; at: number }[] {
  const first = Number(dateAt(0).slice(0, 4));
  const final = Number(dateAt(last).slice(0, 4));
  return Array.from({ length: final - first + 1 }, (_, i) => first + i).map((year) => ({
    year,
    at: dayIndex(`${year}-01-01`) / last,
  }));
}

/** The document date before / after `value` on the track (null: none). */
function adjacentDocument(documentDates: readonly string[], value: number, step: 1 | -1): string | null {
  const days = [...new Set(documentDates)].sort();
  const found = step === 1 ? days.find((date) => dayIndex(date) > value) : days.reverse().find((date) => dayIndex(date) < value);
  return found ?? null;
}

export function TimeSlider({ asOf, onChange, language, documentDates, onUpcoming }: Props) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [loop, setLoop] = useState(false);
  const last = dayIndex(todayIso());
  const value = asOf ? dayIndex(asOf) : last;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = Math.min(value + PLAY_STEP_DAYS * speed, last);
      if (next >= last && loop) return onChange(dateAt(0));
      onChange(next >= last ? null : dateAt(next));
      if (next >= last) setPlaying(false);
    }, PLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, value, last, onChange, speed, loop]);
  const previous = adjacentDocument(documentDates, value, -1);
  const next = adjacentDocument(documentDates, value, 1);
  const upcoming = upcomingDates({ value, last, playing, speed, loop, previousDocument: previous, nextDocument: next });
  const upcomingKey = JSON.stringify(upcoming);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dates are told again when they change (their key), not per render.
  useEffect(() => {
    onUpcoming?.(upcoming);
  }, [upcomingKey, onUpcoming]);

  return (
    <section className="time-slider" aria-label={text('asOf', language)}>
      <button
        type="button"
        className="play"
        aria-pressed={playing}
        onClick={() => {
          if (!playing && value >= last) onChange(dateAt(0));
          setPlaying(!playing);
        }}
      >
        {playing ? `■ ${text('pause', language)}` : `▶ ${text('play', language)}`}
      </button>
      <button
        type="button"
        className="time-speed"
        aria-label={`${text('playSpeed', language)}: ${speed}×`}
        onClick={() => setSpeed(SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length])}
      >
        {speed}×
      </button>
      <button
        type="button"
        className="time-loop"
        aria-pressed={loop}
        aria-label={text('playLoop', language)}
        onClick={() => setLoop(!loop)}
      >
        ⟳
      </button>
      <button
        type="button"
        className="time-jump previous-document"
        disabled={!previous}
        aria-label={`${text('previousDocument', language)}${previous ? `: ${formatDate(previous, language)}` : ''}`}
        onClick={() => previous && onChange(previous)}
      >
        ‹
      </button>
      <label className="time-label">
        <span className="time-caption">{text('asOf', language)}</span>
        <span className="time-track">
          <input
            id="atlas-time"
            type="range"
            aria-label={text('asOf', language)}
            min={0}
            max={last}
            step={1}
            value={value}
            list="document-dates"
            aria-valuetext={asOf ? formatDate(asOf, language) : text('latest', language)}
            onChange={(event) => {
              const index = Number(event.target.value);
              onChange(index >= last ? null : dateAt(index));
            }}
          />
          <datalist id="document-dates">
            {documentDates.map((date) => (
              <option key={date} value={dayIndex(date)} label={formatDate(date, language)} />
            ))}
          </datalist>
          <span className="time-years" aria-hidden="true">
            {yearMarks(last).map(({ year, at }) => (
              <span key={year} className="time-year" data-year={year} style={{ left: `${at * 100}%` }}>
                {year}
              </span>
            ))}
          </span>
        </span>
      </label>
      <button
        type="button"
        className="time-jump next-document"
        disabled={!next}
        aria-label={`${text('nextDocument', language)}${next ? `: ${formatDate(next, language)}` : ''}`}
        onClick={() => next && onChange(next)}
      >
        ›
      </button>
      <DateField
        className="time-date"
        language={language}
        aria-label={text('asOf', language)}
        value={asOf ?? todayIso()}
        min={dateAt(0)}
        max={todayIso()}
        onChange={(iso) => onChange(iso < todayIso() ? iso : null)}
      />
      <strong className="time-value">{asOf ? formatDate(asOf, language) : text('latest', language)}</strong>
    </section>
  );
}
