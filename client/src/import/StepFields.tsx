import type { LevelId, StatusId } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { text as t } from '../i18n/ui-text';
import { LevelSelect, StatusSelect } from '../ui/step-selects';

type Step = { status: Exclude<StatusId, 'unknown'> | ''; level: LevelId | ''; quote: string };

type Props = {
  /** The form names of the three fields ("status", or "placeStatus" on a new place's card). */
  names: Record<keyof Step, string>;
  value: Step;
  onChange: (change: Partial<Step>) => void;
  language: Language;
};

/** The step a card would record: status ('' a mention only), level, and — with a status — the quote it rests on. */
export function StepFields({ names, value, onChange, language }: Props) {
  return (
    <>
      <div className="field-row">
        <StatusSelect
          aria-label={t('status', language)}
          name={names.status}
          value={value.status}
          onChange={(e) => onChange({ status: e.target.value as Step['status'] })}
          language={language}
          empty={t('mentionOnly', language)}
        />
        <LevelSelect
          aria-label={t('level', language)}
          name={names.level}
          value={value.level}
          onChange={(e) => onChange({ level: e.target.value as Step['level'] })}
          language={language}
        />
      </div>
      {value.status && (
        <textarea
          aria-label={t('quote', language)}
          name={names.quote}
          rows={2}
          lang="vi"
          value={value.quote}
          onChange={(e) => onChange({ quote: e.target.value })}
        />
      )}
    </>
  );
}
