import type { LayerSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../fonts';
import { INK, modeColor, PAPER } from '../palette';

/** The selected route's numbered places (the dot travelling along it is a DOM marker: map-controller.ts). */
export const ROUTE_FOCUS_SOURCES = { waypoints: 'route-waypoints' } as const;

export function routeFocusLayers(): LayerSpecification[] {
  return [
    {
      id: 'route-waypoints',
      type: 'circle',
      source: ROUTE_FOCUS_SOURCES.waypoints,
      paint: { 'circle-radius': 9, 'circle-color': PAPER, 'circle-stroke-color': modeColor, 'circle-stroke-width': 2.5 },
    },
    {
      id: 'route-waypoint-numbers',
      type: 'symbol',
      source: ROUTE_FOCUS_SOURCES.waypoints,
      layout: {
        'text-field': ['to-string', ['get', 'order']],
        'text-font': [LABEL_FONT],
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': INK },
    },
  ];
}
