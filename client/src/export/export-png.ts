import type { Filters } from '../filters/filters';
import type { MapHandle } from '../map/map-handle';
import { INK, INK_MUTED, RULE } from '../map/palette';
import type { RenderedMap } from '../map/render-offscreen';

import type { ExportSize } from './export-sizes';
import type { LegendItem } from './map-caption';

export type ExportContent = {
  /** Omitted where the page around the image carries the title (the PDF pack). */
  title?: string;
  /** "Tính đến ngày 11/02/2026 · Loại: Cặp cửa khẩu" — the date the map shows and the filters narrowing it. */
  dateStamp?: string;
  legend: LegendItem[];
  /** One line per feature shown: its name and the clauses behind its status. */
  citations: string[];
  attribution: string;
};

const FONT = "'Border Atlas UI', 'Border Atlas UI CJK', sans-serif";

/**
 * Renders the current map again at `size` in a hidden map (same layers and filters, the record as of
 * `asOf`), then draws title, legend, date, scale, attribution and citations.
 */
export async function exportMapPng(source: MapHandle, filters: Filters, size: ExportSize, content: ExportContent): Promise<Blob> {
  const rendered = await source.render({
    style: source.style(),
    view: { bounds: source.bounds() },
    width: size.width,
    height: size.height,
    record: filters,
  });
  drawOverlays(rendered, content);
  return await new Promise<Blob>((resolve, reject) =>
    rendered.canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/**
 * Title, date, legend, citations, scale bar and attribution over a rendered map. `unit` scales them
 * (1 = sized for a 1920-pixel-wide slide).
 */
export function drawOverlays(rendered: RenderedMap, content: ExportContent, unit = rendered.canvas.width / 1920, pixelRatio = 1) {
  const size = { width: rendered.canvas.width, height: rendered.canvas.height };
  const context = rendered.canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  const pad = 28 * unit;
  const box = (x: number, y: number, w: number, h: number) => {
    context.fillStyle = 'rgba(255,255,255,0.93)';
    context.fillRect(x, y, w, h);
    context.strokeStyle = RULE;
    context.lineWidth = 1.5 * unit;
    context.strokeRect(x, y, w, h);
  };
  // Title and date stamp.
  let legendTop = pad;
  if (content.title !== undefined) {
    context.font = `600 ${34 * unit}px ${FONT}`;
    const titleWidth = context.measureText(content.title).width;
    context.font = `${24 * unit}px ${FONT}`;
    const stampWidth = context.measureText(content.dateStamp ?? '').width;
    // As wide as its longer line, up to two thirds of the image (a longer list of filters is narrowed to fit).
    const textWidth = Math.min(Math.max(titleWidth, stampWidth, 400 * unit), (size.width * 2) / 3);
    box(pad, pad, textWidth + 2 * pad, 100 * unit);
    context.font = `600 ${34 * unit}px ${FONT}`;
    context.fillStyle = INK;
    context.fillText(content.title, 2 * pad, pad + 46 * unit, textWidth);
    context.font = `${24 * unit}px ${FONT}`;
    context.fillStyle = INK_MUTED;
    context.fillText(content.dateStamp ?? '', 2 * pad, pad + 84 * unit, textWidth);
    legendTop = pad + 120 * unit;
  }
  // Legend.
  const lineHeight = 34 * unit;
  if (content.legend.length > 0) box(pad, legendTop, 430 * unit, (content.legend.length + 0.6) * lineHeight);
  context.font = `${22 * unit}px ${FONT}`;
  content.legend.forEach((item, index) => {
    const y = legendTop + (index + 0.9) * lineHeight;
    context.beginPath();
    context.arc(2 * pad, y - 7 * unit, 10 * unit, 0, Math.PI * 2);
    if (item.shape === 'ring') {
      context.strokeStyle = item.color;
      context.lineWidth = 3 * unit;
      context.stroke();
    } else {
      context.fillStyle = item.color;
      context.fill();
    }
    context.fillStyle = INK;
    context.fillText(item.label, 2 * pad + 24 * unit, y);
  });
  // Citations of the features shown.
  const citations = content.citations.slice(0, 14);
  if (citations.length > 0) {
    const width = 820 * unit;
    const height = (citations.length + 1.2) * 28 * unit;
    const x = size.width - width - pad;
    const y = size.height - height - 70 * unit;
    box(x, y, width, height);
    context.font = `${18 * unit}px ${FONT}`;
    context.fillStyle = INK;
    for (const [index, line] of citations.entries()) context.fillText(line, x + pad / 2, y + (index + 1) * 28 * unit, width - pad);
  }
  // Scale bar: 50 km at the map centre's latitude.
  const metresPerPixel = (40_075_016.686 * Math.cos((rendered.lat * Math.PI) / 180)) / (512 * 2 ** rendered.zoom) / pixelRatio;
  const barKm = [200, 100, 50, 20, 10, 5, 2, 1].find((km) => (km * 1000) / metresPerPixel < 300 * unit) ?? 1;
  const barPixels = (barKm * 1000) / metresPerPixel;
  const barY = size.height - 40 * unit;
  box(pad, barY - 34 * unit, barPixels + 120 * unit, 50 * unit);
  context.fillStyle = INK;
  context.fillRect(pad + 12 * unit, barY, barPixels, 6 * unit);
  context.font = `${20 * unit}px ${FONT}`;
  context.fillText(`${barKm} km`, pad + 20 * unit + barPixels, barY + 6 * unit);
  // Attribution.
  context.font = `${17 * unit}px ${FONT}`;
  const attributionWidth = context.measureText(content.attribution).width;
  box(size.width - attributionWidth - 2 * pad, size.height - 44 * unit, attributionWidth + pad, 36 * unit);
  context.fillStyle = INK;
  context.fillText(content.attribution, size.width - attributionWidth - 1.5 * pad, size.height - 20 * unit);
}
