import type { FeatureDetailResponse } from '@domain/api';
import { STATUS_BY_ID } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';

type Target = NonNullable<FeatureDetailResponse['commitments'][number]['target']>;

/** "2026-H1" → "6 tháng đầu năm 2026" · "first half of 2026" · "2026年上半年"; a year, quarter, month or day likewise. */
export function periodText(by: string, language: Language): string {
  const [year, part] = [by.slice(0, 4), by.slice(5)];
  if (!part) return { vi: `năm ${year}`, en: year, zh: `${year}年` }[language];
  if (part === 'H1' || part === 'H2') {
    const first = part === 'H1';
    return {
      vi: `${first ? '6 tháng đầu' : '6 tháng cuối'} năm ${year}`,
      en: `${first ? 'first' : 'second'} half of ${year}`,
      zh: `${year}年${first ? '上' : '下'}半年`,
    }[language];
  }
  if (part.startsWith('Q')) {
    const quarter = part.slice(1);
    return {
      vi: `quý ${['I', 'II', 'III', 'IV'][Number(quarter) - 1]}/${year}`,
      en: `Q${quarter} ${year}`,
      zh: `${year}年第${quarter}季度`,
    }[language];
  }
  return formatDate(by, language);
}

/**
 * A commitment's deadline in the panel: what is to be reached by when, on which clause (its words), where it
 * stands on the date read (met, not yet due, due this year, overdue by N days), and every earlier deadline.
 */
export function TargetLine({
  target,
  language,
  onOpenClause,
}: {
  target: Target;
  language: Language;
  onOpenClause: (agreementId: string, clauseId: string) => void;
}) {
  const state = text(`targetState_${target.state}`, language);
  return (
    <div className={`target target-${target.state}`} data-target-state={target.state}>
      <p>
        <strong>{text('target', language)}:</strong> {STATUS_BY_ID[target.reach].label[language]} · {text('targetBy', language)}{' '}
        {periodText(target.by, language)} ·{' '}
        <span className="target-state">
          {target.state === 'overdue' && <span className="overdue-mark" aria-hidden="true" />}
          {state}
          {target.state === 'overdue' && ` (${target.daysLate} ${text('daysLate', language)})`}
          {target.state === 'met' && target.metOn && ` ${formatDate(target.metOn, language)}`}
        </span>
        {target.moved && <span className="muted"> · {text('targetMoved', language)}</span>}
      </p>
      <p className="target-cue">
        <button type="button" className="link clause-link" onClick={() => onOpenClause(target.agreementId, target.clauseId)}>
          <code>{target.clauseId}</code>
        </button>{' '}
        ({formatDate(target.setOn, language)}): <q lang="vi">{target.cue}</q>
      </p>
      {target.restatements.length > 0 && (
        <p className="muted target-earlier">
          {text('targetEarlier', language)}:{' '}
          {target.restatements
            .map((earlier) => `${periodText(earlier.by, language)} (${earlier.clauseId}, ${formatDate(earlier.date, language)})`)
            .join('; ')}
        </p>
      )}
    </div>
  );
}
