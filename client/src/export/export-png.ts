import * as maplibregl from 'maplibre-gl';
import { ALL_ICON_NAMES, drawIcon, ICON_PIXEL_RATIO } from '../map/icons';

export type ExportSize = { id: string; width: number; height: number; label: string };

/** Sizes a briefing needs: a 16:9 slide and an A4 landscape page at 200 dpi (297 × 210 mm). */
export const EXPORT_SIZES: readonly ExportSize[] = [
  { id: 'slide', width: 1920, height: 1080, label: '1920 × 1080' },
  { id: 'a4', width: 2339, height: 1654, label: 'A4 ngang / landscape, 200 dpi' },
];

export type ExportContent = {
  title: string;
  /** "Tính đến ngày 11/02/2026" — the date the map shows. */
  dateStamp: string;
  legend: { color: string; label: string }[];
  /** One line per feature shown: its name and the clauses behind its status. */
  citations: string[];
  attribution: string;
};

const FONT = "'Border Atlas UI', 'Border Atlas UI CJK', sans-serif";

/** Renders the current map again at `size` in a hidden map, then draws title, legend, date, scale, attribution and citations. */
export async function exportMapPng(source: maplibregl.Map, size: ExportSize, content: ExportContent): Promise<Blob> {
  const container = document.createElement('div');
  container.style.cssText = `position:fixed;left:-100000px;top:0;width:${size.width}px;height:${size.height}px;`;
  document.body.append(container);
  const map = new maplibregl.Map({
    container,
    style: source.getStyle(),
    bounds: source.getBounds(),
    pixelRatio: 1,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.on('styleimagemissing', (event) => {
    const image = drawIcon(event.id);
    if (image && !map.hasImage(event.id)) map.addImage(event.id, image, { pixelRatio: ICON_PIXEL_RATIO });
  });
  try {
    await new Promise<void>((resolve) =>
      map.once('load', () => {
        for (const name of ALL_ICON_NAMES)
          if (!map.hasImage(name)) map.addImage(name, drawIcon(name) as ImageData, { pixelRatio: ICON_PIXEL_RATIO });
        resolve();
      }),
    );
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(map.getCanvas(), 0, 0, size.width, size.height);
    drawOverlays(context, map, size, content);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    map.remove();
    container.remove();
  }
}

function drawOverlays(context: CanvasRenderingContext2D, map: maplibregl.Map, size: ExportSize, content: ExportContent) {
  const unit = size.width / 1920;
  const pad = 28 * unit;
  const box = (x: number, y: number, w: number, h: number) => {
    context.fillStyle = 'rgba(255,255,255,0.93)';
    context.fillRect(x, y, w, h);
    context.strokeStyle = '#dedbd2';
    context.lineWidth = 1.5 * unit;
    context.strokeRect(x, y, w, h);
  };
  // Title and date stamp.
  context.font = `600 ${34 * unit}px ${FONT}`;
  const titleWidth = Math.max(context.measureText(content.title).width, 400 * unit);
  box(pad, pad, titleWidth + 2 * pad, 100 * unit);
  context.fillStyle = '#2b2d42';
  context.fillText(content.title, 2 * pad, pad + 46 * unit);
  context.font = `${24 * unit}px ${FONT}`;
  context.fillStyle = '#6b6f80';
  context.fillText(content.dateStamp, 2 * pad, pad + 84 * unit);
  // Legend.
  const legendTop = pad + 120 * unit;
  const lineHeight = 34 * unit;
  box(pad, legendTop, 430 * unit, (content.legend.length + 0.6) * lineHeight);
  context.font = `${22 * unit}px ${FONT}`;
  content.legend.forEach((item, index) => {
    const y = legendTop + (index + 0.9) * lineHeight;
    context.fillStyle = item.color;
    context.beginPath();
    context.arc(2 * pad, y - 7 * unit, 10 * unit, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#2b2d42';
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
    context.fillStyle = '#2b2d42';
    for (const [index, line] of citations.entries()) context.fillText(line, x + pad / 2, y + (index + 1) * 28 * unit, width - pad);
  }
  // Scale bar: 50 km at the map centre's latitude.
  const metresPerPixel = (40_075_016.686 * Math.cos((map.getCenter().lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
  const barKm = [200, 100, 50, 20, 10, 5, 2, 1].find((km) => (km * 1000) / metresPerPixel < 300 * unit) ?? 1;
  const barPixels = (barKm * 1000) / metresPerPixel;
  const barY = size.height - 40 * unit;
  box(pad, barY - 34 * unit, barPixels + 120 * unit, 50 * unit);
  context.fillStyle = '#2b2d42';
  context.fillRect(pad + 12 * unit, barY, barPixels, 6 * unit);
  context.font = `${20 * unit}px ${FONT}`;
  context.fillText(`${barKm} km`, pad + 20 * unit + barPixels, barY + 6 * unit);
  // Attribution.
  context.font = `${17 * unit}px ${FONT}`;
  const attributionWidth = context.measureText(content.attribution).width;
  box(size.width - attributionWidth - 2 * pad, size.height - 44 * unit, attributionWidth + pad, 36 * unit);
  context.fillStyle = '#2b2d42';
  context.fillText(content.attribution, size.width - attributionWidth - 1.5 * pad, size.height - 20 * unit);
}
