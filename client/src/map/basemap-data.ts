import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { z } from 'zod';

/** The objects the basemap build writes (geodata/basemap/output/README.md). */
export const BASEMAP_OBJECTS = ['land', 'borders', 'provinces', 'province_lines', 'places', 'rivers'] as const;
type BasemapObject = (typeof BASEMAP_OBJECTS)[number];

export type Basemap = Record<BasemapObject, FeatureCollection> & {
  provinceLabels: FeatureCollection<Point>;
  fontFiles: FontFile[];
  /** The frame the build clipped every layer to [west, south, east, north]: the map pans no further. */
  bbox: [number, number, number, number];
};

const frame = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const fontFile = z.object({
  file: z.string(),
  family: z.string(),
  weight: z.number().optional(),
  unicodeRange: z.string(),
  /** TrueType copy and the code points it maps, for the PDF pack. */
  ttf: z.string().optional(),
  coverage: z.string().optional(),
});
export type FontFile = z.infer<typeof fontFile>;

function asCollection(topology: Topology, name: BasemapObject): FeatureCollection {
  const object = topology.objects[name];
  if (!object) return { type: 'FeatureCollection', features: [] };
  const converted = feature(topology, object) as FeatureCollection | Feature;
  return converted.type === 'FeatureCollection' ? converted : { type: 'FeatureCollection', features: [converted] };
}

/** One label point inside each province polygon (a centroid can fall outside a concave one). */
export function provinceLabelPoints(provinces: FeatureCollection): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: provinces.features
      .filter((province): province is Feature<Geometry> => province.geometry !== null)
      .map((province) => ({ ...pointOnFeature(province), properties: province.properties })),
  };
}

export async function loadBasemap(signal?: AbortSignal): Promise<Basemap> {
  const [topologyResponse, fontsResponse] = await Promise.all([
    fetch('/basemap/basemap.topojson', { signal }),
    fetch('/basemap/fonts/fonts.json', { signal }),
  ]);
  if (!topologyResponse.ok) throw new Error(`Basemap not found (HTTP ${topologyResponse.status})`);
  const topology = (await topologyResponse.json()) as Topology;
  const fontFiles = fontsResponse.ok ? z.array(fontFile).parse(await fontsResponse.json()) : [];
  const collections = Object.fromEntries(BASEMAP_OBJECTS.map((name) => [name, asCollection(topology, name)])) as Record<
    BasemapObject,
    FeatureCollection
  >;
  return { ...collections, provinceLabels: provinceLabelPoints(collections.provinces), fontFiles, bbox: frame.parse(topology.bbox) };
}
