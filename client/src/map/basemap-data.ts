import { type BasemapDescription, basemapDescription } from '@domain/api';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { z } from 'zod';

/** The objects the basemap build writes (geodata/basemap/output/README.md). */
export const BASEMAP_OBJECTS = ['land', 'borders', 'provinces', 'province_lines', 'places', 'rivers'] as const;
type BasemapObject = (typeof BASEMAP_OBJECTS)[number];

/**
 * The deployment's own basemap, drawn over the embedded land and water and under the record (README "Your own
 * basemap"): a PMTiles archive the app serves, or the sources and layers of an office tile server's style.
 */
export type OwnBasemap =
  | Extract<BasemapDescription, { kind: 'pmtiles' }>
  | { kind: 'style'; url: string; style: { sources: Record<string, unknown>; layers: unknown[]; sprite?: unknown; glyphs?: string } };

export type Basemap = Record<BasemapObject, FeatureCollection> & {
  provinceLabels: FeatureCollection<Point>;
  fontFiles: FontFile[];
  /** The frame the build clipped every layer to [west, south, east, north]: the map pans no further. */
  bbox: [number, number, number, number];
  /** null: the embedded basemap alone (none configured, or the configured one failed: `ownProblem`). */
  own: OwnBasemap | null;
  /** Why a configured basemap is not drawn (the map says so): `archive_unreadable`, `style_unreachable`. */
  ownProblem: string | null;
};

const frame = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** The name of the deployment's own basemap, for the legend: the archive's own name, else the file or the style's server. */
export function ownBasemapName(own: OwnBasemap | null): string | null {
  if (!own) return null;
  if (own.kind === 'style') return new URL(own.url).host;
  return own.name || 'PMTiles';
}

/** A MapLibre style as far as the map takes it from an office's tile server (its sources and layers). */
const remoteStyle = z.object({
  sources: z.record(z.string(), z.unknown()),
  layers: z.array(z.unknown()),
  sprite: z.unknown().optional(),
  glyphs: z.string().optional(),
});

/**
 * How long the map waits for an office's style before it draws the embedded basemap alone, said: a tile server that
 * takes the connection and never answers (a proxy or firewall in between) must not leave the map blank.
 */
const STYLE_TIMEOUT_MS = 10_000;

/** GET /api/basemap, and a configured style fetched from its server; any failure leaves the embedded basemap, said. */
async function loadOwnBasemap(signal?: AbortSignal): Promise<Pick<Basemap, 'own' | 'ownProblem'>> {
  let described: BasemapDescription;
  try {
    const response = await fetch('/api/basemap', { signal });
    // A server without the endpoint (older) or failing: the embedded basemap, as before.
    if (!response.ok) return { own: null, ownProblem: null };
    described = basemapDescription.parse(await response.json());
  } catch (error) {
    if (signal?.aborted) throw error;
    return { own: null, ownProblem: null };
  }
  if (described.kind === 'embedded') return { own: null, ownProblem: described.problem ?? null };
  if (described.kind === 'pmtiles') return { own: described, ownProblem: null };
  try {
    const timeout = AbortSignal.timeout(STYLE_TIMEOUT_MS);
    const response = await fetch(described.url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { own: { kind: 'style', url: described.url, style: remoteStyle.parse(await response.json()) }, ownProblem: null };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { own: null, ownProblem: 'style_unreachable' };
  }
}

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
  const [topologyResponse, fontsResponse, own] = await Promise.all([
    fetch('/basemap/basemap.topojson', { signal }),
    fetch('/basemap/fonts/fonts.json', { signal }),
    loadOwnBasemap(signal),
  ]);
  if (!topologyResponse.ok) throw new Error(`Basemap not found (HTTP ${topologyResponse.status})`);
  const topology = (await topologyResponse.json()) as Topology;
  const fontFiles = fontsResponse.ok ? z.array(fontFile).parse(await fontsResponse.json()) : [];
  const collections = Object.fromEntries(BASEMAP_OBJECTS.map((name) => [name, asCollection(topology, name)])) as Record<
    BasemapObject,
    FeatureCollection
  >;
  return {
    ...collections,
    provinceLabels: provinceLabelPoints(collections.provinces),
    fontFiles,
    bbox: frame.parse(topology.bbox),
    ...own,
  };
}
