import { STATUSES } from '@domain/vocabulary';
import { createExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LABEL_SCALE_STATE } from '../fonts';
import { COOPERATION_COLOR, DISAGREEMENT_COLOR, PAIRING_COLOR, ZH_INFERRED_MARK } from '../palette';
import { layerStack } from '../style';
import { PLACE_LABEL_LAYER } from './basemap';
import { CLICKABLE_LAYERS, RECORD_LAYERS, RECORD_SOURCE, RECORD_SYMBOLS_SOURCE, recordLayers } from './record-features';

const emptySource = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } as const;

function styleWith(language: 'vi' | 'en' | 'zh') {
  const layers = layerStack(language);
  const sources = Object.fromEntries(
    layers.flatMap((layer) => ('source' in layer && typeof layer.source === 'string' ? [[layer.source, emptySource]] : [])),
  );
  return { version: 8 as const, sources, layers };
}

describe('map layers', () => {
  it.each(['vi', 'en', 'zh'] as const)('form a valid MapLibre style (%s labels)', (language) => {
    expect(validateStyleMin(styleWith(language) as never)).toEqual([]);
  });

  it("draw a selected route's numbered places over the towns' dots (they are often those towns) and under the towns' names", () => {
    const order = layerStack('vi').map((layer) => layer.id);
    const at = (id: string) => order.indexOf(id);
    expect(at('basemap-place-dots')).toBeGreaterThan(at(RECORD_LAYERS.points));
    expect(at('route-waypoints')).toBeGreaterThan(at('basemap-place-dots'));
    expect(at('route-waypoint-numbers')).toBeGreaterThan(at('route-waypoints'));
    expect(at(PLACE_LABEL_LAYER)).toBeGreaterThan(at('route-waypoint-numbers'));
  });

  it('colour every status of the shared vocabulary', () => {
    const points = recordLayers('vi').find((layer) => layer.id === 'record-uncertainty');
    const serialized = JSON.stringify(points);
    for (const status of STATUSES) expect(serialized).toContain(status.color);
  });

  it('make every clickable layer draw from the record’s tiles, symbols from their own source', () => {
    const layers = recordLayers('vi');
    for (const id of CLICKABLE_LAYERS) {
      const layer = layers.find((candidate) => candidate.id === id);
      expect(layer && 'source' in layer ? layer.source : undefined).toBe(
        id === RECORD_LAYERS.points ? RECORD_SYMBOLS_SOURCE : RECORD_SOURCE,
      );
    }
  });

  it('label in the chosen language with Vietnamese as fallback, short names at overview zooms', () => {
    const labels = JSON.stringify(recordLayers('zh').find((layer) => layer.id === 'record-labels'));
    expect(labels).toContain('["coalesce",["get","name_zh"],["get","name_vi"]]');
    expect(labels).toContain('["step",["zoom"],["coalesce",["get","short_zh"],["get","short_vi"]]');
  });

  it('scale every label with the presentation label size, and leave symbols that are not text alone', () => {
    const textLayers = layerStack('vi').filter(
      (layer) => layer.type === 'symbol' && layer.layout?.['text-field'] && layer.id !== RECORD_LAYERS.routeArrows,
    );
    expect(textLayers.length).toBeGreaterThanOrEqual(5);
    for (const layer of textLayers)
      expect(JSON.stringify(layer.type === 'symbol' ? layer.layout?.['text-size'] : null), layer.id).toContain(
        `["global-state","${LABEL_SCALE_STATE}"]`,
      );
  });
});

/** The feature tests evaluate on ("f"), listed as a drawn symbol, in its first state. */
const GLOBAL_STATE = { symbols: { f: 'shape:bilateral:operating:solid|bilateral' } };
const FEATURE_STATE = { s: 0 };
/** "#8e7cc3" as MapLibre prints an evaluated colour. */
const rgba = (hex: string) => `rgba(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(',')},1)`;

/** Evaluates a layer's expression for one feature as MapLibre would (no map needed). */
function evaluateOn(expression: unknown, spec: unknown, properties: Record<string, unknown>, type: string, zoom = 10): unknown {
  const parsed = createExpression(expression, 'test', spec as never, GLOBAL_STATE);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const result = parsed.value.evaluate({ zoom }, { type, properties: { id: 'f', ...properties } } as never, FEATURE_STATE);
  return result !== null && typeof result === 'object' && !Array.isArray(result) ? String(result) : result;
}

