/** Pixels kept clear on each side (MapLibre's PaddingOptions, all sides given). */
type Padding = { top: number; bottom: number; left: number; right: number };

/** What lies over the map and hides part of it: the legend, the date, the chips, the slider, a bottom sheet, the briefing card. */
const OVERLAYS = ['.legend', '.as-of-stamp', '.filter-chips', '.time-slider', '.panel', '.briefing-player'];

/** Said (on window) by a panel over or beside the map once it shows: what covers the map has changed. */
export const PANEL_SHOWN_EVENT = 'border-atlas:panel-shown';

/** Room kept around what is brought into view, inside the clear band. */
const MARGIN = 40;

/**
 * The map's padding for bringing something into view: the widest band of the map's height no overlay covers,
 * measured on screen (they move with the screen size: a sheet and the slider above it at the bottom of a phone,
 * the legend and the briefing card at the top of a laptop).
 */
export function clearArea(container: HTMLElement, root: ParentNode = document): Padding {
  const map = container.getBoundingClientRect();
  const covered: [number, number][] = [];
  for (const selector of OVERLAYS) {
    for (const element of root.querySelectorAll<HTMLElement>(selector)) {
      const box = element.getBoundingClientRect();
      const overlaps =
        box.width > 0 && box.height > 0 && box.right > map.left && box.left < map.right && box.bottom > map.top && box.top < map.bottom;
      if (overlaps) covered.push([Math.max(0, box.top - map.top), Math.min(map.height, box.bottom - map.top)]);
    }
  }
  const band = widestGap(covered, map.height);
  const side = Math.min(MARGIN, map.width / 6);
  // Too narrow a band (a small screen crowded with overlays): the whole map, with a margin.
  if (band.end - band.start < map.height / 4) return { top: MARGIN, bottom: MARGIN, left: side, right: side };
  const margin = Math.min(MARGIN, (band.end - band.start) / 6);
  return { top: band.start + margin, bottom: map.height - band.end + margin, left: side, right: side };
}

/** The widest stretch of [0, height] outside every covered interval. */
export function widestGap(covered: readonly [number, number][], height: number): { start: number; end: number } {
  const sorted = [...covered].sort((a, b) => a[0] - b[0]);
  let best = { start: 0, end: 0 };
  let from = 0;
  for (const [start, end] of [...sorted, [height, height] as [number, number]]) {
    if (start - from > best.end - best.start) best = { start: from, end: start };
    from = Math.max(from, end);
  }
  return best;
}

/** Whether a point on screen (relative to the map) lies in the part of the map the overlays leave clear. */
export function inClearArea(point: { x: number; y: number }, size: { width: number; height: number }, padding: Padding): boolean {
  return (
    point.x >= padding.left && point.x <= size.width - padding.right && point.y >= padding.top && point.y <= size.height - padding.bottom
  );
}
