import { type AgreementDetailResponse, type ApiFeature, agreementDetailResponse, type FeatureCollectionResponse } from '@domain/api';
import type { Briefing, BriefingStep } from '@domain/briefings';
import { progressRows } from '@domain/progress-timeline';
import { type RecordIndex, visibleFeatures } from '@domain/record-on-date';
import type { Agreement, StatusEvent } from '@domain/schemas';
import { KIND_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import bbox from '@turf/bbox';
import { fetchJson } from '../api/fetch-json';
import { describeFilters } from '../filters/describe-filters';
import { clauseLabelIn } from '../i18n/clause-label';
import { htmlLang, type Language } from '../i18n/language';
import { asString, type RecordTextFns } from '../i18n/record-text';
import { formatDate, reportedOn, text } from '../i18n/ui-text';
import type { FontFile } from '../map/basemap-data';
import { ROUTE_FOCUS_SOURCES, routeFocusOf, waypointFeatures } from '../map/layers/route-focus';
import type { MapHandle } from '../map/map-handle';
import { timelineScale } from '../summary/timeline-chart';
import { buildBriefingPdf, type PackCitation, type PackStep, type PackTimeline, type PdfFont } from './briefing-pdf';
import { drawOverlays } from './export-png';
import { statusLegend, symbolLegend } from './map-caption';
import type { PdfFontFile } from './pdf-text';
import { svgToPng, timelineSvg } from './timeline-image';

export type PackInputs = {
  /** The live map: its style (basemap, layers, language) is drawn again for every step. */
  map: MapHandle;
  briefing: Briefing;
  collection: FeatureCollectionResponse;
  index: RecordIndex;
  agreements: readonly Agreement[];
  language: Language;
  today: string;
  fontFiles: readonly FontFile[];
  onProgress?: (done: number, total: number) => void;
  /** The record's and the briefing's texts in the pack's language (translations marked). */
  recordText: RecordTextFns;
};

// The map image of a step: 700 × 500 CSS pixels drawn at twice the resolution (about 200 dpi at
// the 500-point width it has on the page).
const SHOT = { width: 1400, height: 1000, pixelRatio: 2 };
/** A page frame is smaller than a screen map: open the saved view a little to keep its features in. */
const ZOOM_OUT_FOR_PAGE = 0.3;

/** The TrueType copies of the bundled fonts (fetched only when a pack is made). */
async function loadPdfFonts(fontFiles: readonly FontFile[]): Promise<PdfFont[]> {
  const files = fontFiles.flatMap((file): PdfFontFile[] =>
    file.ttf && file.coverage ? [{ ...file, ttf: file.ttf, coverage: file.coverage, weight: file.weight ?? 400 }] : [],
  );
  if (files.length === 0) throw new Error('fonts.json names no TrueType files: run `npm run fonts` in geodata/basemap');
  return Promise.all(
    files.map(async (file) => {
      const fontResponse = await fetch(`/basemap/fonts/${file.ttf}`);
      if (!fontResponse.ok) throw new Error(`${file.ttf}: HTTP ${fontResponse.status}`);
      return { file, bytes: new Uint8Array(await fontResponse.arrayBuffer()) };
    }),
  );
}

/**
 * The clauses a step stands on: for a selected feature, every step of its history up to the
 * step's date; otherwise, for each feature in the frame, the step that gave it the status shown.
 */
function citedEvents(step: BriefingStep, inFrame: readonly ApiFeature[], index: RecordIndex, today: string): StatusEvent[] {
  const date = step.filters.asOf ?? today;
  const upTo = (id: string) => (index.eventsByFeature.get(id) ?? []).filter((event) => event.date <= date);
  if (step.feature) return upTo(step.feature);
  return inFrame.flatMap((feature) => {
    const events = upTo(feature.id);
    const latest = events.reduce((max, event) => (event.date > max ? event.date : max), '');
    return events.filter((event) => event.date === latest);
  });
}

async function citationsFor(
  events: readonly StatusEvent[],
  names: ReadonlyMap<string, string>,
  details: (id: string) => Promise<AgreementDetailResponse | null>,
  language: Language,
  recordText: RecordTextFns,
): Promise<PackCitation[]> {
  const byClause = new Map<string, StatusEvent[]>();
  for (const event of [...events].sort((a, b) => a.date.localeCompare(b.date) || a.clauseId.localeCompare(b.clauseId)))
    byClause.set(event.clauseId, [...(byClause.get(event.clauseId) ?? []), event]);
  const citations: PackCitation[] = [];
  for (const [clauseId, clauseEvents] of byClause) {
    const first = clauseEvents[0];
    const agreement = await details(first.agreementId);
    const clause = agreement?.clauses.find((c) => c.id === clauseId);
    const features = [...new Set(clauseEvents.map((event) => names.get(event.featureId) ?? event.featureId))].join(', ');
    const title = agreement ? asString(recordText.showName(agreement.title), language) : first.agreementId;
    const label = clause ? clauseLabelIn(clause.label, language) : clauseId;
    citations.push({
      heading: `${clauseId} · ${title}, ${label} (${formatDate(first.date, language)}) — ${features}`,
      // The clause as the document words it; where the text is not held, the quoted passage.
      paragraphs: clause
        ? [`“${clause.text.vi}”`, ...(clause.text.zh ? [`“${clause.text.zh}”`] : [])]
        : clauseEvents.map((event) => `“${event.quote}”`),
    });
  }
  return citations;
}

/** " — Đang hoạt động, theo văn bản 22/02/2023": the selected feature's status on the step's date, as last reported. */
function selectedStatus(feature: ApiFeature | undefined, language: Language): string {
  const status = feature?.properties.status;
  if (!feature || !status) return '';
  const since = feature.properties.since;
  return ` — ${STATUS_BY_ID[status].label[language]}${since ? `, ${reportedOn(since, language)}` : ''}`;
}

function intersects(feature: ApiFeature, [west, south, east, north]: [number, number, number, number]): boolean {
  if (!feature.geometry) return false;
  const [minX, minY, maxX, maxY] = bbox(feature.geometry);
  return minX <= east && maxX >= west && minY <= north && maxY >= south;
}

async function jpegBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', 0.9),
  );
  return new Uint8Array(await blob.arrayBuffer());
}

