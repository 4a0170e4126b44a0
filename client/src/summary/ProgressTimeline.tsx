import { progressRows } from '@domain/progress-timeline';
import { visibleFeatures } from '@domain/record-on-date';
import { KIND_BY_ID, STATUS_BY_ID, type StatusId } from '@domain/vocabulary';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useBasemap } from '../api/queries';
import { loadWholeRecord } from '../api/view-queries';
import { downloadBlob } from '../export/download';
import { svgToPng, timelineSvg } from '../export/timeline-image';
import type { Filters } from '../filters/filters';
import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';
import { measureTimeline } from '../performance-marks';
import { todayIso } from '../time/dates';
import { AXIS_HEIGHT, drawTimelineLegend, drawTimelineRows, type PlotModule, ROW_HEIGHT, timelineScale } from './timeline-chart';

type Props = {
  filters: Filters;
  language: Language;
  onOpenClause: (agreementId: string, clauseId: string) => void;
  onClose: () => void;
};

/** Rows drawn beyond the window's bottom edge, so a short scroll shows rows already drawn. */
const OVERSCAN = 4;

/**
 * Every feature with a status that the filters select, on one time axis: a row each (timeline-chart.ts). Only
 * the rows in view are drawn (a window that follows the scroll: 10 000 rows cost what 40 do); the time axis and
 * the colours are read from all of them, so the rows line up as one chart. Follows the filters, the slider's date
 * and the language; a span opens its clause by click or key; downloads as SVG and PNG with every row.
 */
export function ProgressTimeline({ filters, language, onOpenClause, onClose }: Props) {
  const client = useQueryClient();
  const record = useQuery({ queryKey: ['whole-record'], queryFn: () => loadWholeRecord(client), staleTime: Number.POSITIVE_INFINITY });
  const basemap = useBasemap();
  const end = filters.asOf ?? todayIso();
  const pendingRowsMs = useRef(0);
  const rows = useMemo(() => {
    if (!record.data) return [];
    const started = performance.now();
    const { collection, index } = record.data;
    const shown = visibleFeatures(collection, index, filters, todayIso()).filter((f) => KIND_BY_ID[f.properties.kind].hasStatus);
    const read = progressRows(shown, index.eventsByFeature, end).filter((row) => row.spans.length > 0);
    pendingRowsMs.current = performance.now() - started;
    return read;
  }, [record.data, filters, end]);
  const scale = useMemo(() => {
    const started = performance.now();
    const read = timelineScale(rows, end, language);
    pendingRowsMs.current += performance.now() - started;
    return read;
  }, [rows, end, language]);
  const [Plot, setPlot] = useState<PlotModule | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const windowHolder = useRef<HTMLDivElement>(null);
  const legendHolder = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [size, setSize] = useState({ width: 900, rows: 30 });
  const [first, setFirst] = useState(0);

  useEffect(() => {
    closeButton.current?.focus();
    let cancelled = false;
    // Plot (with d3) is loaded with the chart, never with the map.
    import('@observablehq/plot').then((module) => {
      if (!cancelled) setPlot(module);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  // How many rows the window holds, and how wide it is, follow the dialog's size.
  useLayoutEffect(() => {
    const node = scroller.current;
    if (!node) return;
    const measure = () => {
      const next = {
        width: node.clientWidth || 900,
        rows: Math.max(1, Math.ceil((node.clientHeight - AXIS_HEIGHT) / ROW_HEIGHT)) + OVERSCAN,
      };
      // The same size again (the observer's first call) draws nothing again.
      setSize((size) => (size.width === next.width && size.rows === next.rows ? size : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  // New rows (filters, date): back to the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs because the rows changed, to show their top.
  useEffect(() => {
    setFirst(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [rows]);

  const frame = useRef(0);
  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const node = scroller.current;
      if (node) setFirst(Math.floor(node.scrollTop / ROW_HEIGHT));
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const windowStart = Math.max(0, Math.min(first, rows.length - size.rows));
  useEffect(() => {
    const node = windowHolder.current;
    if (!Plot || !node) return;
    const started = performance.now();
    const windowRows = rows.slice(windowStart, windowStart + size.rows);
    node.replaceChildren(...(windowRows.length > 0 ? [drawTimelineRows(Plot, windowRows, scale, language, size.width, onOpenClause)] : []));
    if (windowRows.length === 0) return;
    const drawMs = performance.now() - started;
    measureTimeline(started - pendingRowsMs.current, pendingRowsMs.current + drawMs);
    pendingRowsMs.current = 0;
  }, [Plot, rows, windowStart, size, scale, language, onOpenClause]);

  useEffect(() => {
    if (Plot && legendHolder.current) legendHolder.current.replaceChildren(drawTimelineLegend(Plot, scale, language));
  }, [Plot, scale, language]);

  const download = async (format: 'svg' | 'png') => {
    if (!Plot) return;
    const image = await timelineSvg(
      Plot,
      rows,
      scale,
      language,
      {
        title: text('progressTimeline', language),
        subtitle: `${text('asOf', language)} ${formatDate(end, language)}`,
        statusOf: (id) => STATUS_BY_ID[id as StatusId].label[language],
        legendTarget: text('target', language),
        legendOverdue: text('targetState_overdue', language),
      },
      basemap.data?.fontFiles ?? [],
    );
    const name = `tien-do-${end}.${format}`;
    downloadBlob(format === 'svg' ? new Blob([image.svg], { type: 'image/svg+xml' }) : await svgToPng(image), name);
  };

  return (
    <section
      className="progress-timeline"
      role="dialog"
      aria-modal="false"
      aria-labelledby="progress-timeline-title"
      data-rows={rows.length}
      data-first-row={windowStart}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header>
        <h2 id="progress-timeline-title">
          {text('progressTimeline', language)} · {text('asOf', language)} {formatDate(end, language)}
        </h2>
        <button type="button" className="download-svg" disabled={!Plot || rows.length === 0} onClick={() => void download('svg')}>
          {text('downloadSvg', language)}
        </button>
        <button type="button" className="download-png" disabled={!Plot || rows.length === 0} onClick={() => void download('png')}>
          {text('downloadPng', language)}
        </button>
        <button ref={closeButton} type="button" className="close" onClick={onClose} aria-label={text('close', language)}>
          ×
        </button>
      </header>
      <p className="muted">{text('progressTimelineHelp', language)}</p>
      <div ref={legendHolder} className="progress-timeline-legend" />
      {record.isPending && <p>{text('loading', language)}</p>}
      {record.data && rows.length === 0 && <p role="status">{text('noResults', language)}</p>}
      <div ref={scroller} className="progress-timeline-chart" onScroll={onScroll}>
        <div ref={windowHolder} className="progress-timeline-window" />
        {/* The height of the rows not drawn, so the scroll bar is the whole chart's. */}
        <div aria-hidden="true" style={{ height: Math.max(0, rows.length - size.rows) * ROW_HEIGHT }} />
      </div>
    </section>
  );
}
