import { formatDate, parseDateInput } from '@domain/date-text';
import { type InputHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

type Props = {
  /** ISO date, or '' for none. */
  value: string;
  /** Called with an ISO date the person typed or picked (never with a date outside min–max). */
  onChange: (iso: string) => void;
  language: Language;
  min?: string;
  max?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>;

/**
 * A date field that writes and reads dates as the interface's language does (11/02/2026 · 11 Feb 2026 ·
 * 2026年2月11日), where the browser's own date field follows the machine's locale (mm/dd/yyyy on an
 * English Chromium beside the app's dd/mm/yyyy). The calendar button opens the browser's picker.
 */
export function DateField({ value, onChange, language, min, max, className, ...rest }: Props) {
  const shown = value ? formatDate(value, language) : '';
  const [draft, setDraft] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const problemId = useId();
  const typing = useRef(false);
  // A value set from outside (the slider, a link) replaces what is in the box, unless someone is typing in it.
  useEffect(() => {
    if (typing.current) return;
    setDraft(shown);
    setProblem(null);
  }, [shown]);

  /** What is wrong with a typed date (unreadable, out of bounds), or null. */
  const problemOf = (iso: string | null): string | null => {
    if (!iso) return `${text('dateUnreadable', language)} ${formatDate('2026-02-11', language)}`;
    if ((min && iso < min) || (max && iso > max)) {
      return `${text('dateOutOfRange', language)} ${min ? formatDate(min, language) : ''}–${max ? formatDate(max, language) : ''}`;
    }
    return null;
  };
  // As the browser's own field does, a complete date takes effect as it is typed; a wrong one is said on leaving.
  const typed = (value: string) => {
    setDraft(value);
    const iso = parseDateInput(value);
    if (iso && !problemOf(iso)) {
      setProblem(null);
      onChange(iso);
    }
  };
  const leave = () => {
    typing.current = false;
    if (draft.trim() === shown) return setProblem(null);
    const iso = parseDateInput(draft);
    const wrong = problemOf(iso);
    setProblem(wrong);
    if (wrong || !iso) return;
    onChange(iso);
    setDraft(formatDate(iso, language));
  };

  return (
    <span className={className ? `date-field ${className}-field` : 'date-field'}>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        className={className}
        value={draft}
        data-iso={value}
        aria-invalid={problem ? true : rest['aria-invalid']}
        aria-describedby={[rest['aria-describedby'], problem ? problemId : null].filter(Boolean).join(' ') || undefined}
        onFocus={() => {
          typing.current = true;
        }}
        onChange={(event) => typed(event.target.value)}
        onBlur={leave}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            leave();
            typing.current = true;
          } else if (event.key === 'Escape' && draft !== shown) {
            event.stopPropagation();
            setDraft(shown);
            setProblem(null);
          }
        }}
      />
      <button
        type="button"
        className="date-picker-button"
        aria-label={text('pickDate', language)}
        onClick={() => {
          try {
            picker.current?.showPicker();
          } catch {
            picker.current?.focus();
          }
        }}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {/* The browser's calendar only: never shown as a field, so its locale's format is never seen. */}
      <input
        ref={picker}
        type="date"
        className="date-picker-native"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={min}
        max={max}
        onChange={(event) => event.target.value && onChange(event.target.value)}
      />
      {problem && (
        <span id={problemId} className="date-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
