import type { Position } from 'geojson';

/**
 * Where a traveller is along a polyline at fraction `t` (0 → start, 1 → end), by distance in
 * screen-independent degrees (the lines are schematic, so planar interpolation is what is drawn).
 *
 * @example
 * pointAlong([[0, 0], [2, 0], [2, 2]], 0.5) // → [2, 0]
 */
export function pointAlong(line: readonly Position[], t: number): Position {
  if (line.length === 0) throw new Error('empty line');
  if (line.length === 1) return line[0];
  const lengths = line.slice(1).map((point, index) => Math.hypot(point[0] - line[index][0], point[1] - line[index][1]));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  let remaining = Math.min(Math.max(t, 0), 1) * total;
  for (let index = 0; index < lengths.length; index += 1) {
    if (remaining <= lengths[index] || index === lengths.length - 1) {
      const f = lengths[index] === 0 ? 0 : Math.min(remaining / lengths[index], 1);
      const [a, b] = [line[index], line[index + 1]];
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    remaining -= lengths[index];
  }
  return line[line.length - 1];
}