const layerById = (id: string, language: 'vi' | 'zh' = 'vi') => {
  const layer = recordLayers(language).find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return layer;
};
/** A paint property of a layer for one feature. */
const paintOf = (layer: LayerSpecification, property: string, properties: Record<string, unknown>, type = 'LineString', zoom = 10) =>
  evaluateOn(
    (layer as { paint: Record<string, unknown> }).paint[property],
    (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`][property],
    properties,
    type,
    zoom,
  );
/** Whether a layer draws the feature on the date of its first state: its filter, and (record source) its opacity. */
const passes = (layer: LayerSpecification, properties: Record<string, unknown>, type = 'LineString') => {
  if (!evaluateOn('filter' in layer ? layer.filter : true, latest.filter, properties, type)) return false;
  const opacity = { fill: 'fill-opacity', line: 'line-opacity', circle: 'circle-stroke-opacity', symbol: 'icon-opacity' }[
    layer.type as string
  ];
  const paint = (layer as { paint?: Record<string, unknown> }).paint;
  return (
    !('source' in layer && layer.source === RECORD_SOURCE && opacity && paint) || Number(paintOf(layer, opacity, properties, type)) > 0
  );
};

describe('the uncertainty of an approximate position', () => {
  it('is a tinted disc from afar and an outline alone close up, where the disc would cover the view', () => {
    const halo = layerById(RECORD_LAYERS.uncertainty);
    const approximate = { approximate: true, precision: 'approximate', 'from@0': 20220101, 'status@0': 'agreed' };
    expect(paintOf(halo, 'circle-opacity', approximate, 'Point', 7)).toBeGreaterThan(0);
    expect(paintOf(halo, 'circle-opacity', approximate, 'Point', 12)).toBe(0);
    expect(paintOf(halo, 'circle-stroke-opacity', approximate, 'Point', 12)).toBeGreaterThan(0.5);
    // Still at ground scale: ≈10 km is hundreds of pixels across at zoom 12.
    expect(paintOf(halo, 'circle-radius', approximate, 'Point', 12)).toBeGreaterThan(200);
  });
});

describe('pairings and cooperation mechanisms', () => {
  const pairings = layerById(RECORD_LAYERS.pairings);
  const known = { 'from@0': 20220101, 'status@0': 'operating' };

  it('draw both kinds on the pairings layer (the OGC collection holds both too)', () => {
    for (const kind of ['pairing', 'cooperation']) expect(passes(pairings, { kind, ...known }), kind).toBe(true);
    expect(passes(pairings, { kind: 'route', ...known })).toBe(false);
  });

  it('tell them apart by colour and dash, read from the feature', () => {
    expect(paintOf(pairings, 'line-color', { kind: 'pairing' })).toBe(rgba(PAIRING_COLOR));
    expect(paintOf(pairings, 'line-color', { kind: 'cooperation' })).toBe(rgba(COOPERATION_COLOR));
    expect(paintOf(pairings, 'line-dasharray', { kind: 'cooperation' })).not.toEqual(
      paintOf(pairings, 'line-dasharray', { kind: 'pairing' }),
    );
  });
});

describe('positions sources disagree on', () => {
  const known = { 'from@0': 20220101, 'status@0': 'operating', approximate: true, parent: 'chi-ma' };

  it('are drawn as a ring and a dashed link, and a click on the ring selects the pair', () => {
    expect(passes(layerById(RECORD_LAYERS.reported), { kind: 'reported', ...known }, 'Point')).toBe(true);
    expect(passes(layerById(RECORD_LAYERS.reportedLinks), { kind: 'reported_link', ...known })).toBe(true);
    expect(paintOf(layerById(RECORD_LAYERS.reported), 'circle-stroke-color', { kind: 'reported' }, 'Point')).toBe(rgba(DISAGREEMENT_COLOR));
    expect(CLICKABLE_LAYERS).toContain(RECORD_LAYERS.reported);
  });

  it('draw no symbol, halo, selection ring or label of their own', () => {
    for (const id of [
      RECORD_LAYERS.points,
      RECORD_LAYERS.uncertainty,
      RECORD_LAYERS.selection,
      RECORD_LAYERS.upgradeRings,
      RECORD_LAYERS.labels,
    ])
      expect(passes(layerById(id), { kind: 'reported', ...known, 'upgradeStatus@0': 'proposed' }, 'Point'), id).toBe(false);
  });
});

describe('Chinese labels', () => {
  it('mark a full name that is partly our reading as inferred, and no other', () => {
    const labels = layerById(RECORD_LAYERS.labels);
    const zhLabels = layerById(RECORD_LAYERS.labels, 'zh');
    const field = (layer: LayerSpecification, properties: Record<string, unknown>, zoom: number) =>
      String(
        evaluateOn(
          (layer as { layout: Record<string, unknown> }).layout['text-field'],
          latest.layout_symbol['text-field'],
          properties,
          'Point',
          zoom,
        ),
      );
    const names = { name_vi: 'Chi Ma – Ái Điểm', name_zh: '峙马—爱店', short_vi: 'Chi Ma', short_zh: '爱店' };
    expect(field(zhLabels, { ...names, zh_inferred: true }, 10)).toBe(`峙马—爱店${ZH_INFERRED_MARK}`);
    expect(field(zhLabels, { ...names, zh_inferred: false }, 10)).toBe('峙马—爱店');
    // The short name at overview zooms is the Chinese side's own, the part a source gives.
    expect(field(zhLabels, { ...names, zh_inferred: true }, 6)).toBe('爱店');
    // No Chinese name: the Vietnamese one stands in, unmarked; Vietnamese labels are never marked.
    expect(field(zhLabels, { name_vi: 'Chi Ma', short_vi: 'Chi Ma', zh_inferred: true }, 10)).toBe('Chi Ma');
    expect(field(labels, { ...names, zh_inferred: true }, 10)).toBe('Chi Ma – Ái Điểm');
  });
});
