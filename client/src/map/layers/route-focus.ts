import type { ApiFeature } from '@domain/api';
import type { FeatureCollection, Point, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { LABEL_FONT, scaledLabel } from '../fonts';
import { INK, modeColor, PAPER } from '../palette';

/** The selected route's numbered places (the dot travelling along it is a DOM marker: map-controller.ts). */
export const ROUTE_FOCUS_SOURCES = { waypoints: 'route-waypoints' } as const;

/** The selected route: its drawn line, its numbered places and its mode (for colours). */
export type RouteFocus = { line: Position[]; waypoints: { name: string; coordinates: Position }[]; mode: string };

/** A route's focus (line, places in order, mode); null for anything that is not a drawn route. */
export function routeFocusOf(route: ApiFeature | undefined): RouteFocus | null {
  if (route?.properties.kind !== 'route' || route.geometry?.type !== 'LineString' || !route.properties.waypoints) return null;
  return {
    line: route.geometry.coordinates,
    waypoints: route.properties.waypoints.map((w) => ({ name: w.name.vi, coordinates: w.coordinates })),
    mode: route.properties.route?.mode ?? 'passenger',
  };
}

/** The numbered places of a route, as the waypoint layers draw them. */
export function waypointFeatures(focus: RouteFocus | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: (focus?.waypoints ?? []).map((waypoint, index) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: waypoint.coordinates },
      properties: { order: index + 1, name: waypoint.name, mode: focus?.mode },
    })),
  };
}

export function routeFocusLayers(): LayerSpecification[] {
  return [
    {
      id: 'route-waypoints',
      type: 'circle',
      source: ROUTE_FOCUS_SOURCES.waypoints,
      paint: { 'circle-radius': scaledLabel(9), 'circle-color': PAPER, 'circle-stroke-color': modeColor, 'circle-stroke-width': 2.5 },
    },
    {
      id: 'route-waypoint-numbers',
      type: 'symbol',
      source: ROUTE_FOCUS_SOURCES.waypoints,
      layout: {
        'text-field': ['to-string', ['get', 'order']],
        'text-font': [LABEL_FONT],
        'text-size': scaledLabel(11),
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': INK },
    },
  ];
}
