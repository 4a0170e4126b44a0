import { conflictResponse, type FeatureDetailResponse, type HistoryEntry, statusStepResponse } from '@domain/api';
import { documentDates } from '@domain/dates';
import { statusStepBody } from '@domain/request-bodies';
import type { StatusEvent } from '@domain/schemas';
import { quotesClause } from '@domain/text';
import { EVIDENCE_IDS, EVIDENCE_LABELS, STATUS_BY_ID } from '@domain/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import { useAgreement, useAgreements } from '../api/record-queries';
import { ApiError, checkedBody, refreshRecord, sendJson } from '../api/session';
import { clauseLabelIn } from '../i18n/clause-label';
import type { Language } from '../i18n/language';
import { asString, useRecordText } from '../i18n/record-text';
import { formatDate, text } from '../i18n/ui-text';
import { DateField } from '../ui/DateField';
import { LevelSelect, StatusSelect } from '../ui/step-selects';

type Props = {
  feature: FeatureDetailResponse;
  csrfToken: string;
  language: Language;
  /** The step being corrected: the form opens on it, cites the same clause to start with, and needs a note. */
  correcting?: HistoryEntry | null;
  /** Saved (true) or cancelled (false). */
  onDone?: (saved: boolean) => void;
};

type Fields = {
  date: string;
  status: string;
  level: string;
  evidence: string;
  agreementId: string;
  clauseId: string;
  quote: string;
  note: string;
};
type FieldName = keyof Fields;
const EMPTY: Fields = { date: '', status: '', level: '', evidence: 'stated', agreementId: '', clauseId: '', quote: '', note: '' };

/**
 * An editor records a status step from the feature's panel: the date of the document, the new status and
 * level, and the clause it rests on with its words quoted verbatim (checked as typed, and again by the
 * server). Errors are shown beside their field and nothing is saved; when someone else changed the
 * feature meanwhile (409), its current steps are shown and the editor's input is kept.
 */
