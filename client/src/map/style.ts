import { FEATURE_NUMBER, RECORD_TILE_MAX_ZOOM } from '@domain/drawing/dated-drawing';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Language } from '../i18n/language';
import { ATTRIBUTION } from './attribution';
import type { Basemap, OwnBasemap } from './basemap-data';
import { fontFaces, LABEL_SCALE_STATE } from './fonts';
import { BASEMAP_SOURCES, basemapLayers } from './layers/basemap';
import { ownBasemapLayers, ownBasemapSources, ownBasemapStyleExtras } from './layers/own-basemap';
import { RECORD_SOURCE, RECORD_SYMBOLS_SOURCE, recordLayers } from './layers/record-features';
import { ROUTE_FOCUS_SOURCES, routeFocusLayers } from './layers/route-focus';
import { SYMBOLS_STATE } from './record-states';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The whole style: embedded basemap (no tile server, no glyph server) — with the deployment's own basemap over its
 * land and water when one is configured (README "Your own basemap") — plus the record's layers, which load
 * `record.tiles` (GET /api/map/tiles.json: the URLs name the record's revision) and show each feature as its
 * feature state and the symbols' global state say (record-states.ts: the date and the filters).
 */
export function buildStyle(basemap: Basemap, language: Language, baseUrl: string, record: { tiles: string[] }): StyleSpecification {
  // Feature state is kept by each feature's number (`fid`): MapLibre looks a number up without hashing it.
  const recordSource = { type: 'vector', tiles: record.tiles, maxzoom: RECORD_TILE_MAX_ZOOM, promoteId: FEATURE_NUMBER } as const;
  const geojson = (data: FeatureCollection, attribution?: string) =>
    ({ type: 'geojson', data, ...(attribution ? { attribution } : {}) }) as const;
  return {
    version: 8,
    name: 'Border Atlas offline',
    'font-faces': fontFaces(basemap.fontFiles, baseUrl),
    ...ownBasemapStyleExtras(basemap.own),
    state: { [LABEL_SCALE_STATE]: { default: 1 }, [SYMBOLS_STATE]: { default: {} } },
    sources: {
      [BASEMAP_SOURCES.land]: geojson(basemap.land, ATTRIBUTION),
      [BASEMAP_SOURCES.borders]: geojson(basemap.borders),
      [BASEMAP_SOURCES.provinces]: geojson(basemap.provinces),
      [BASEMAP_SOURCES.provinceLines]: geojson(basemap.province_lines),
      [BASEMAP_SOURCES.provinceLabels]: geojson(basemap.provinceLabels),
      [BASEMAP_SOURCES.places]: geojson(basemap.places),
      [BASEMAP_SOURCES.rivers]: geojson(basemap.rivers),
      [RECORD_SOURCE]: recordSource,
      [RECORD_SYMBOLS_SOURCE]: recordSource,
      [ROUTE_FOCUS_SOURCES.waypoints]: { type: 'geojson', data: EMPTY },
      ...(basemap.own ? ownBasemapSources(basemap.own, baseUrl) : {}),
    },
    layers: layerStack(language, basemap.own),
  };
}

/**
 * The layers from the bottom up: the basemap's land and water; the deployment's own basemap (roads, relief,
 * villages), if any; the basemap's provinces and borders; the record; the towns' dots; a selected route's numbered
 * places (over the dots of the towns they are, never under); the towns' names on top, placed first.
 */
export function layerStack(language: Language, own: OwnBasemap | null = null): LayerSpecification[] {
  const basemap = basemapLayers(language);
  return [
    ...basemap.ground,
    ...(own ? ownBasemapLayers(own, language) : []),
    ...basemap.under,
    ...recordLayers(language),
    ...basemap.dots,
    ...routeFocusLayers(),
    ...basemap.labels,
  ];
}

const RECORD_SOURCES: readonly string[] = [RECORD_SOURCE, RECORD_SYMBOLS_SOURCE];
const isRecordLayer = (layer: LayerSpecification) => 'source' in layer && RECORD_SOURCES.includes(layer.source as string);

/**
 * The style without the record, and what adds it: the live map draws the basemap first and the record
 * right after (its first frame does not wait for the record's tiles), in the same layer order.
 */
export function recordLater(style: StyleSpecification) {
  const { [RECORD_SOURCE]: source, [RECORD_SYMBOLS_SOURCE]: _symbols, ...sources } = style.sources;
  const last = style.layers.findLastIndex(isRecordLayer);
  return {
    base: { ...style, sources, layers: style.layers.filter((layer) => !isRecordLayer(layer)) },
    source,
    layers: style.layers.filter(isRecordLayer),
    /** The layer the record's layers go under. */
    beforeId: style.layers[last + 1]?.id,
  };
}

/** A copy of a style drawing the symbols listed (record-states.ts): for maps drawn off screen (exports, the PDF pack). */
export function withSymbols(style: StyleSpecification, symbols: Record<string, string>): StyleSpecification {
  return { ...style, state: { ...style.state, [SYMBOLS_STATE]: { default: symbols } } };
}
