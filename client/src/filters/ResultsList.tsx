import type { FeatureRow } from '@domain/api';
import { KIND_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import { memo } from 'react';
import type { Language } from '../i18n/language';
import { nameIn, reportedOn, text } from '../i18n/ui-text';
import { PAPER } from '../map/palette';
import { InferredMark } from '../panel/InferredMark';
import { requestPanelFocus } from '../panel/panel-focus-request';
import { ShowMoreButton } from '../ui/show-more';

type Props = {
  /** The first rows of the list (GET /api/view), in the record's order. */
  rows: readonly FeatureRow[];
  /** How many features pass the date and filters in all. */
  total: number;
  language: Language;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Asks for the next rows. */
  onShowMore: () => void;
  /** Agreement id → its title in the interface's language (the tooltip of "as reported on …"). */
  documentTitles: ReadonlyMap<string, string>;
  /** Why nothing passes, when the list is empty for a reason worth saying (an agreement filter). */
  emptyReason: string | null;
};

/**
 * The same features as the map, as a list: the non-map way through the record (keyboard, screen
 * readers). Long lists show their first rows and a button for the next ones.
 */
export const ResultsList = memo(function ResultsList({
  rows,
  total,
  language,
  selectedId,
  onSelect,
  onShowMore,
  documentTitles,
  emptyReason,
}: Props) {
  return (
    <section className="results" aria-label={text('results', language)}>
      <h2>
        {text('results', language)} <span className="count">({total})</span>
      </h2>
      {total === 0 ? (
        <p className="muted" role="status">
          {emptyReason ?? text('noResults', language)}
        </p>
      ) : (
        <ul>
          {rows.map((row) => (
            <ResultRow
              key={row.id}
              row={row}
              language={language}
              selected={row.id === selectedId}
              onSelect={onSelect}
              reportTitle={row.reportedIn ? documentTitles.get(row.reportedIn) : undefined}
            />
          ))}
        </ul>
      )}
      <ShowMoreButton shown={rows.length} total={total} onClick={onShowMore} language={language} />
    </section>
  );
});

type RowProps = {
  row: FeatureRow;
  language: Language;
  selected: boolean;
  onSelect: (id: string) => void;
  /** The title of the document the status is reported in (the tooltip of "as reported on …"). */
  reportTitle: string | undefined;
};

/** One feature of the list: rendered again only when it changed (a row the next date leaves as it was keeps its object). */
const ResultRow = memo(function ResultRow({ row, language, selected, onSelect, reportTitle }: RowProps) {
  const status = row.status ? STATUS_BY_ID[row.status] : null;
  return (
    <li>
      <button
        type="button"
        className="result"
        aria-current={selected ? 'true' : undefined}
        onClick={(event) => {
          requestPanelFocus(event.detail === 0);
          onSelect(row.id);
        }}
        data-feature-id={row.id}
      >
        <span className="swatch" style={{ background: status?.color ?? PAPER }} aria-hidden="true" />
        <span className="result-name">
          {nameIn(row.name, language)}
          {language === 'zh' && row.zhInferred && row.name.zh && <InferredMark language={language} />}
        </span>
        <span className="result-meta">
          {KIND_BY_ID[row.kind].label[language]}
          {status && ` · ${status.label[language]}`}
          {status && row.since && <span className="reported-on" title={reportTitle}>{` · ${reportedOn(row.since, language)}`}</span>}
          {!row.located && ` · ${text('notOnMap', language)}`}
        </span>
      </button>
    </li>
  );
});
