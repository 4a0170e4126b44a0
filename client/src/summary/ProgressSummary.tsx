import type { AgreementListResponse, RecordViewResponse } from '@domain/api';
import { CROSSING_KINDS, type ProgressRow } from '@domain/progress';
import type { Province } from '@domain/schemas';
import { AGREEMENT_KIND_LABELS, STATUSES, type StatusId } from '@domain/vocabulary';
import { memo } from 'react';
import type { Language } from '../i18n/language';
import { formatDate, text, titleIn } from '../i18n/ui-text';

type Props = {
  /** Crossings by status as of the chosen date, before the other filters (GET /api/view). */
  tables: RecordViewResponse['progress'];
  provinces: readonly Province[];
  /** Each row of the agreements' table is named by its document: kind and date, the title on hover. */
  agreements: AgreementListResponse;
  /** Other filters are on: the tables, counted before them, say so. */
  filtered: boolean;
  language: Language;
  onPick: (pick: ProgressPick) => void;
  /** Opens the progress timeline over the map. */
  onOpenTimeline: () => void;
  /** The date read (null: today): the printable province reports are made as of it. */
  asOf: string | null;
};

/** A cell of the progress tables, picked: the filter it stands for. */
export type ProgressPick = {
  provinces?: string[];
  agreements?: string[];
  statuses: StatusId[];
  kinds: typeof CROSSING_KINDS;
  stalled?: boolean;
  overdue?: boolean;
};

/** Crossings by status per province and per agreement for the chosen date; a cell filters the map to it. */
export const ProgressSummary = memo(function ProgressSummary({
  tables,
  provinces,
  agreements,
  filtered,
  language,
  onPick,
  onOpenTimeline,
  asOf,
}: Props) {
  const present = STATUSES.filter((status) => tables.byProvince.some((row) => row.counts[status.id]));
  const provinceName = (code: string) => {
    const province = provinces.find((p) => p.code === code);
    return province ? (language === 'zh' ? (province.name.zh ?? province.name.vi) : province.name[language === 'en' ? 'en' : 'vi']) : code;
  };
  const agreementOf = (id: string) => agreements.find((agreement) => agreement.id === id);
  const agreementName = (id: string) => {
    const agreement = agreementOf(id);
    if (!agreement) return id;
    const date = agreement.documentDate ?? agreement.signedDate;
    return `${AGREEMENT_KIND_LABELS[agreement.kind][language]}${date ? ` ${formatDate(date, language)}` : ''}`;
  };
  const table = (
    caption: string,
    rows: ProgressRow[],
    pick: (key: string) => { provinces?: string[]; agreements?: string[] },
    label: (key: string) => string,
    hint: (key: string) => string | undefined = () => undefined,
  ) => (
    <table className="progress">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          {present.map((status) => (
            <th key={status.id} scope="col" title={status.label[language]}>
              <span className="swatch" style={{ background: status.color }} />
              <span className="visually-hidden">{status.label[language]}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" title={hint(row.key)} data-key={row.key}>
              {label(row.key)}
            </th>
            {present.map((status) => (
              <td key={status.id}>
                {row.counts[status.id] ? (
                  <button
                    type="button"
                    className="cell"
                    aria-label={`${label(row.key)}: ${row.counts[status.id]} ${status.label[language]}`}
                    onClick={() => onPick({ ...pick(row.key), statuses: [status.id], kinds: CROSSING_KINDS })}
                  >
                    {row.counts[status.id]}
                  </button>
                ) : (
                  ''
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="summary" aria-label={text('progress', language)}>
      <h2>{text('progress', language)}</h2>
      <p>
        <button type="button" className="open-timeline" onClick={onOpenTimeline}>
          {text('openTimeline', language)}
        </button>
      </p>
      {filtered && <p className="muted progress-note">{text('progressBeforeFilters', language)}</p>}
      {table(text('byProvince', language), tables.byProvince, (code) => ({ provinces: [code] }), provinceName)}
      <p className="province-reports">
        {text('provinceReports', language)}:{' '}
        {tables.byProvince.map((row, index) => (
          <span key={row.key}>
            {index > 0 && ' · '}
            <a
              href={`/api/reports/province/${encodeURIComponent(row.key)}.html?${new URLSearchParams({ ...(asOf ? { asOf } : {}), lang: language })}`}
              target="_blank"
              rel="noopener"
              data-province={row.key}
            >
              {provinceName(row.key)}
            </a>
          </span>
        ))}
      </p>
      {table(
        text('byAgreement', language),
        tables.byAgreement,
        (id) => ({ agreements: [id] }),
        agreementName,
        (id) => {
          const agreement = agreementOf(id);
          return agreement ? `${id} · ${titleIn(agreement.title, language)}` : undefined;
        },
      )}
      <p>
        <button type="button" className="link stalled-count" onClick={() => onPick({ statuses: [], kinds: CROSSING_KINDS, stalled: true })}>
          {text('stalledCount', language)}: {tables.stalled}
        </button>
      </p>
      <p>
        <button type="button" className="link overdue-count" onClick={() => onPick({ statuses: [], kinds: [], overdue: true })}>
          <span className="overdue-mark" aria-hidden="true" /> {text('overdueCount', language)}: {tables.overdue}
        </button>
      </p>
    </section>
  );
});
