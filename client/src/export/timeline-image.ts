import type { ProgressRow } from '@domain/progress-timeline';
import { STATUS_BY_ID } from '@domain/vocabulary';
import type { Language } from '../i18n/language';
import type { FontFile } from '../map/basemap-data';
import { INK, OVERDUE_COLOR } from '../map/palette';
import { AXIS_HEIGHT, drawTimelineRows, type PlotModule, ROW_HEIGHT, type TimelineScale } from '../summary/timeline-chart';

/** The most rows an image holds (a canvas is at most ~32 000 px tall); more are said in its title line. */
const MAX_IMAGE_ROWS = 600;
const WIDTH = 1200;
const HEADER = 64;
/** The family the image's text is drawn in: the bundled files, embedded (an SVG drawn as an image cannot fetch fonts). */
const FAMILY = 'Border Atlas Export';

export type TimelineImageText = {
  title: string;
  subtitle: string;
  statusOf: (id: string) => string;
  legendTarget: string;
  legendOverdue: string;
};

/**
 * The whole timeline (every row, up to MAX_IMAGE_ROWS) as one standalone SVG: title, the date read, the statuses'
 * key and the rows, its text in the bundled fonts embedded as data (so the PNG drawn from it, on a machine without
 * Chinese fonts, draws Chinese, and an SVG opened elsewhere looks the same).
 */
export async function timelineSvg(
  Plot: PlotModule,
  rows: readonly ProgressRow[],
  scale: TimelineScale,
  language: Language,
  words: TimelineImageText,
  fontFiles: readonly FontFile[],
): Promise<{ svg: string; width: number; height: number }> {
  const shown = rows.slice(0, MAX_IMAGE_ROWS);
  const chart = drawTimelineRows(Plot, shown, scale, language, WIDTH);
  chart.setAttribute('y', String(HEADER));
  const height = HEADER + shown.length * ROW_HEIGHT + AXIS_HEIGHT + 8;
  const subtitle = rows.length > shown.length ? `${words.subtitle} · ${shown.length}/${rows.length}` : words.subtitle;
  let x = 0;
  const key = [
    ...scale.statuses.map((id) => ({ colour: STATUS_BY_ID[id].color, label: words.statusOf(id), diamond: false })),
    { colour: 'white', label: words.legendTarget, diamond: true },
    { colour: OVERDUE_COLOR, label: words.legendOverdue, diamond: true },
  ].map((item) => {
    const at = x;
    x += 28 + labelWidth(item.label);
    const swatch = item.diamond
      ? `<path d="M${at + 6} 0l6 6-6 6-6-6z" fill="${item.colour}" stroke="${INK}"/>`
      : `<rect x="${at}" y="0" width="12" height="12" fill="${item.colour}"/>`;
    return `${swatch}<text x="${at + 17}" y="10">${escapeXml(item.label)}</text>`;
  });
  const fonts = await embeddedFontFaces(fontFiles, language);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="'${FAMILY}', sans-serif" font-size="12">`,
    `<style>${fonts} svg text { font-family: '${FAMILY}', sans-serif; }</style>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="22" font-size="17" font-weight="600" fill="${INK}">${escapeXml(words.title)}</text>`,
    `<text x="12" y="40" fill="${INK}">${escapeXml(subtitle)}</text>`,
    `<g transform="translate(12 48)" fill="${INK}">${key.join('')}</g>`,
    new XMLSerializer().serializeToString(chart),
    '</svg>',
  ].join('');
  return { svg, width: WIDTH, height };
}

/**
 * The SVG drawn onto a canvas at `pixelRatio` (2: sharp on a slide or a printed page), as PNG bytes. Chromium
 * decodes an SVG image before the fonts inside it are ready (its text is then blank): it is drawn again until two
 * drawings in a row are the same, up to about two seconds.
 */
export async function svgToPng({ svg, width, height }: { svg: string; width: number; height: number }, pixelRatio = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    let previous = '';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const drawn = fingerprint(canvas);
      if (drawn === previous) break;
      previous = drawn;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A small copy of the drawing, enough to tell whether its text has appeared since the last one. */
function fingerprint(canvas: HTMLCanvasElement): string {
  const small = document.createElement('canvas');
  small.width = 400;
  small.height = Math.max(1, Math.round((canvas.height / canvas.width) * 400));
  small.getContext('2d')?.drawImage(canvas, 0, 0, small.width, small.height);
  return small.toDataURL();
}

/** @font-face rules with the bundled WOFF2 files inlined: Latin and Vietnamese always, the Chinese subset for zh. */
async function embeddedFontFaces(files: readonly FontFile[], language: Language): Promise<string> {
  const wanted = files.filter((file) => (file.family === 'Noto Sans SC' ? language === 'zh' : (file.weight ?? 400) === 400));
  const faces = await Promise.all(
    wanted.map(async (file) => {
      const response = await fetch(`/basemap/fonts/${file.file}`);
      if (!response.ok) return '';
      const data = await blobToDataUrl(await response.blob(), 'font/woff2');
      return `@font-face{font-family:'${FAMILY}';src:url(${data}) format('woff2');unicode-range:${file.unicodeRange};}`;
    }),
  );
  return faces.join('');
}

function blobToDataUrl(blob: Blob, type: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^;]*;/, `data:${type};`));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** About how wide a label is at 12 px: Chinese characters are square, others about half as wide. */
const labelWidth = (label: string) => [...label].reduce((sum, c) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 12 : 7), 0);

const escapeXml = (value: string) => value.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