export function StatusStepForm({ feature, csrfToken, language, correcting = null, onDone }: Props) {
  const { showName } = useRecordText(language);
  const client = useQueryClient();
  const [open, setOpen] = useState(correcting !== null);
  const [fields, setFields] = useState<Fields>(
    correcting
      ? { ...EMPTY, date: correcting.date, agreementId: correcting.agreementId, clauseId: correcting.clauseId, quote: correcting.quote }
      : EMPTY,
  );
  const [errors, setErrors] = useState<Partial<Record<FieldName | 'form', string>>>({});
  const [conflictSteps, setConflictSteps] = useState<StatusEvent[] | null>(null);
  const [saved, setSaved] = useState(false);
  // A refusal of the whole form (a 409) is shown at its top, brought into view.
  const formError = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.form) formError.current?.scrollIntoView({ block: 'nearest' });
  }, [errors.form]);
  const agreements = useAgreements();
  const agreement = useAgreement(fields.agreementId || null);
  const clause = agreement.data?.clauses.find((c) => c.id === fields.clauseId) ?? null;
  const quoteFound = useMemo(
    () => (clause && fields.quote.trim() ? quotesClause(fields.quote, clause.text) : null),
    [clause, fields.quote],
  );
  const documents = useMemo(
    () =>
      (agreements.data ?? [])
        .filter((a) => a.clauseCount > 0)
        .sort((a, b) => (b.documentDate ?? '').localeCompare(a.documentDate ?? '') || a.id.localeCompare(b.id)),
    [agreements.data],
  );

  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      // Checked with the server's schema first: a refusal names its field as the server's would.
      checkedBody(statusStepBody, body);
      return sendJson('POST', `/api/features/${encodeURIComponent(feature.id)}/steps`, csrfToken, body, statusStepResponse);
    },
    onSuccess: async () => {
      setFields(EMPTY);
      setConflictSteps(null);
      setSaved(true);
      setOpen(false);
      await refreshRecord(client);
      onDone?.(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const conflict = conflictResponse.safeParse(error.body);
        // In date order, as the panel's history shows them (the record keeps them in the order recorded).
        const steps = conflict.success ? conflict.data.current.steps : [];
        setConflictSteps([...steps].sort((a, b) => a.date.localeCompare(b.date)));
        setErrors({ form: text('conflict', language) });
        // The panel reads the feature again: its history and the version the next save sends.
        void client.invalidateQueries({ queryKey: ['feature', feature.id] });
        return;
      }
      const field = error instanceof ApiError ? error.field : null;
      setErrors(field && field in EMPTY ? { [field]: errorText(error, language) } : { form: errorText(error, language) });
    },
  });

  const chosen = documents.find((a) => a.id === fields.agreementId) ?? null;
  const allowedDates = chosen ? documentDates(chosen) : [];

  const set = (name: FieldName, value: string) => {
    // A clause belongs to its agreement, and a step carries its document's date: choosing an agreement
    // clears the clause and fills the date (when the document gives the day).
    const agreementDate =
      name === 'agreementId' ? documentDates(documents.find((a) => a.id === value) ?? { documentDate: null, signedDate: null }) : [];
    setFields((current) => ({
      ...current,
      [name]: value,
      ...(name === 'agreementId' ? { clauseId: '', date: agreementDate.find((date) => date.length === 10) ?? current.date } : {}),
    }));
    setErrors(({ [name]: _cleared, ...rest }) => rest);
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of ['date', 'status', 'agreementId', 'clauseId', 'quote'] as const) {
      if (!fields[name].trim()) found[name] = text('required', language);
    }
    if (!found.quote && quoteFound === false) found.quote = text('quoteNotFound', language);
    if (correcting && !fields.note.trim()) found.note = text('required', language);
    if (!found.date && allowedDates.length > 0 && !allowedDates.some((date) => fields.date.startsWith(date))) {
      found.date = `${text('dateNotDocument', language)}: ${allowedDates.map((date) => formatDate(date, language)).join(' / ')}`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      version: feature.version,
      date: fields.date,
      status: fields.status,
      level: fields.level || null,
      evidence: fields.evidence,
      agreementId: fields.agreementId,
      clauseId: fields.clauseId,
      quote: fields.quote.trim(),
      ...(fields.note.trim() ? { note: fields.note.trim() } : {}),
      ...(correcting
        ? { corrects: { date: correcting.date, clauseId: correcting.clauseId, status: correcting.status, level: correcting.level } }
        : {}),
    });
  };

  if (!open) {
    return (
      <section className="step-form-closed">
        {saved && (
          <p className="saved" role="status">
            {text('stepSaved', language)}
          </p>
        )}
        <button type="button" className="record-step" onClick={() => setOpen(true)}>
          ＋ {text('recordStep', language)}
        </button>
      </section>
    );
  }

  const field = (name: FieldName, label: string, input: ReactNode, hint?: ReactNode) => (
    <div className={errors[name] ? 'form-field invalid' : 'form-field'} data-field={name}>
      <label htmlFor={`step-${name}`}>{label}</label>
      {input}
      {hint}
      {errors[name] && (
        <p className="field-error" id={`step-${name}-error`} role="alert">
          {errors[name]}
        </p>
      )}
    </div>
  );
  const describedBy = (name: FieldName) => (errors[name] ? `step-${name}-error` : undefined);

  return (
    <form className="step-form" onSubmit={submit} noValidate aria-labelledby="step-form-title">
      <h3 id="step-form-title">
        {correcting
          ? `${text('correcting', language)} ${formatDate(correcting.date, language)} · ${STATUS_BY_ID[correcting.status].label[language]}`
          : text('recordStep', language)}
      </h3>
      {errors.form && (
        <div className="form-error" role="alert" ref={formError}>
          <p>{errors.form}</p>
          {conflictSteps && (
            <>
              <p className="muted">{text('currentSteps', language)}:</p>
              <ol className="conflict-steps">
                {conflictSteps.map((step) => (
                  <li key={`${step.date}-${step.clauseId}-${step.status}-${step.quote}`}>
                    {formatDate(step.date, language)} · {STATUS_BY_ID[step.status].label[language]} · <code>{step.clauseId}</code>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
      {field(
        'date',
        text('stepDate', language),
        <DateField
          id="step-date"
          language={language}
          value={fields.date}
          onChange={(iso) => set('date', iso)}
          aria-invalid={Boolean(errors.date)}
          aria-describedby={describedBy('date')}
        />,
        allowedDates.length > 0 && !errors.date && (
          <p className="field-hint">
            {text('documentDated', language)} {allowedDates.map((date) => formatDate(date, language)).join(' / ')}
          </p>
        ),
      )}
      {field(
        'status',
        text('status', language),
        <StatusSelect
          id="step-status"
          language={language}
          empty={text('choose', language)}
          value={fields.status}
          onChange={(e) => set('status', e.target.value)}
          aria-invalid={Boolean(errors.status)}
          aria-describedby={describedBy('status')}
        />,
      )}
      {field(
        'level',
        text('level', language),
        <LevelSelect
          id="step-level"
          language={language}
          value={fields.level}
          onChange={(e) => set('level', e.target.value)}
          aria-describedby={describedBy('level')}
        />,
      )}
      {field(
        'evidence',
        text('evidence', language),
        <select id="step-evidence" value={fields.evidence} onChange={(e) => set('evidence', e.target.value)}>
          {EVIDENCE_IDS.map((id) => (
            <option key={id} value={id}>
              {EVIDENCE_LABELS[id][language]}
            </option>
          ))}
        </select>,
      )}
      {field(
        'agreementId',
        text('agreement', language),
        <select
          id="step-agreementId"
          value={fields.agreementId}
          onChange={(e) => set('agreementId', e.target.value)}
          aria-invalid={Boolean(errors.agreementId)}
          aria-describedby={describedBy('agreementId')}
        >
          <option value="">{text('choose', language)}</option>
          {documents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.documentDate ? `${formatDate(a.documentDate, language)} · ` : ''}
              {asString(showName(a.title), language)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'clauseId',
        text('clause', language),
        <select
          id="step-clauseId"
          value={fields.clauseId}
          onChange={(e) => set('clauseId', e.target.value)}
          disabled={!agreement.data}
          aria-invalid={Boolean(errors.clauseId)}
          aria-describedby={describedBy('clauseId')}
        >
          <option value="">{text('choose', language)}</option>
          {agreement.data?.clauses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id} · {clauseLabelIn(c.label, language)}
            </option>
          ))}
        </select>,
        clause && (
          <blockquote className="clause-text step-clause-text" lang="vi">
            {clause.text.vi}
          </blockquote>
        ),
      )}
      {field(
        'quote',
        text('quote', language),
        <textarea
          id="step-quote"
          rows={3}
          value={fields.quote}
          lang="vi"
          onChange={(e) => set('quote', e.target.value)}
          aria-invalid={Boolean(errors.quote)}
          aria-describedby={describedBy('quote') ?? 'step-quote-check'}
        />,
        quoteFound !== null && !errors.quote && (
          <p id="step-quote-check" className={quoteFound ? 'quote-check found' : 'quote-check missing'}>
            {quoteFound ? `✓ ${text('quoteFound', language)}` : `✗ ${text('quoteNotFound', language)}`}
          </p>
        ),
      )}
      {field(
        'note',
        correcting ? text('correctionWhy', language) : text('stepNote', language),
        <textarea id="step-note" rows={2} value={fields.note} onChange={(e) => set('note', e.target.value)} />,
      )}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? text('saving', language) : text('save', language)}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            onDone?.(false);
          }}
        >
          {text('cancel', language)}
        </button>
      </div>
    </form>
  );
}
