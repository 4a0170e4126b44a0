/** Vietnam's northern border region, from the Lao tripoint to the Gulf of Tonkin [west, south, east, north]: the opening view. */
export const REGION_BOUNDS: [number, number, number, number] = [101.0, 20.5, 109.0, 24.0];

/** How far inside the basemap's frame the map stops: no sliver of the background shows at its edge. */
const PAN_INSET_DEGREES = 0.05;

/**
 * The map's maxBounds: the embedded basemap's frame (its TopoJSON `bbox`), a little inside it. MapLibre keeps the
 * whole viewport within maxBounds at every zoom and aspect (it zooms in rather than show beyond), so the map
 * never pans past the land, sea and borders it has.
 */
export function panLimits(basemapBbox: readonly number[]): [number, number, number, number] {
  const [west, south, east, north] = basemapBbox;
  return [west + PAN_INSET_DEGREES, south + PAN_INSET_DEGREES, east - PAN_INSET_DEGREES, north - PAN_INSET_DEGREES];
}
