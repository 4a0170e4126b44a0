import { useEffect, useState } from 'react';
import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';
import { dateAt, dayIndex, todayIso } from './dates';

type Props = {
  asOf: string | null;
  onChange: (asOf: string | null) => void;
  language: Language;
  /** Dates of the documents, marked on the track so a planner can jump between them. */
  documentDates: readonly string[];
};

/** Play advances half a month every tick: 2022 → today in about 20 seconds. */
const PLAY_STEP_DAYS = 15;
const PLAY_TICK_MS = 250;

export function TimeSlider({ asOf, onChange, language, documentDates }: Props) {
  const [playing, setPlaying] = useState(false);
  const last = dayIndex(todayIso());
  const value = asOf ? dayIndex(asOf) : last;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = Math.min(value + PLAY_STEP_DAYS, last);
      onChange(next >= last ? null : dateAt(next));
      if (next >= last) setPlaying(false);
    }, PLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, value, last, onChange]);

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
      <label className="time-label">
        <span>{text('asOf', language)}</span>
        <input
          type="range"
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
            <option key={date} value={dayIndex(date)} label={date} />
          ))}
        </datalist>
      </label>
      <input
        type="date"
        className="time-date"
        aria-label={text('asOf', language)}
        value={asOf ?? todayIso()}
        min={dateAt(0)}
        max={todayIso()}
        onChange={(event) => onChange(event.target.value && event.target.value < todayIso() ? event.target.value : null)}
      />
      <strong className="time-value">{asOf ? formatDate(asOf, language) : text('latest', language)}</strong>
    </section>
  );
}
