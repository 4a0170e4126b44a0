import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { Language } from '../state/url-state';
import type { Basemap } from './basemap-data';
import { fontFaces, LABEL_SCALE_STATE } from './fonts';
import { BASEMAP_SOURCES, basemapLayers } from './layers/basemap';
import { RECORD_SOURCE, recordLayers } from './layers/record-features';
import { ROUTE_FOCUS_SOURCES, routeFocusLayers } from './layers/route-focus';

export const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> (ODbL) · Natural Earth · GeoNames (CC BY 4.0) · GSHHG · Noto (OFL)';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The whole style: embedded basemap (no tile server, no glyph server) plus the record's layers. */
export function buildStyle(basemap: Basemap, language: Language, baseUrl: string): StyleSpecification {
  const geojson = (data: FeatureCollection, attribution?: string) =>
    ({ type: 'geojson', data, ...(attribution ? { attribution } : {}) }) as const;
  const basemapGroups = basemapLayers(language);
  return {
    version: 8,
    name: 'Border Atlas offline',
    'font-faces': fontFaces(basemap.fontFiles, baseUrl),
    state: { [LABEL_SCALE_STATE]: { default: 1 } },
    sources: {
      [BASEMAP_SOURCES.land]: geojson(basemap.land, ATTRIBUTION),
      [BASEMAP_SOURCES.borders]: geojson(basemap.borders),
      [BASEMAP_SOURCES.provinces]: geojson(basemap.provinces),
      [BASEMAP_SOURCES.provinceLines]: geojson(basemap.province_lines),
      [BASEMAP_SOURCES.provinceLabels]: geojson(basemap.provinceLabels),
      [BASEMAP_SOURCES.places]: geojson(basemap.places),
      [BASEMAP_SOURCES.rivers]: geojson(basemap.rivers),
      [RECORD_SOURCE]: { type: 'geojson', data: EMPTY, promoteId: 'id' },
      [ROUTE_FOCUS_SOURCES.waypoints]: { type: 'geojson', data: EMPTY },
    },
    layers: [...basemapGroups.under, ...recordLayers(language), ...routeFocusLayers(), ...basemapGroups.labels],
  };
}
