import { STATUS_BY_ID, type StatusId } from '@domain/vocabulary';
import type { CSSProperties } from 'react';
import type { Language } from '../i18n/language';

/**
 * A status as a pill: the map's colour as its dot and edge, a light tint of it behind ink-coloured words,
 * so the words read (contrast ≥ 4.5:1) on every status colour, the light ones too.
 */
export function StatusBadge({ status, language }: { status: StatusId; language: Language }) {
  const { color, label } = STATUS_BY_ID[status];
  return (
    <span className="status-badge" data-status={status} style={{ '--status-color': color } as CSSProperties}>
      {label[language]}
    </span>
  );
}
