import { KIND_BY_ID, type KindId } from '@domain/vocabulary';
import { useEffect, useRef } from 'react';
import type { Language } from '../i18n/language';
import { nameIn, text } from '../i18n/ui-text';
import type { StackCandidate } from './map-controller';

/** The list's largest size in pixels (styles.css .stack-picker: max-width, max-height), to open it where it fits. */
export const STACK_PICKER_SIZE = { width: 336, height: 356 };

type Props = {
  candidates: readonly StackCandidate[];
  /** Where the click was, in the page's pixels relative to the map area. */
  at: { left: number; top: number };
  /** Open to the left / upwards of the click (it was in the map's right / lower half). */
  flip: { x: boolean; y: boolean };
  language: Language;
  onSelect: (id: string) => void;
  onClose: () => void;
};

/**
 * Features drawn on one spot, listed where the map was clicked (as TerriaJS lists what is under a click):
 * a gate and its border market, a pair and a channel at its marker — each can be opened, none is hidden.
 */
export function StackPicker({ candidates, at, flip, language, onSelect, onClose }: Props) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);
  return (
    <div
      ref={list}
      className="stack-picker"
      role="dialog"
      aria-label={text('stackedHere', language)}
      style={{
        left: at.left,
        top: at.top,
        transform: `translate(${flip.x ? 'calc(-100% - 8px)' : '8px'}, ${flip.y ? 'calc(-100% - 8px)' : '8px'})`,
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Only the list closes: the panel behind it stays.
        event.preventDefault();
        onClose();
      }}
    >
      <p className="stack-head">
        {text('stackedHere', language)} ({candidates.length})
        <button type="button" className="link" onClick={onClose} aria-label={text('close', language)}>
          ×
        </button>
      </p>
      <ul>
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <button type="button" data-feature-id={candidate.id} onClick={() => onSelect(candidate.id)}>
              {nameIn(candidate.name, language)}
              <span className="muted"> · {KIND_BY_ID[candidate.kind as KindId]?.label[language] ?? candidate.kind}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
