import { parseIconName, SHAPE_PATHS } from '@domain/drawing/shapes';
import { STATUS_BY_ID, type StatusId } from '@domain/vocabulary';
import { OVERDUE_COLOR, PAPER } from './palette';

const PIXEL_RATIO = 2;
const SIZE = 24;

/**
 * Draws a map icon on demand (MapLibre's `styleimagemissing`): the shape filled with its status
 * colour and a white edge, or — for approximate positions — white with a thick coloured edge.
 */
export function drawIcon(name: string): ImageData | null {
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