/** The PDF briefing pack of `briefing`: a cover, then each step's map, text and clauses. */
/**
 * The progress timeline of the features the briefing's steps select (in the order they first appear), read as of
 * its latest step's date (or today): where each stood, when, on which clause, and its deadlines. None without one.
 */
async function packTimeline({ briefing, collection, index, language, today, fontFiles }: PackInputs): Promise<PackTimeline | null> {
  const ids = [...new Set(briefing.steps.flatMap((step) => (step.feature ? [step.feature] : [])))];
  const features = ids.flatMap((id) => collection.features.filter((f) => f.id === id && KIND_BY_ID[f.properties.kind].hasStatus));
  const end =
    briefing.steps
      .map((step) => step.filters.asOf ?? today)
      .sort()
      .at(-1) ?? today;
  const rows = progressRows(features, index.eventsByFeature, end).filter((row) => row.spans.length > 0);
  if (rows.length === 0) return null;
  const Plot = await import('@observablehq/plot');
  const title = text('progressTimeline', language);
  // The date it is read as of (the help line's last sentence, clicking a span, is for the screen).
  const caption = `${text('asOf', language)} ${formatDate(end, language)}`;
  const image = await timelineSvg(
    Plot,
    rows,
    timelineScale(rows, end, language),
    language,
    {
      title,
      subtitle: `${text('asOf', language)} ${formatDate(end, language)}`,
      statusOf: (id) => STATUS_BY_ID[id as keyof typeof STATUS_BY_ID].label[language],
      legendTarget: text('target', language),
      legendOverdue: text('targetState_overdue', language),
    },
    fontFiles,
  );
  const png = new Uint8Array(await (await svgToPng(image)).arrayBuffer());
  return { title, caption, png, aspect: image.width / image.height };
}

