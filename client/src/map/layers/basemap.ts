import type { LayerSpecification } from 'maplibre-gl';
import type { Language } from '../../i18n/language';
import { LABEL_FONT, scaledLabel } from '../fonts';
import {
  BORDER,
  LAND_ABROAD,
  LAND_VIETNAM,
  labelIn,
  OTHER_BORDER,
  PAPER,
  PLACE_DOT,
  PLACE_LABEL,
  PROVINCE_LABEL,
  PROVINCE_LINE,
  RIVER,
  SEA,
} from '../palette';

export const BASEMAP_SOURCES = {
  land: 'basemap-land',
  borders: 'basemap-borders',
  provinces: 'basemap-provinces',
  provinceLines: 'basemap-province-lines',
  provinceLabels: 'basemap-province-labels',
  places: 'basemap-places',
  rivers: 'basemap-rivers',
} as const;

export const PLACE_LABEL_LAYER = 'basemap-place-labels';
/** The embedded basemap's sea, land and rivers: a deployment's own basemap is drawn over them (layers/own-basemap.ts). */
const GROUND_LAYERS = ['basemap-sea', 'basemap-land', 'basemap-rivers'];
export const PROVINCE_LABEL_LAYER = 'basemap-province-labels';

/**
 * Land, water, provinces, borders and place names: calm colours so the gates stand out.
 * `under` goes beneath the record's layers; `labels` above them, so towns such as Lạng Sơn and
 * Cao Bằng are placed first and gate labels move to a free side instead of hiding them.
 */
export function basemapLayers(language: Language): {
  /** Sea, land and rivers: the bottom of the map. */
  ground: LayerSpecification[];
  /** Provinces and borders, over the ground (and over a deployment's own basemap). */
  under: LayerSpecification[];
  dots: LayerSpecification[];
  labels: LayerSpecification[];
} {
  const layers: LayerSpecification[] = [
    { id: 'basemap-sea', type: 'background', paint: { 'background-color': SEA } },
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCES.land,
      paint: { 'fill-color': ['match', ['get', 'iso3'], 'VNM', LAND_VIETNAM, LAND_ABROAD] },
    },
    {
      id: 'basemap-rivers',
      type: 'line',
      source: BASEMAP_SOURCES.rivers,
      paint: { 'line-color': RIVER, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 10, 1.2] },
    },
    {
      id: 'basemap-province-lines',
      type: 'line',
      source: BASEMAP_SOURCES.provinceLines,
      paint: {
        'line-color': PROVINCE_LINE,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 10, 1.2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'basemap-borders-casing',
      type: 'line',
      source: BASEMAP_SOURCES.borders,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': PAPER, 'line-opacity': 0.8, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 3, 12, 6] },
    },
    {
      id: 'basemap-borders',
      type: 'line',
      source: BASEMAP_SOURCES.borders,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['match', ['get', 'pair'], ['VN-CN', 'VN-LA'], BORDER, OTHER_BORDER],
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, ['match', ['get', 'pair'], ['VN-CN', 'VN-LA'], 1.4, 0.9], 12, 3],
      },
    },
    {
      id: PROVINCE_LABEL_LAYER,
      type: 'symbol',
      source: BASEMAP_SOURCES.provinceLabels,
      minzoom: 6.5,
      layout: {
        'text-field': labelIn(language),
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6.5, scaledLabel(10), 10, scaledLabel(13)],
        'text-letter-spacing': 0.08,
        'text-transform': 'uppercase',
        'text-max-width': 8,
        'text-padding': 6,
      },
      paint: { 'text-color': PROVINCE_LABEL, 'text-halo-color': PAPER, 'text-halo-width': 1.2 },
    },
    {
      id: 'basemap-place-dots',
      type: 'circle',
      source: BASEMAP_SOURCES.places,
      filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 8, 3]],
      paint: {
        'circle-radius': ['match', ['get', 'rank'], 1, 4, 2, 3, 2],
        'circle-color': PLACE_DOT,
        'circle-stroke-color': PAPER,
        'circle-stroke-width': 1,
      },
    },
    {
      id: PLACE_LABEL_LAYER,
      type: 'symbol',
      source: BASEMAP_SOURCES.places,
      filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 8, 3]],
      layout: {
        'text-field': labelIn(language),
        'text-font': [LABEL_FONT],
        'text-size': scaledLabel(['match', ['get', 'rank'], 1, 15, 2, 12.5, 11]),
        'text-anchor': 'left',
        'text-offset': [0.5, 0],
        'text-max-width': 9,
        'symbol-sort-key': ['get', 'rank'],
        'text-optional': false,
      },
      paint: { 'text-color': PLACE_LABEL, 'text-halo-color': PAPER, 'text-halo-width': 1.4 },
    },
  ];
  const isDot = (layer: LayerSpecification) => layer.id === 'basemap-place-dots';
  const isLabel = (layer: LayerSpecification) => layer.id === PLACE_LABEL_LAYER;
  const isGround = (layer: LayerSpecification) => GROUND_LAYERS.includes(layer.id);
  return {
    ground: layers.filter(isGround),
    under: layers.filter((layer) => !isGround(layer) && !isLabel(layer) && !isDot(layer)),
    dots: layers.filter(isDot),
    labels: layers.filter(isLabel),
  };
}
