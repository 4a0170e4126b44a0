import type { ImportReadResponse } from '@domain/api';
import type { Province } from '@domain/schemas';
import { AGREEMENT_KIND_LABELS } from '@domain/vocabulary';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type ReactNode, useEffect, useMemo, useReducer, useState } from 'react';
import { errorText } from '../api/error-text';
import { readDocument, saveImport } from '../api/import-mutations';
import { ApiError, refreshRecord } from '../api/session';
import { useFeaturesById } from '../api/view-queries';
import type { Language } from '../i18n/language';
import { formatDate, nameIn, text as t } from '../i18n/ui-text';
import { todayIso } from '../time/dates';
import { DateField } from '../ui/DateField';
import { ImportReview } from './ImportReview';
import { EMPTY_METADATA, importRequest, type Metadata } from './import-draft';
import { EMPTY_REVIEW, reviewReducer } from './review-state';

type Props = {
  language: Language;
  csrfToken: string;
  username: string;
  provinces: readonly Province[];
  /** Asks the map for the next click's position (null: stop asking). */
  onPick: (receive: ((lngLat: [number, number]) => void) | null) => void;
  /** Positions of the new places, drawn on the map as drafts. */
  onDraftPlaces: (points: [number, number][]) => void;
  onClose: () => void;
  /** Saved: show the new agreement, the map as of its date. */
  onShowAsOf: (agreementId: string, date: string | null) => void;
};

/** Fields of the form that show their own error. */
const SHOWN_FIELDS = new Set([
  'text',
  'kind',
  'titleVi',
  'titleEn',
  'titleZh',
  'documentDate',
  'signedDate',
  'place',
  'periodFrom',
  'periodTo',
]);

/**
 * An editor imports a new document: the text (pasted, or a .txt/.md/.docx file) and its metadata; the
 * server segments it and suggests which features each clause names and what step its wording gives;
 * the editor accepts, changes or rejects every suggestion, adds places the record lacks by clicking the
 * map, and saves — nothing is stored before that, and a refusal is shown on the card it concerns.
 */
