import type { HistoryEntry } from '@domain/api';
import { EVIDENCE_LABELS, LEVEL_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';

type Props = {
  history: HistoryEntry[];
  language: Language;
  onOpenClause: (agreementId: string, clauseId: string) => void;
  /** Editors: correct a step (a new cited step replacing it; the step itself stays). */
  onCorrect?: (entry: HistoryEntry) => void;
};

const stepLabel = (step: { date: string; status: keyof typeof STATUS_BY_ID; clauseId: string }, language: Language) =>
  `${formatDate(step.date, language)} · ${STATUS_BY_ID[step.status].label[language]} (${step.clauseId})`;

/** Each dated step with the verbatim words it rests on, the clause and the agreement. */
export function HistoryTimeline({ history, language, onOpenClause, onCorrect }: Props) {
  if (history.length === 0) return <p className="muted">{text('noHistory', language)}</p>;
  return (
    <ol className="timeline">
      {history.map((entry, index) => {
        const status = STATUS_BY_ID[entry.status];
        const labelLanguage = language === 'zh' ? 'en' : language;
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: one clause can carry the same step twice; the history is never reordered.
            key={`${index}-${entry.clauseId}-${entry.status}-${entry.level}`}
            className={entry.correctedBy ? 'timeline-step corrected' : 'timeline-step'}
          >
            <div className="step-head">
              <time dateTime={entry.date}>{formatDate(entry.date, language)}</time>
              <span className="status-badge" style={{ background: status.color }}>
                {status.label[language]}
              </span>
              {entry.level && <span className="level">{LEVEL_BY_ID[entry.level].label[language]}</span>}
              {entry.subject && <span className="subject">{entry.subject[labelLanguage]}</span>}
              {entry.evidence === 'implied' && (
                <span className="implied" title={EVIDENCE_LABELS.implied[language]}>
                  {EVIDENCE_LABELS.implied[language]}
                </span>
              )}
            </div>
            <blockquote lang="vi" className="quote">
              “{entry.quote}”
            </blockquote>
            <p className="citation">
              {text('clause', language)}{' '}
              <button
                type="button"
                className="link clause-link"
                title={text('openClause', language)}
                onClick={() => onOpenClause(entry.agreementId, entry.clauseId)}
              >
                <code>{entry.clauseId}</code>
              </button>{' '}
              — {entry.clauseLabel[labelLanguage]} · <cite>{language === 'vi' ? entry.agreementTitle.vi : entry.agreementTitle.en}</cite>
              {entry.agreementDate && <>, {formatDate(entry.agreementDate, language)}</>}
            </p>
            {entry.recordedBy && (
              <p className="recorded-by">
                {text('recordedBy', language)} {entry.recordedBy}
                {entry.recordedAt && (
                  <>
                    , <time dateTime={entry.recordedAt}>{formatDate(entry.recordedAt.slice(0, 10), language)}</time>
                  </>
                )}
              </p>
            )}
            {entry.corrects && (
              <p className="correction">
                {text('corrects', language)} {stepLabel(entry.corrects, language)}
              </p>
            )}
            {entry.note && (
              <p className="note" lang={entry.recordedBy ? undefined : 'en'}>
                {entry.note}
              </p>
            )}
            {entry.correctedBy && (
              <p className="correction">
                {text('correctedBy', language)} {stepLabel(entry.correctedBy, language)}
              </p>
            )}
            {onCorrect && !entry.correctedBy && (
              <button type="button" className="link correct-step" onClick={() => onCorrect(entry)}>
                {text('correct', language)}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
