import type * as maplibregl from 'maplibre-gl';
import { type MapShot, type RenderedMap, renderMap } from './render-offscreen';

/**
 * What the rest of the app may ask of the map (map/ is its one owner): its style as drawn now (basemap,
 * record layers, filters, language), the area it shows, and a drawing of any style and view off screen —
 * the PNG export and the PDF pack ask for these instead of holding MapLibre themselves.
 */
export type MapHandle = {
  style(): maplibregl.StyleSpecification;
  /** The area shown: [west, south, east, north]. */
  bounds(): [number, number, number, number];
  render(shot: MapShot): Promise<RenderedMap>;
  /** Who made the basemap drawn now, as plain text: the exports' credit line. */
  attribution(): string;
};

export function mapHandleOf(map: maplibregl.Map, attribution: () => string): MapHandle {
  return {
    attribution,
    style: () => map.getStyle(),
    bounds: () => {
      const bounds = map.getBounds();
      return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    },
    render: renderMap,
  };
}