export function ImportPanel({ language, csrfToken, username, provinces, onPick, onDraftPlaces, onClose, onShowAsOf }: Props) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [meta, setMeta] = useState<Metadata>(EMPTY_METADATA);
  const [read, setRead] = useState<ImportReadResponse | null>(null);
  // The editor's review of the document read: one reducer for the decisions, the new places and the card in hand.
  const [review, dispatch] = useReducer(reviewReducer, EMPTY_REVIEW);
  const { reviews, places } = review;
  const [picking, setPicking] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ agreementId: string; date: string | null } | null>(null);

  const suggestedIds = useMemo(() => (read ? read.suggestions.flat().map((s) => s.featureId) : []), [read]);
  const names = useFeaturesById(suggestedIds);
  const nameOf = (id: string) => {
    const feature = names.data?.features.find((f) => f.id === id);
    return feature ? nameIn(feature.properties.name, language) : id;
  };
  const undecided = Object.values(reviews).filter((decision) => decision.decision === null).length;

  useEffect(() => {
    onDraftPlaces(places.flatMap((place) => (place.coordinates ? [place.coordinates] : [])));
  }, [places, onDraftPlaces]);
  useEffect(() => () => onPick(null), [onPick]);

  const setMetaField = (name: keyof Metadata, value: string) => {
    setMeta((current) => ({ ...current, [name]: value }));
    setErrors(({ [`agreement.${name}`]: _a, [name]: _b, ...rest }) => rest);
  };

  const failed = (error: unknown, keys: { steps: string[]; mentions: string[] } = { steps: [], mentions: [] }) => {
    if (!(error instanceof Error)) return;
    // The server names the field as "steps[3].quote" or "steps.3.quote", "agreement.documentDate"…
    const field = error instanceof ApiError ? error.field : null;
    const item = field && /^(steps|mentions|newFeatures)(?:\[(\d+)\]|\.(\d+))/.exec(field);
    if (item) {
      const index = Number(item[2] ?? item[3]);
      const key = item[1] === 'steps' ? keys.steps[index] : item[1] === 'mentions' ? keys.mentions[index] : places[index]?.ref;
      if (key) return setErrors({ [key]: errorText(error, language) });
    }
    const metaField = field?.replace(/^agreement\./, '').split('.')[0];
    // A field shown in the form gets the message beside it; anything else at the top of the panel.
    setErrors(
      metaField && SHOWN_FIELDS.has(metaField) ? { [metaField]: errorText(error, language) } : { form: errorText(error, language) },
    );
  };

  const segment = async (source: { text: string } | { docx: File }) => {
    setBusy(true);
    setErrors({});
    try {
      // Checked against the record as of the date the editor gave (else the one the text gives).
      const answer = await readDocument(csrfToken, 'text' in source && meta.documentDate ? { ...source, date: meta.documentDate } : source);
      setText(answer.text);
      setRead(answer);
      // Read again ("Back", then "Read"): places already positioned stay where their clause still reads the same.
      dispatch({ type: 'read', answer });
      // The date the text gives, when the form has none yet and the text gives a whole one.
      if (answer.documentDate && /^\d{4}-\d{2}-\d{2}$/.test(answer.documentDate))
        setMeta((current) => (current.documentDate ? current : { ...current, documentDate: answer.documentDate as string }));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.name.toLowerCase().endsWith('.docx')) {
      await segment({ docx: file });
      setRead(null); // the metadata comes first: the text is shown to check, then read
    } else {
      setText(await file.text());
      setRead(null); // another document: its own clauses and suggestions, read again
    }
  };

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!text.trim()) found.text = t('required', language);
    if (!meta.titleVi.trim()) found.titleVi = t('required', language);
    if (!meta.documentDate) found.documentDate = t('required', language);
    return found;
  };

  const save = async () => {
    if (!read) return;
    const found = check();
    for (const place of places) {
      if (!place.nameVi.trim() || !place.province)
        found[place.ref] = `${t('placeName', language)} / ${t('province', language)}: ${t('required', language)}`;
      else if (!place.coordinates) found[place.ref] = t('positionMissing', language);
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || undecided > 0) return;
    const source = `Chọn trên bản đồ khi nhập văn bản (${username}, ${todayIso()})`;
    const request = importRequest(text, meta, read, reviews, places, source);
    setBusy(true);
    try {
      const result = await saveImport(csrfToken, request.body);
      setSaved({ agreementId: result.agreementId, date: meta.documentDate || null });
      await refreshRecord(client);
    } catch (error) {
      failed(error, { steps: request.stepKeys, mentions: request.mentionKeys });
    } finally {
      setBusy(false);
    }
  };

  const pickPlace = (ref: string) => {
    setPicking(ref);
    onPick((lngLat) => {
      dispatch({ type: 'updatePlace', ref, change: { coordinates: [Number(lngLat[0].toFixed(5)), Number(lngLat[1].toFixed(5))] } });
      setPicking(null);
      onPick(null);
    });
  };

  if (saved) {
    return (
      <aside className="panel import-panel" aria-labelledby="import-title">
        <h2 id="import-title">{t('imported', language)}</h2>
        <p className="saved" role="status">
          {t('imported', language)}: <code>{saved.agreementId}</code>
        </p>
        <div className="form-actions">
          <button type="button" onClick={() => onShowAsOf(saved.agreementId, saved.date)}>
            {t('showOnMapAsOf', language)} {saved.date ? formatDate(saved.date, language) : ''}
          </button>
          <button type="button" onClick={onClose}>
            {t('close', language)}
          </button>
        </div>
      </aside>
    );
  }

  const field = (name: string, label: string, input: ReactNode) => (
    <div className={errors[name] ? 'form-field invalid' : 'form-field'} data-field={name}>
      <label htmlFor={`import-${name}`}>{label}</label>
      {input}
      {errors[name] && (
        <p className="field-error" role="alert">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <aside className="panel import-panel" aria-labelledby="import-title">
      <button type="button" className="close" onClick={onClose} aria-label={t('close', language)}>
        ×
      </button>
      <h2 id="import-title">{t('importDocument', language)}</h2>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <section className="step-form import-meta">
        {field(
          'text',
          t('documentText', language),
          <textarea
            id="import-text"
            name="text"
            rows={read ? 4 : 10}
            lang="vi"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setRead(null);
            }}
          />,
        )}
        <label className="upload">
          {t('uploadFile', language)}
          <input type="file" accept=".txt,.md,.docx,text/plain,text/markdown" onChange={upload} />
        </label>
        {field(
          'kind',
          t('documentKind', language),
          <select id="import-kind" name="kind" value={meta.kind} onChange={(e) => setMetaField('kind', e.target.value)}>
            {Object.entries(AGREEMENT_KIND_LABELS).map(([id, label]) => (
              <option key={id} value={id}>
                {label[language]}
              </option>
            ))}
          </select>,
        )}
        {field(
          'titleVi',
          t('titleVi', language),
          <input
            id="import-titleVi"
            name="titleVi"
            lang="vi"
            value={meta.titleVi}
            onChange={(e) => setMetaField('titleVi', e.target.value)}
          />,
        )}
        {field(
          'titleEn',
          t('titleEn', language),
          <input
            id="import-titleEn"
            name="titleEn"
            lang="en"
            value={meta.titleEn}
            onChange={(e) => setMetaField('titleEn', e.target.value)}
          />,
        )}
        {field(
          'titleZh',
          t('titleZh', language),
          <input
            id="import-titleZh"
            name="titleZh"
            lang="zh-CN"
            value={meta.titleZh}
            onChange={(e) => setMetaField('titleZh', e.target.value)}
          />,
        )}
        <div className="field-row">
          {field(
            'documentDate',
            t('stepDate', language),
            <DateField
              id="import-documentDate"
              name="documentDate"
              language={language}
              value={meta.documentDate}
              onChange={(iso) => setMetaField('documentDate', iso)}
            />,
          )}
          {field(
            'signedDate',
            t('signedDate', language),
            <DateField
              id="import-signedDate"
              name="signedDate"
              language={language}
              value={meta.signedDate}
              onChange={(iso) => setMetaField('signedDate', iso)}
            />,
          )}
        </div>
        {field(
          'place',
          t('signedPlace', language),
          <input id="import-place" name="place" value={meta.place} onChange={(e) => setMetaField('place', e.target.value)} />,
        )}
        <fieldset className="parties">
          <legend>{t('parties', language)}</legend>
          {meta.parties.map((party, index) => (
            <div className="field-row" key={party.id}>
              <select
                aria-label={`${t('parties', language)} ${index + 1}`}
                value={party.country}
                onChange={(e) =>
                  setMeta((m) => ({
                    ...m,
                    parties: m.parties.map((p, i) => (i === index ? { ...p, country: e.target.value as 'VN' | 'CN' | 'LA' } : p)),
                  }))
                }
              >
                <option value="VN">VN</option>
                <option value="CN">CN</option>
                <option value="LA">LA</option>
              </select>
              <input
                name={`party-${index}`}
                lang="vi"
                placeholder={t('placeName', language)}
                value={party.vi}
                onChange={(e) =>
                  setMeta((m) => ({ ...m, parties: m.parties.map((p, i) => (i === index ? { ...p, vi: e.target.value } : p)) }))
                }
              />
            </div>
          ))}
        </fieldset>
        <div className="field-row">
          {field(
            'periodFrom',
            t('periodFrom', language),
            <input
              id="import-periodFrom"
              name="periodFrom"
              placeholder="2027"
              value={meta.periodFrom}
              onChange={(e) => setMetaField('periodFrom', e.target.value)}
            />,
          )}
          {field(
            'periodTo',
            t('periodTo', language),
            <input
              id="import-periodTo"
              name="periodTo"
              placeholder="2028"
              value={meta.periodTo}
              onChange={(e) => setMetaField('periodTo', e.target.value)}
            />,
          )}
        </div>
        {!read && (
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                if (!text.trim()) setErrors({ text: t('required', language) });
                else void segment({ text });
              }}
            >
              {t('readDocument', language)}
            </button>
          </div>
        )}
      </section>

      {read && (
        <ImportReview
          read={read}
          state={review}
          dispatch={dispatch}
          nameOf={nameOf}
          provinces={provinces}
          errors={errors}
          picking={picking}
          onPickPlace={pickPlace}
          busy={busy}
          onSave={save}
          onBack={() => setRead(null)}
          language={language}
        />
      )}
    </aside>
  );
}