export async function exportBriefingPack(inputs: PackInputs): Promise<Blob> {
  const { map, briefing, collection, index, agreements, language, today, recordText } = inputs;
  const shown = (value: string) => asString(recordText.show(value), language);
  const fonts = await loadPdfFonts(inputs.fontFiles);
  const agreementCache = new Map<string, Promise<AgreementDetailResponse | null>>();
  const details = (id: string) => {
    if (!agreementCache.has(id))
      agreementCache.set(
        id,
        fetchJson(`/api/agreements/${encodeURIComponent(id)}`, agreementDetailResponse).catch(() => null),
      );
    return agreementCache.get(id) as Promise<AgreementDetailResponse | null>;
  };
  const names = new Map(collection.features.map((f) => [f.id, f.properties.name.vi]));
  const filterNames = {
    agreements,
    provinces: index.provinces,
    titleOf: (title: Agreement['title']) => asString(recordText.showName(title), language),
  };
  const briefingTitle = asString(recordText.showName(briefing.title), language);
  const baseStyle = map.style();
  const steps: PackStep[] = [];
  for (const [position, step] of briefing.steps.entries()) {
    inputs.onProgress?.(position, briefing.steps.length);
    const visible = visibleFeatures(collection, index, step.filters, today);
    const selected = collection.features.find((f) => f.id === step.feature);
    // The step's own date and filters replace the live map's; the record's data (every date) and the
    // basemap's sources are shared, only the route's numbered places change per step.
    const style = {
      ...baseStyle,
      sources: {
        ...baseStyle.sources,
        [ROUTE_FOCUS_SOURCES.waypoints]: { type: 'geojson', data: waypointFeatures(routeFocusOf(selected)) },
      },
    } as typeof baseStyle;
    const rendered = await map.render({
      style,
      view: { center: [step.view.lng, step.view.lat], zoom: Math.max(step.view.zoom - ZOOM_OUT_FOR_PAGE, 0) },
      width: SHOT.width,
      height: SHOT.height,
      pixelRatio: SHOT.pixelRatio,
      selectedId: step.feature,
      record: step.filters,
    });
    const inFrame = visible.filter((feature) => intersects(feature, rendered.bounds));
    drawOverlays(
      rendered,
      {
        legend: [...statusLegend(inFrame, language), ...symbolLegend(inFrame, language)],
        citations: [],
        attribution: map.attribution(),
      },
      SHOT.width / 1500,
      SHOT.pixelRatio,
    );
    const selectedLine = selected
      ? [
          `${text('selected', language)}: ${[selected.properties.name.vi, selected.properties.name.zh].filter(Boolean).join(' · ')}${selectedStatus(
            visible.find((f) => f.id === selected.id),
            language,
          )}`,
        ]
      : [];
    steps.push({
      kicker: `${text('step', language)} ${position + 1}/${briefing.steps.length} · ${briefingTitle}`,
      title: shown(step.title),
      meta: [describeFilters(step.filters, language, filterNames), ...selectedLine],
      text: step.text && shown(step.text),
      image: { jpeg: await jpegBytes(rendered.canvas), aspect: SHOT.width / SHOT.height },
      citations: await citationsFor(citedEvents(step, inFrame, index, today), names, details, language, recordText),
    });
  }
  inputs.onProgress?.(briefing.steps.length, briefing.steps.length);
  const otherTitle = language === 'vi' ? briefing.title.en : briefing.title.vi;
  const pdf = await buildBriefingPdf(
    {
      language: htmlLang(language),
      cover: {
        title: briefingTitle,
        subtitle: [text('packSubtitle', language), otherTitle].filter(Boolean).join(' · '),
        lines: [`${text('exportedOn', language)}: ${formatDate(today, language)}`, `${text('steps', language)}: ${briefing.steps.length}`],
        steps: briefing.steps.map((step) => ({ title: shown(step.title), details: describeFilters(step.filters, language, filterNames) })),
      },
      steps,
      timeline: await packTimeline(inputs),
      words: {
        citedClauses: text('citedClauses', language),
        noCitations: text('noCitations', language),
        continued: text('continued', language),
        page: text('page', language),
        footer: text('packFooter', language),
        stepsHeading: text('stepsHeading', language),
      },
    },
    fonts,
  );
  return new Blob([pdf as BlobPart], { type: 'application/pdf' });
}
