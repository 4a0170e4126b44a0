import type { FeatureDetailResponse } from '@domain/api';
import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';

type Progressed = FeatureDetailResponse['commitments'][number]['progressed'][number];

/**
 * A step that moved a commitment without changing its stage, in the panel: what moved (addressee, deadline,
 * scope), the record's words for it in the interface's language, and the clause. It is why the promise is not
 * "stalled" (domain/commitments.ts).
 */
export function ProgressLine({
  step,
  language,
  onOpenClause,
}: {
  step: Progressed;
  language: Language;
  onOpenClause: (agreementId: string, clauseId: string) => void;
}) {
  return (
    <p className="progress-step" data-clause-id={step.clauseId} title={text('stepProgressWhy', language)}>
      <strong>{text('stepProgress', language)}:</strong>{' '}
      {step.progress.moves.map((move) => (
        <span key={move} className="progress-move" data-move={move}>
          {text(`stepProgress_${move}`, language)}
        </span>
      ))}{' '}
      <span className="progress-text">{step.progress.text[language]}</span>{' '}
      <span className="muted">
        (
        <button type="button" className="link clause-link" onClick={() => onOpenClause(step.agreementId, step.clauseId)}>
          <code>{step.clauseId}</code>
        </button>
        , {formatDate(step.date, language)})
      </span>
    </p>
  );
}
