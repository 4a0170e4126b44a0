import { parseIconName, SHAPE_PATHS, type ShapeId } from '@domain/drawing/shapes';
import { STATUS_BY_ID, type StatusId } from '@domain/vocabulary';
import { OVERDUE_COLOR, PAPER } from './palette';

const PIXEL_RATIO = 2;
const SIZE = 24;

/** A map image drawn on demand (MapLibre's `styleimagemissing`), and whether it is a signed distance field. */
export type MapIcon = { image: ImageData; sdf: boolean };

/** The image MapLibre asks for by name: a symbol's shape as a distance field (`sdf:<shape>`), or a coloured icon. */
export function mapIcon(name: string): MapIcon | null {
  if (name.startsWith(SDF_PREFIX)) {
    const [shape, inset] = name.slice(SDF_PREFIX.length).split(':');
    const image = shape in SHAPE_PATHS ? drawShapeField(shape as ShapeId, inset === 'inset' ? HOLLOW_INSET : 0) : null;
    return image && { image, sdf: true };
  }
  const image = drawIcon(name);
  return image && { image, sdf: false };
}

/**
 * Draws an icon with its colours (the overdue badge; a "shape:<shape>:<status>:<fill>" name, as the tiles'
 * `icon@i` give it: the shape filled with its status colour and a white edge, or — for approximate positions —
 * white with a thick coloured edge). The record's symbols are drawn from the shapes' distance fields instead.
 */
function drawIcon(name: string): ImageData | null {
  if (name === OVERDUE_BADGE_ICON) return drawOverdueBadge();
  const parsed = parseIconName(name);
  if (!parsed) return null;
  const colour = STATUS_BY_ID[parsed.status as StatusId]?.color ?? STATUS_BY_ID.unknown.color;
  const context = iconCanvas(SIZE);
  if (!context) return null;
  // Shrink a little so the edge stroke stays inside the box.
  context.translate(SIZE * 0.08, SIZE * 0.08);
  context.scale(0.84, 0.84);
  const path = new Path2D(SHAPE_PATHS[parsed.shape]);
  context.lineJoin = 'round';
  context.fillStyle = parsed.hollow ? PAPER : colour;
  context.fill(path);
  context.strokeStyle = parsed.hollow ? colour : PAPER;
  context.lineWidth = parsed.hollow ? 3.2 : 1.8;
  context.stroke(path);
  return context.getImageData(0, 0, context.canvas.width, context.canvas.height);
}

/** A square canvas of `size` CSS pixels at the icons' pixel ratio, drawn in CSS pixels. */
function iconCanvas(size: number): CanvasRenderingContext2D | null {
  const canvas = document.createElement('canvas');
  canvas.width = size * PIXEL_RATIO;
  canvas.height = size * PIXEL_RATIO;
  const context = canvas.getContext('2d');
  context?.scale(PIXEL_RATIO, PIXEL_RATIO);
  return context;
}

export const ICON_PIXEL_RATIO = PIXEL_RATIO;

/** The overdue badge placed on a line (a pairing, a route), the same red disc with a white edge as on a gate. */
export const OVERDUE_BADGE_ICON = 'overdue-badge';
const BADGE_SIZE = 13;

function drawOverdueBadge(): ImageData | null {
  const context = iconCanvas(BADGE_SIZE);
  if (!context) return null;
  context.beginPath();
  context.arc(BADGE_SIZE / 2, BADGE_SIZE / 2, BADGE_SIZE / 2 - 1, 0, 2 * Math.PI);
  context.fillStyle = OVERDUE_COLOR;
  context.fill();
  context.strokeStyle = PAPER;
  context.lineWidth = 1.5;
  context.stroke();
  return context.getImageData(0, 0, context.canvas.width, context.canvas.height);
}

/**
 * A shape's distance field is named `sdf:<shape>`, or `sdf:<shape>:inset` for a hollow symbol (approximate
 * position): its edge moved in by half the legend's ring, so that the halo MapLibre draws around it is the
 * legend's ring, centred on the shape's outline. The map colours both (fill and halo) as paint
 * (layers/record-features.ts).
 */
const SDF_PREFIX = 'sdf:';
/** Half the hollow symbol's ring (icon pixels): the legend strokes it 3.2 wide, centred on the outline. */
const HOLLOW_INSET = 1.6;

/** Room around the shape for its halo (icon pixels). */
const FIELD_BUFFER = 3;
/**
 * Distance field units as MapLibre reads them: the edge at 3/4 of the range (191), falling by FIELD_STEP per
 * image pixel — a gentler slope than glyphs' 255/8, so the field reaches the hollow symbols' wide ring.
 */
const FIELD_EDGE = 191.25;
const FIELD_STEP = 255 / 12;

/**
 * A shape as a signed distance field (MapLibre SDF image: alpha = edge − distance × step, distance in image
 * pixels, negative inside): the shape of the legend's icons, drawn the same size and place in its box,
 * so one image serves every status — the colour is a paint property the date changes without a new layout.
 */
function drawShapeField(shape: ShapeId, inset: number): ImageData | null {
  const size = SIZE + 2 * FIELD_BUFFER;
  const context = iconCanvas(size);
  if (!context) return null;
  context.translate(FIELD_BUFFER + SIZE * 0.08, FIELD_BUFFER + SIZE * 0.08);
  context.scale(0.84, 0.84);
  context.fillStyle = '#000';
  context.fill(new Path2D(SHAPE_PATHS[shape]));
  const { width, height, data } = context.getImageData(0, 0, context.canvas.width, context.canvas.height);
  const inside = new Uint8Array(width * height);
  for (let i = 0; i < inside.length; i += 1) inside[i] = data[i * 4 + 3] >= 128 ? 1 : 0;
  // Each pixel's distance to the nearest pixel on the other side of the edge (small images: searched directly).
  const edges: number[] = [];
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      const differs = (nx: number, ny: number) => nx >= 0 && ny >= 0 && nx < width && ny < height && inside[ny * width + nx] !== inside[i];
      if (differs(x + 1, y) || differs(x - 1, y) || differs(x, y + 1) || differs(x, y - 1)) edges.push(x, y);
    }
  const field = new ImageData(width, height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      let nearest = Number.POSITIVE_INFINITY;
      for (let e = 0; e < edges.length; e += 2) {
        const [ex, ey] = [edges[e], edges[e + 1]];
        if (inside[ey * width + ex] === inside[i]) continue;
        nearest = Math.min(nearest, (ex - x) ** 2 + (ey - y) ** 2);
      }
      const distance = (Math.sqrt(nearest) - 0.5) * (inside[i] ? -1 : 1) + inset * PIXEL_RATIO;
      field.data[i * 4 + 3] = Math.max(0, Math.min(255, Math.round(FIELD_EDGE - distance * FIELD_STEP)));
    }
  return field;
}
