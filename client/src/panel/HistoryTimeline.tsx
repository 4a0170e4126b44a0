import type { HistoryEntry } from '@domain/api';
import { EVIDENCE_LABELS, LEVEL_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import { clauseLabelIn } from '../i18n/clause-label';
import type { Language } from '../i18n/language';
import { RecordName, RecordText } from '../i18n/record-text';
import { formatDate, text } from '../i18n/ui-text';
import { StatusBadge } from '../ui/StatusBadge';
import { SubjectText } from './SubjectText';

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
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: one clause can carry the same step twice; the history is never reordered.
            key={`${index}-${entry.clauseId}-${entry.status}-${entry.level}`}
            className={entry.correctedBy || entry.movedTo ? 'timeline-step corrected' : 'timeline-step'}
          >
            <div className="step-head">
              <time dateTime={entry.date}>{formatDate(entry.date, language)}</time>
              <StatusBadge status={status.id} language={language} />
              {entry.level && <span className="level">{LEVEL_BY_ID[entry.level].label[language]}</span>}
              {entry.subject && (
                <span className="subject">
                  <SubjectText subject={entry.subject} language={language} />
                </span>
              )}
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
              — {clauseLabelIn(entry.clauseLabel, language)} ·{' '}
              <cite>
                <RecordName value={entry.agreementTitle} language={language} />
              </cite>
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
              <p className="note">
                <RecordText text={entry.note} language={language} />
              </p>
            )}
            {entry.correctedBy && (
              <p className="correction">
                {text('correctedBy', language)} {stepLabel(entry.correctedBy, language)}
              </p>
            )}
            {entry.movedToName && (
              <p className="correction moved">
                {text('movedTo', language)} <RecordName value={entry.movedToName} language={language} />
              </p>
            )}
            {onCorrect && !entry.correctedBy && !entry.movedTo && (
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
