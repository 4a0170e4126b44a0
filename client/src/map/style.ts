import { AS_OF_STATE, asOfNumber, RECORD_TILE_MAX_ZOOM } from '@domain/drawing/dated-drawing';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Language } from '../i18n/language';
import { ATTRIBUTION } from './attribution';
import type { Basemap, OwnBasemap } from './basemap-data';
import { fontFaces, LABEL_SCALE_STATE } from './fonts';
import { BASEMAP_SOURCES, basemapLayers } from './layers/basemap';
import { ownBasemapLayers, ownBasemapSources, ownBasemapStyleExtras } from './layers/own-basemap';
import { RECORD_SOURCE, recordLayers } from './layers/record-features';
import { ROUTE_FOCUS_SOURCES, routeFocusLayers } from './layers/route-focus';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The whole style: embedded basemap (no tile server, no glyph server) — with the deployment's own basemap over its
 * land and water when one is configured (README "Your own basemap") — plus the record's layers, which
 * read up to `states` states per feature and load `recordTiles` (both from GET /api/map/tiles.json: the
 * tile URLs name the record's revision) and show the record as of `asOf`.
 */
export function buildStyle(
  basemap: Basemap,
  language: Language,
  baseUrl: string,
  asOf: string | null,
  record: { states: number; tiles: string[] },
): StyleSpecification {
  const geojson = (data: FeatureCollection, attribution?: string) =>
    ({ type: 'geojson', data, ...(attribution ? { attribution } : {}) }) as const;
  return {
    version: 8,
    name: 'Border Atlas offline',
    'font-faces': fontFaces(basemap.fontFiles, baseUrl),
    ...ownBasemapStyleExtras(basemap.own),
    state: { [LABEL_SCALE_STATE]: { default: 1 }, [AS_OF_STATE]: { default: asOfNumber(asOf) } },
    sources: {
      [BASEMAP_SOURCES.land]: geojson(basemap.land, ATTRIBUTION),
      [BASEMAP_SOURCES.borders]: geojson(basemap.borders),
      [BASEMAP_SOURCES.provinces]: geojson(basemap.provinces),
      [BASEMAP_SOURCES.provinceLines]: geojson(basemap.province_lines),
      [BASEMAP_SOURCES.provinceLabels]: geojson(basemap.provinceLabels),
      [BASEMAP_SOURCES.places]: geojson(basemap.places),
      [BASEMAP_SOURCES.rivers]: geojson(basemap.rivers),
      [RECORD_SOURCE]: {
        type: 'vector',
        tiles: record.tiles,
        maxzoom: RECORD_TILE_MAX_ZOOM,
        promoteId: 'id',
      },
      [ROUTE_FOCUS_SOURCES.waypoints]: { type: 'geojson', data: EMPTY },
      ...(basemap.own ? ownBasemapSources(basemap.own, baseUrl) : {}),
    },
    layers: layerStack(language, record.states, basemap.own),
  };
}

/**
 * The layers from the bottom up: the basemap's land and water; the deployment's own basemap (roads, relief,
 * villages), if any; the basemap's provinces and borders; the record; the towns' dots; a selected route's numbered
 * places (over the dots of the towns they are, never under); the towns' names on top, placed first.
 */
export function layerStack(language: Language, states: number, own: OwnBasemap | null = null): LayerSpecification[] {
  const basemap = basemapLayers(language);
  return [
    ...basemap.ground,
    ...(own ? ownBasemapLayers(own, language) : []),
    ...basemap.under,
    ...recordLayers(language, states),
    ...basemap.dots,
    ...routeFocusLayers(),
    ...basemap.labels,
  ];
}

/**
 * The style without the record, and what adds it: the live map draws the basemap first and the record
 * right after (its first frame does not wait for the record's tiles), in the same layer order.
 */
export function recordLater(style: StyleSpecification) {
  const { [RECORD_SOURCE]: source, ...sources } = style.sources;
  const isRecord = (layer: LayerSpecification) => 'source' in layer && layer.source === RECORD_SOURCE;
  const last = style.layers.findLastIndex(isRecord);
  return {
    base: { ...style, sources, layers: style.layers.filter((layer) => !isRecord(layer)) },
    source,
    layers: style.layers.filter(isRecord),
    /** The layer the record's layers go under. */
    beforeId: style.layers[last + 1]?.id,
  };
}

/** A copy of a style showing the record as of `asOf` (for maps drawn off screen: exports, the PDF pack). */
export function withAsOf(style: StyleSpecification, asOf: string | null): StyleSpecification {
  return { ...style, state: { ...style.state, [AS_OF_STATE]: { default: asOfNumber(asOf) } } };
}
