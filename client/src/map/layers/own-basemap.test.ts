import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { OwnBasemap } from '../basemap-data';
import { LABEL_FONT, LABEL_SCALE_STATE } from '../fonts';
import { layerStack } from '../style';
import { OWN_ARCHIVE_SOURCE, ownBasemapAttribution, ownBasemapLayers, ownBasemapSources } from './own-basemap';
import { RECORD_LAYERS } from './record-features';

const archive: OwnBasemap = {
  kind: 'pmtiles',
  url: '/basemap/own.pmtiles?v=1',
  name: 'Region',
  attribution: '© OpenStreetMap',
  bounds: [106, 21, 107, 22],
  minzoom: 0,
  maxzoom: 15,
};

const officeStyle: OwnBasemap = {
  kind: 'style',
  url: 'https://tiles.office.local/style.json',
  style: {
    sources: { roads: { type: 'vector', tiles: ['https://tiles.office.local/{z}/{x}/{y}.pbf'], attribution: '<a href="x">© Office</a>' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#fff' } },
      { id: 'road', type: 'line', source: 'roads', 'source-layer': 'road' },
    ],
  },
};

/** Every `text-font` anywhere in a value (layouts and the sections of formatted labels). */
function fontsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(fontsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => (key === 'text-font' ? [inner] : fontsIn(inner)));
  }
  return [];
}

describe("a deployment's own basemap in the style", () => {
  it.each(['vi', 'en', 'zh'] as const)(
    'draws a Protomaps archive as a valid style with our bundled font only and no sprite (%s)',
    (language) => {
      const layers = layerStack(language, archive);
      const sources = {
        ...Object.fromEntries(
          layers.flatMap((layer) =>
            'source' in layer && typeof layer.source === 'string'
              ? [[layer.source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }]]
              : [],
          ),
        ),
        ...ownBasemapSources(archive, 'http://atlas.local/'),
      };
      expect(validateStyleMin({ version: 8, sources, layers } as never)).toEqual([]);
      const own = ownBasemapLayers(archive, language);
      expect(own.map((layer) => layer.id)).toEqual(expect.arrayContaining(['own-earth', 'own-roads_major', 'own-places_locality']));
      for (const font of fontsIn(own)) expect([[LABEL_FONT], ['literal', [LABEL_FONT]]]).toContainEqual(font);
      expect(JSON.stringify(own)).not.toContain('icon-image');
      expect(own.some((layer) => layer.type === 'background')).toBe(false);
    },
  );

  it('draws its labels larger in presentation mode, as ours (every label size reads the label scale)', () => {
    const labels = ownBasemapLayers(archive, 'vi').filter((layer) => layer.type === 'symbol');
    expect(labels.length).toBeGreaterThan(5);
    for (const layer of labels)
      expect(JSON.stringify(layer.layout?.['text-size'] ?? LABEL_SCALE_STATE), layer.id).toContain(LABEL_SCALE_STATE);
  });

  it('labels its places in the UI language (the schema’s name:vi, name:en, name:zh-Hans)', () => {
    const label = (language: 'vi' | 'en' | 'zh') =>
      JSON.stringify(
        (ownBasemapLayers(archive, language).find((layer) => layer.id === 'own-places_locality') as LayerSpecification & { layout: object })
          .layout,
      );
    expect(label('vi')).toContain('name:vi');
    expect(label('zh')).toContain('name:zh-Hans');
    expect(label('en')).toContain('name:en');
  });

  it('lies over the embedded land and water, under the embedded borders and the record', () => {
    const order = layerStack('vi', archive).map((layer) => layer.id);
    const at = (id: string) => order.indexOf(id);
    expect(at('own-earth')).toBeGreaterThan(at('basemap-land'));
    expect(at('own-places_locality')).toBeLessThan(at('basemap-borders'));
    expect(at('own-roads_highway')).toBeLessThan(at(RECORD_LAYERS.points));
    expect(layerStack('vi').some((layer) => layer.id.startsWith('own-'))).toBe(false);
  });

  it("reads the archive's tiles through the pmtiles protocol from this server, with its area, zooms and credit", () => {
    expect(ownBasemapSources(archive, 'http://atlas.local/map?x=1')).toEqual({
      [OWN_ARCHIVE_SOURCE]: {
        type: 'vector',
        tiles: ['pmtiles://http://atlas.local/basemap/own.pmtiles?v=1/{z}/{x}/{y}'],
        minzoom: 0,
        maxzoom: 15,
        bounds: [106, 21, 107, 22],
        attribution: '© OpenStreetMap',
      },
    });
  });

  it("takes an office style's sources and layers under prefixed names, without its background, credited as text", () => {
    expect(Object.keys(ownBasemapSources(officeStyle, 'http://atlas.local/'))).toEqual(['own-roads']);
    expect(ownBasemapLayers(officeStyle, 'vi')).toEqual([{ id: 'own-road', type: 'line', source: 'own-roads', 'source-layer': 'road' }]);
    expect(ownBasemapAttribution(officeStyle)).toBe('© Office');
  });
});
