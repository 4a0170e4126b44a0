import type { RecordViewResponse } from '@domain/api';
import { CROSSING_KINDS, type ProgressRow } from '@domain/progress';
import type { Province } from '@domain/schemas';
import { STATUSES, type StatusId } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

type Props = {
  /** Crossings by status as of the chosen date, before the other filters (GET /api/view). */
  tables: RecordViewResponse['progress'];
  provinces: readonly Province[];
  language: Language;
  onPick: (pick: {
    provinces?: string[];
    agreements?: string[];
    statuses: StatusId[];
    kinds: typeof CROSSING_KINDS;
    stalled?: boolean;
  }) => void;
};

/** Crossings by status per province and per agreement for the chosen date; a cell filters the map to it. */
export function ProgressSummary({ tables, provinces, language, onPick }: Props) {
  const present = STATUSES.filter((status) => tables.byProvince.some((row) => row.counts[status.id]));
  const provinceName = (code: string) => {
    const province = provinces.find((p) => p.code === code);
    return province ? (language === 'zh' ? (province.name.zh ?? province.name.vi) : province.name[language === 'en' ? 'en' : 'vi']) : code;
  };
  const table = (
    caption: string,
    rows: ProgressRow[],
    pick: (key: string) => { provinces?: string[]; agreements?: string[] },
    label: (key: string) => string,
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
            <th scope="row">{label(row.key)}</th>
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
      {table(text('byProvince', language), tables.byProvince, (code) => ({ provinces: [code] }), provinceName)}
      {table(
        text('byAgreement', language),
        tables.byAgreement,
        (id) => ({ agreements: [id] }),
        (id) => id,
      )}
      <p>
        <button type="button" className="link stalled-count" onClick={() => onPick({ statuses: [], kinds: CROSSING_KINDS, stalled: true })}>
          {text('stalledCount', language)}: {tables.stalled}
        </button>
      </p>
    </section>
  );
}
