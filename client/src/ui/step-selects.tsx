import { LEVELS, STATUSES } from '@domain/vocabulary';
import type { SelectHTMLAttributes } from 'react';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & { language: Language };

/** A step's status, in the vocabulary's order; `empty` labels the '' choice (none chosen, or a mention only). */
export function StatusSelect({ language, empty, ...select }: SelectProps & { empty: string }) {
  return (
    <select {...select}>
      <option value="">{empty}</option>
      {STATUSES.filter((status) => status.id !== 'unknown').map((status) => (
        <option key={status.id} value={status.id}>
          {status.label[language]}
        </option>
      ))}
    </select>
  );
}

/** A step's level; '' is "level not stated". */
export function LevelSelect({ language, ...select }: SelectProps) {
  return (
    <select {...select}>
      <option value="">{text('levelNotStated', language)}</option>
      {LEVELS.map((level) => (
        <option key={level.id} value={level.id}>
          {level.label[language]}
        </option>
      ))}
    </select>
  );
}
