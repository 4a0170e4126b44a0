import { type ProgressRow, progressRows } from '@domain/progress-timeline';
import { visibleFeatures } from '@domain/record-on-date';
import { KIND_BY_ID, STATUS_BY_ID, STATUSES } from '@domain/vocabulary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { loadWholeRecord } from '../api/view-queries';
import { downloadBlob } from '../export/download';
import type { Filters } from '../filters/filters';
import type { Language } from '../i18n/language';
import { formatDate, nameIn, text } from '../i18n/ui-text';
import { INK, OVERDUE_COLOR } from '../map/palette';
import { todayIso } from '../time/dates';

type Props = {
  filters: Filters;
  language: Language;
  onOpenClause: (agreementId: string, clauseId: string) => void;
  onClose: () => void;
};

const ROW_HEIGHT = 22;
const START = '2022-01-01';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Every feature with a status that the filters select, on one time axis (Observable Plot): a row each, its
 * statuses as coloured spans between its documents' dates, restatements as ticks, deadlines as diamonds (red
 * when overdue), the date read as a line. A span is a button: click or Enter opens the clause that gave it.
 * Follows the filters, the slider's date and the language; downloads as SVG.
 */
export function ProgressTimeline({ filters, language, onOpenClause, onClose }: Props) {
  const client = useQueryClient();
  const record = useQuery({ queryKey: ['whole-record'], queryFn: () => loadWholeRecord(client), staleTime: Number.POSITIVE_INFINITY });
  const end = filters.asOf ?? todayIso();
  const rows = useMemo(() => {
    if (!record.data) return [];
    const { collection, index } = record.data;
    const shown = visibleFeatures(collection, index, filters, todayIso()).filter((f) => KIND_BY_ID[f.properties.kind].hasStatus);
    return progressRows(shown, index.eventsByFeature, end).filter((row) => row.spans.length > 0);
  }, [record.data, filters, end]);
  const holder = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
  }, []);

  useEffect(() => {
    const node = holder.current;
    if (!node || rows.length === 0) return;
    let cancelled = false;
    // Plot (with d3) is loaded with the chart, never with the map.
    import('@observablehq/plot').then((Plot) => {
      if (cancelled) return;
      node.replaceChildren(drawChart(Plot, rows, end, language, onOpenClause, node.clientWidth || 900));
    });
    return () => {
      cancelled = true;
    };
  }, [rows, end, language, onOpenClause]);

  return (
    <section
      className="progress-timeline"
      role="dialog"
      aria-modal="false"
      aria-labelledby="progress-timeline-title"
      data-rows={rows.length}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header>
        <h2 id="progress-timeline-title">
          {text('progressTimeline', language)} · {text('asOf', language)} {formatDate(end, language)}
        </h2>
        <button
          type="button"
          onClick={() => {
            const svg = holder.current?.querySelector('svg:has(g[aria-label="bar"])');
            if (svg) downloadBlob(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `tien-do-${end}.svg`);
          }}
        >
          {text('downloadSvg', language)}
        </button>
        <button ref={closeButton} type="button" className="close" onClick={onClose} aria-label={text('close', language)}>
          ×
        </button>
      </header>
      <p className="muted">{text('progressTimelineHelp', language)}</p>
      {record.isPending && <p>{text('loading', language)}</p>}
      {record.data && rows.length === 0 && <p role="status">{text('noResults', language)}</p>}
      <div ref={holder} className="progress-timeline-chart" />
    </section>
  );
}

type PlotModule = typeof import('@observablehq/plot');

function drawChart(
  Plot: PlotModule,
  rows: readonly ProgressRow[],
  end: string,
  language: Language,
  onOpenClause: Props['onOpenClause'],
  width: number,
): SVGSVGElement | HTMLElement {
  const label = (row: ProgressRow) => nameIn({ ...row.name, zh: row.name.zh ?? null }, language);
  const names = rows.map(label);
  const spans = rows.flatMap((row) => row.spans.map((span) => ({ ...span, name: label(row) })));
  const ticks = rows.flatMap((row) => row.ticks.map((tick) => ({ ...tick, name: label(row) })));
  const marks = rows.flatMap((row) => row.marks.map((mark) => ({ ...mark, name: label(row) })));
  const statusLabel = (id: string) => STATUS_BY_ID[id as keyof typeof STATUS_BY_ID].label[language];
  const stateLabel = (state: ProgressRow['marks'][number]['state']) => text(`targetState_${state}`, language);
  const chart = Plot.plot({
    width,
    height: rows.length * ROW_HEIGHT + 50,
    marginLeft: Math.min(280, 20 + Math.max(...names.map((n) => n.length)) * 6.5),
    style: { fontFamily: 'inherit', fontSize: '12px' },
    // Up to the date read, or the furthest deadline when one lies beyond it (a deadline still ahead is shown).
    x: {
      type: 'utc',
      domain: [day(START), day([end, ...marks.map((m) => m.due)].sort().at(-1) as string)],
      grid: true,
      label: null,
      ticks: 'year',
      tickFormat: '%Y',
    },
    y: { domain: names, label: null },
    color: {
      domain: STATUSES.filter((s) => spans.some((span) => span.status === s.id)).map((s) => s.id),
      range: STATUSES.filter((s) => spans.some((span) => span.status === s.id)).map((s) => s.color),
      legend: true,
      tickFormat: statusLabel,
    },
    marks: [
      Plot.barX(spans, {
        x1: (d) => day(d.from),
        x2: (d) => day(d.to),
        y: 'name',
        fill: 'status',
        inset: 2,
        ariaLabel: (d) =>
          `${d.name}: ${statusLabel(d.status)}, ${formatDate(d.from, language)} – ${formatDate(d.to, language)} (${d.clauseId})`,
        title: (d) => `${d.name}\n${statusLabel(d.status)}: ${formatDate(d.from, language)} → ${formatDate(d.to, language)}\n${d.clauseId}`,
      }),
      Plot.tickX(ticks, {
        x: (d) => day(d.date),
        y: 'name',
        stroke: INK,
        strokeWidth: 1.5,
        inset: 4,
        title: (d) => `${d.clauseId} · ${formatDate(d.date, language)}`,
      }),
      Plot.dot(marks, {
        x: (d) => day(d.due),
        y: 'name',
        symbol: 'diamond',
        r: 5,
        stroke: INK,
        fill: (d) => (d.state === 'overdue' ? OVERDUE_COLOR : d.state === 'met' ? INK : 'white'),
        title: (d) => `${text('target', language)} ${d.by} · ${stateLabel(d.state)} (${d.clauseId})`,
      }),
      Plot.ruleX([day(end)], { stroke: INK, strokeDasharray: '4,3' }),
    ],
  });
  // Each span a button: it opens the clause whose document gave that status.
  const bars = chart.querySelectorAll<SVGRectElement>('g[aria-label="bar"] rect');
  bars.forEach((rect, i) => {
    const span = spans[i];
    if (!span) return;
    rect.setAttribute('tabindex', '0');
    rect.setAttribute('role', 'button');
    rect.setAttribute('data-feature-id', rows.find((row) => label(row) === span.name)?.id ?? '');
    rect.setAttribute('data-clause-id', span.clauseId);
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
  return chart;
}
