import type { ProgressRow } from '@domain/progress-timeline';
import { STATUS_BY_ID, STATUSES, type StatusId } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import { formatDate, nameIn, text } from '../i18n/ui-text';
import { INK, OVERDUE_COLOR } from '../map/palette';

export type PlotModule = typeof import('@observablehq/plot');

/** One row's height, px: the chart is as tall as its rows, the window shows those on screen. */
export const ROW_HEIGHT = 22;
/** Room above the rows for the year axis, px. */
export const AXIS_HEIGHT = 30;
const START = '2022-01-01';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * What every window of the chart shares, read once from all its rows: the time axis (to the date read, or the
 * furthest deadline beyond it), the statuses' colours, the names' column. A window of rows drawn with it lines up
 * with the next one as the reader scrolls.
 */
export type TimelineScale = { from: Date; to: Date; statuses: StatusId[]; marginLeft: number; end: string };

export function timelineScale(rows: readonly ProgressRow[], end: string, language: Language): TimelineScale {
  let last = end;
  let longest = 0;
  const present = new Set<StatusId>();
  for (const row of rows) {
    for (const mark of row.marks) if (mark.due > last) last = mark.due;
    for (const span of row.spans) present.add(span.status);
    longest = Math.max(longest, rowLabel(row, language).length);
  }
  return {
    from: day(START),
    to: day(last),
    statuses: STATUSES.filter((s) => present.has(s.id)).map((s) => s.id),
    marginLeft: Math.min(280, 20 + longest * 6.5),
    end,
  };
}

const rowLabel = (row: ProgressRow, language: Language) => nameIn({ ...row.name, zh: row.name.zh ?? null }, language);
const statusLabel = (id: StatusId, language: Language) => STATUS_BY_ID[id].label[language];

/** The statuses' colour key (Plot's legend), drawn once above the scrolling rows. */
export function drawTimelineLegend(Plot: PlotModule, scale: TimelineScale, language: Language): HTMLElement | SVGSVGElement {
  return Plot.legend({
    color: {
      domain: scale.statuses,
      range: scale.statuses.map((id) => STATUS_BY_ID[id].color),
      tickFormat: (id: StatusId) => statusLabel(id, language),
    },
    style: { fontFamily: 'inherit', fontSize: '12px' },
  });
}

/**
 * Rows of the progress timeline (Observable Plot), the year axis on top: a row each, its statuses as coloured spans
 * between its documents' dates, restatements as ticks, deadlines as diamonds (red when overdue), the date read as
 * a dashed line. With `onOpenClause`, a span is a button (click, Enter or Space) opening the clause that gave it.
 */
export function drawTimelineRows(
  Plot: PlotModule,
  rows: readonly ProgressRow[],
  scale: TimelineScale,
  language: Language,
  width: number,
  onOpenClause?: (agreementId: string, clauseId: string) => void,
): SVGSVGElement {
  const labels = new Map(rows.map((row) => [row.id, rowLabel(row, language)]));
  const name = (id: string) => labels.get(id) ?? id;
  // A name longer than the names' column is cut with an ellipsis (the span's title and label keep it whole).
  const fits = Math.floor((scale.marginLeft - 20) / 6.5);
  const short = (id: string) => {
    const label = name(id);
    return label.length > fits ? `${label.slice(0, fits - 1)}…` : label;
  };
  const spans = rows.flatMap((row) => row.spans.map((span) => ({ ...span, row: row.id })));
  const ticks = rows.flatMap((row) => row.ticks.map((tick) => ({ ...tick, row: row.id })));
  const marks = rows.flatMap((row) => row.marks.map((mark) => ({ ...mark, row: row.id })));
  const chart = Plot.plot({
    width,
    height: rows.length * ROW_HEIGHT + AXIS_HEIGHT,
    marginTop: AXIS_HEIGHT,
    marginBottom: 0,
    marginLeft: scale.marginLeft,
    style: { fontFamily: 'inherit', fontSize: '12px' },
    x: { type: 'utc', domain: [scale.from, scale.to], grid: true, label: null, ticks: 'year', tickFormat: '%Y', axis: 'top' },
    // Rows by id (two features may share a name), labelled by name.
    y: { domain: rows.map((row) => row.id), label: null, tickFormat: short },
    color: { domain: scale.statuses, range: scale.statuses.map((id) => STATUS_BY_ID[id].color) },
    marks: [
      Plot.barX(spans, {
        x1: (d) => day(d.from),
        x2: (d) => day(d.to),
        y: 'row',
        fill: 'status',
        inset: 2,
        ariaLabel: (d) =>
          `${name(d.row)}: ${statusLabel(d.status, language)}, ${formatDate(d.from, language)} – ${formatDate(d.to, language)} (${d.clauseId})`,
        title: (d) =>
          `${name(d.row)}\n${statusLabel(d.status, language)}: ${formatDate(d.from, language)} → ${formatDate(d.to, language)}\n${d.clauseId}`,
      }),
      Plot.tickX(ticks, {
        x: (d) => day(d.date),
        y: 'row',
        stroke: INK,
        strokeWidth: 1.5,
        inset: 4,
        title: (d) => `${d.clauseId} · ${formatDate(d.date, language)}`,
      }),
      Plot.dot(marks, {
        x: (d) => day(d.due),
        y: 'row',
        symbol: 'diamond',
        r: 5,
        stroke: INK,
        fill: (d) => (d.state === 'overdue' ? OVERDUE_COLOR : d.state === 'met' ? INK : 'white'),
        title: (d: (typeof marks)[number]) =>
          `${text('target', language)} ${d.by} · ${text(`targetState_${d.state}`, language)} (${d.clauseId})`,
      }),
      Plot.ruleX([day(scale.end)], { stroke: INK, strokeDasharray: '4,3' }),
    ],
  });
  // Plot draws the bars in the data's order: the n-th rect is the n-th span.
  const bars = chart.querySelectorAll<SVGRectElement>('g[aria-label="bar"] rect');
  bars.forEach((rect, i) => {
    const span = spans[i];
    if (!span) return;
    rect.setAttribute('data-feature-id', span.row);
    rect.setAttribute('data-clause-id', span.clauseId);
    if (!onOpenClause) return;
    rect.setAttribute('tabindex', '0');
    rect.setAttribute('role', 'button');
    rect.style.cursor = 'pointer';
    const open = () => onOpenClause(span.agreementId, span.clauseId);
    rect.addEventListener('click', open);
    rect.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
  });
  return chart as SVGSVGElement;
}
