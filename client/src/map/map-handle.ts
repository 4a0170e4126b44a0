import type * as maplibregl from 'maplibre-gl';
import type { RecordStates } from './record-states';
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
  /** A drawing off screen; the record as `shot.record` says (date and filters), from the live map's states of the features. */
  render(shot: MapShot): Promise<RenderedMap>;
  /** Who made the basemap drawn now, as plain text: the exports' credit line. */
  attribution(): string;
};

export function mapHandleOf(map: maplibregl.Map, attribution: () => string, states: () => RecordStates | null): MapHandle {
  return {
    attribution,
    style: () => map.getStyle(),
    bounds: () => {
      const bounds = map.getBounds();
      return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    },
    render: (shot) => renderMap(shot, states()),
  };
}
