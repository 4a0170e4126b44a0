import { STATUSES } from '@domain/vocabulary';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LABEL_SCALE_STATE } from '../fonts';
import { basemapLayers } from './basemap';
import { CLICKABLE_LAYERS, RECORD_LAYERS, RECORD_SOURCE, recordLayers } from './record-features';
import { routeFocusLayers } from './route-focus';

const emptySource = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } as const;

function styleWith(language: 'vi' | 'en' | 'zh') {
  const { under, labels } = basemapLayers(language);
  const layers = [...under, ...recordLayers(language, 3), ...labels];
  const sources = Object.fromEntries(
    layers.flatMap((layer) => ('source' in layer && typeof layer.source === 'string' ? [[layer.source, emptySource]] : [])),
  );
  return { version: 8 as const, sources, layers };
}

describe('map layers', () => {
  it.each(['vi', 'en', 'zh'] as const)('form a valid MapLibre style (%s labels)', (language) => {
    expect(validateStyleMin(styleWith(language) as never)).toEqual([]);
  });

  it('colour every status of the shared vocabulary', () => {
    const points = recordLayers('vi', 3).find((layer) => layer.id === 'record-uncertainty');
    const serialized = JSON.stringify(points);
    for (const status of STATUSES) expect(serialized).toContain(status.color);
  });

  it('make every clickable layer draw from the record source', () => {
    const layers = recordLayers('vi', 3);
    for (const id of CLICKABLE_LAYERS) {
      const layer = layers.find((candidate) => candidate.id === id);
      expect(layer && 'source' in layer ? layer.source : undefined).toBe(RECORD_SOURCE);
    }
  });

  it('label in the chosen language with Vietnamese as fallback, short names at overview zooms', () => {
    const labels = JSON.stringify(recordLayers('zh', 3).find((layer) => layer.id === 'record-labels'));
    expect(labels).toContain('["coalesce",["get","name_zh"],["get","name_vi"]]');
    expect(labels).toContain('["step",["zoom"],["coalesce",["get","short_zh"],["get","short_vi"]]');
  });

  it('scale every label with the presentation label size, and leave symbols that are not text alone', () => {
    const { under, labels } = basemapLayers('vi');
    const textLayers = [...under, ...recordLayers('vi', 3), ...routeFocusLayers(), ...labels].filter(
      (layer) => layer.type === 'symbol' && layer.layout?.['text-field'] && layer.id !== RECORD_LAYERS.routeArrows,
    );
    expect(textLayers.length).toBeGreaterThanOrEqual(5);
    for (const layer of textLayers)
      expect(JSON.stringify(layer.type === 'symbol' ? layer.layout?.['text-size'] : null), layer.id).toContain(
        `["global-state","${LABEL_SCALE_STATE}"]`,
      );
  });
});
