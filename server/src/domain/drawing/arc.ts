import type { Position } from 'geojson';

/**
 * A gentle arc between two places (a quadratic Bézier bowed to the left of the straight line), so
 * pairings read as relationships rather than roads.
 *
 * @example
 * arcBetween([105.0, 21.0], [106.0, 21.0], { segments: 2 })
 * // → [[105, 21], [105.5, 21.1], [106, 21]]
 */
export function arcBetween(from: Position, to: Position, { bend = 0.2, segments = 24 } = {}): Position[] {
  const [x0, y0] = from;
  const [x1, y1] = to;
  // Control point: the midpoint pushed sideways by `bend` × the chord length.
  const cx = (x0 + x1) / 2 - (y1 - y0) * bend;
  const cy = (y0 + y1) / 2 + (x1 - x0) * bend;
  const points: Position[] = [];
  for (let step = 0; step <= segments; step += 1) {
    const t = step / segments;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    points.push([a * x0 + b * cx + c * x1, a * y0 + b * cy + c * y1]);
  }
  return points;
}
