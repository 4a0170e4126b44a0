/**
 * Writes derived positions into geodata/record/features.json from the rules in
 * geodata/record/position-rules.json (see its "note"): estimates for places no source locates,
 * and route waypoints from the basemap's GeoNames towns. Re-run after the basemap or the rules
 * change:  npx tsx scripts/derive-positions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import along from '@turf/along';
import destination from '@turf/destination';
import { lineString, point } from '@turf/helpers';
import length from '@turf/length';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import pointToLineDistance from '@turf/point-to-line-distance';
import polygonToLine from '@turf/polygon-to-line';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

type Anchor = { marker: number; source: string; coordinates?: Position; provinceJunction?: [string, string] };
type Estimate = {
  featureId: string;
  basis: string;
  marker?: number;
  alongLineFromMarker?: number;
  km?: number;
  nearestOnLineTo?: Position;
  nearestOnLineToPlace?: string;
  /** A point `km` away from a town on a compass bearing, then the nearest point of the line. */
  fromPlace?: { place: string; km: number; bearing: number };
  /** The seaward end of the land boundary line (the Bắc Luân river mouth). */
  lineEnd?: boolean;
  sameAs?: string;
};

const root = join(import.meta.dirname, '..');
const recordDir = join(root, 'geodata', 'record');
const round = (value: number) => Math.round(value * 1e5) / 1e5;

export function loadBoundary(topology: Topology): Feature<LineString> {
  const borders = topoFeature(topology, topology.objects.borders) as FeatureCollection;
  const vnCn = borders.features.find((f) => f.properties?.pair === 'VN-CN');
  if (vnCn?.geometry.type !== 'LineString') throw new Error('basemap lacks a single VN-CN boundary LineString');
  return vnCn as Feature<LineString>;
}

/** Distance (km) along the line, from the tripoint, of the point on it nearest `position`. */
const kmAlong = (line: Feature<LineString>, position: Position) => nearestPointOnLine(line, point(position)).properties.totalDistance;

/** The vertex of the line closest to both provinces' outlines: where their boundary meets the line. */
export function provinceJunctionKm(
  line: Feature<LineString>,
  a: Feature<Polygon | MultiPolygon>,
  b: Feature<Polygon | MultiPolygon>,
): number {
  const outline = (p: Feature<Polygon | MultiPolygon>) => {
    const lines = polygonToLine(p);
    return 'features' in lines ? lines.features : [lines];
  };
  const [outlineA, outlineB] = [outline(a), outline(b)];
  const distanceTo = (outlines: Feature[], position: Position) =>
    Math.min(...outlines.map((o) => pointToLineDistance(point(position), o as Feature<LineString>)));
  let best = { km: Number.NaN, score: Number.POSITIVE_INFINITY };
  let travelled = 0;
  const coordinates = line.geometry.coordinates;
  for (let index = 0; index < coordinates.length; index += 1) {
    if (index > 0) travelled += length(lineString([coordinates[index - 1], coordinates[index]]));
    if (index % 3 !== 0) continue; // every third vertex (~100 m apart) is plenty for a ±2 km source
    const score = Math.max(distanceTo(outlineA, coordinates[index]), distanceTo(outlineB, coordinates[index]));
    if (score < best.score) best = { km: travelled, score };
  }
  if (best.score > 10) throw new Error('province junction not found near the boundary line');
  return best.km;
}

/** Position of marker `marker` by linear interpolation of distance along the line between anchors. */
export function interpolateMarker(anchors: { marker: number; km: number }[], marker: number): { km: number; between: [number, number] } {
  const sorted = [...anchors].sort((x, y) => x.marker - y.marker);
  const upper = sorted.findIndex((anchor) => anchor.marker >= marker);
  const [low, high] =
    upper <= 0 ? [sorted[0], sorted[1]] : upper === -1 ? [sorted.at(-2), sorted.at(-1)] : [sorted[upper - 1], sorted[upper]];
  if (!low || !high) throw new Error('need two anchors');
  const t = (marker - low.marker) / (high.marker - low.marker);
  return { km: low.km + t * (high.km - low.km), between: [low.marker, high.marker] };
}

function main() {
  const topology = JSON.parse(readFileSync(join(root, 'geodata', 'basemap', 'output', 'basemap.topojson'), 'utf8')) as Topology;
  const line = loadBoundary(topology);
  const provinces = topoFeature(topology, topology.objects.provinces) as FeatureCollection<Polygon | MultiPolygon>;
  const places = topoFeature(topology, topology.objects.places) as FeatureCollection;
  const spec = JSON.parse(readFileSync(join(recordDir, 'position-rules.json'), 'utf8')) as {
    anchors: Anchor[];
    estimates: Estimate[];
    routeWaypoints: { featureId: string; places: string[] }[];
  };
  const province = (code: string) => {
    const found = provinces.features.find((p) => p.properties?.code === code);
    if (!found) throw new Error(`province ${code} not in basemap`);
    return found;
  };
  const anchors = spec.anchors.map((anchor) => ({
    ...anchor,
    km: anchor.coordinates
      ? kmAlong(line, anchor.coordinates)
      : provinceJunctionKm(line, province(anchor.provinceJunction?.[0] ?? ''), province(anchor.provinceJunction?.[1] ?? '')),
  }));
  const anchorSource = (marker: number) => anchors.find((a) => a.marker === marker)?.source ?? '';
  const featuresPath = join(recordDir, 'features.json');
  const features = JSON.parse(readFileSync(featuresPath, 'utf8')) as {
    id: string;
    name: { vi: string; zh: string | null; en: string };
    location?: { coordinates: Position; precision?: string; provenance?: string; source?: string };
    waypoints?: unknown;
  }[];
  const placeNamed = (name: string) => {
    const place = places.features.find((p) => p.properties?.name_vi === name);
    if (place?.geometry.type !== 'Point') throw new Error(`place ${name} not in basemap`);
    return place as Feature<Point>;
  };
  const results = new Map<string, { coordinates: Position; source: string }>();

  for (const estimate of spec.estimates) {
    let km: number;
    let method: string;
    if (estimate.sameAs) {
      const same = results.get(estimate.sameAs)?.coordinates ?? features.find((f) => f.id === estimate.sameAs)?.location?.coordinates;
      if (!same) throw new Error(`${estimate.featureId}: no position for ${estimate.sameAs} (estimate it first)`);
      results.set(estimate.featureId, {
        coordinates: same,
        source: `Estimate: ${estimate.basis}; drawn at the position of ${estimate.sameAs}.`,
      });
      continue;
    }
    if (estimate.marker !== undefined) {
      const result = interpolateMarker(anchors, estimate.marker);
      km = result.km;
      method = `interpolated by marker number along the OpenStreetMap boundary line between marker ${result.between[0]} (${anchorSource(result.between[0])}) and marker ${result.between[1]} (${anchorSource(result.between[1])})`;
    } else if (estimate.alongLineFromMarker !== undefined && estimate.km !== undefined) {
      const from = anchors.find((a) => a.marker === estimate.alongLineFromMarker);
      if (!from) throw new Error(`${estimate.featureId}: no anchor at marker ${estimate.alongLineFromMarker}`);
      km = from.km + estimate.km;
      method = `${Math.abs(estimate.km)} km along the OpenStreetMap boundary line from marker ${from.marker} (${from.source})`;
    } else if (estimate.lineEnd) {
      km = length(line);
      method = 'the seaward end of the OpenStreetMap boundary line';
    } else if (estimate.fromPlace) {
      const { place: name, km: distance, bearing } = estimate.fromPlace;
      const target = destination(placeNamed(name), distance, bearing);
      km = kmAlong(line, target.geometry.coordinates);
      method = `the point of the OpenStreetMap boundary line nearest the point ${distance} km from ${name} (GeoNames) at bearing ${bearing}°`;
    } else if (estimate.nearestOnLineToPlace) {
      const place = placeNamed(estimate.nearestOnLineToPlace);
      km = kmAlong(line, place.geometry.coordinates);
      method = `the point of the OpenStreetMap boundary line nearest ${estimate.nearestOnLineToPlace} (${place.properties?.source ?? 'GeoNames'})`;
    } else if (estimate.nearestOnLineTo) {
      km = kmAlong(line, estimate.nearestOnLineTo);
      method = `the point of the OpenStreetMap boundary line nearest ${estimate.nearestOnLineTo[1]}, ${estimate.nearestOnLineTo[0]}`;
    } else {
      throw new Error(`${estimate.featureId}: no estimation rule`);
    }
    const position = along(line, km).geometry.coordinates;
    results.set(estimate.featureId, {
      coordinates: [round(position[0]), round(position[1])],
      source: `Estimate: ${estimate.basis}; ${method}.`,
    });
  }

  for (const feature of features) {
    const result = results.get(feature.id);
    if (!result) continue;
    feature.location = { coordinates: result.coordinates, precision: 'approximate', provenance: 'estimate', source: result.source };
  }
  for (const route of spec.routeWaypoints) {
    const feature = features.find((f) => f.id === route.featureId);
    if (!feature) throw new Error(`no feature ${route.featureId}`);
    feature.waypoints = route.places.map((name) => {
      if (name.startsWith('@')) {
        // Another feature of the record (a border crossing): its name and its own located position.
        const crossing = features.find((f) => f.id === name.slice(1));
        if (!crossing?.location) throw new Error(`${route.featureId}: waypoint ${name} has no position`);
        return { name: crossing.name, location: crossing.location };
      }
      const place = placeNamed(name);
      const { name_vi, name_zh, name_en, source, geonameid } = place.properties as Record<string, string | number | null>;
      const [lon, lat] = place.geometry.coordinates;
      return {
        name: { vi: name_vi, zh: name_zh ?? null, en: name_en },
        location: {
          coordinates: [round(lon), round(lat)],
          precision: '5km',
          provenance: 'sourced',
          source: `${source ?? 'GeoNames'} (${name_en}${geonameid ? `, geonameid ${geonameid}` : ''})`,
          note: 'Town position; the line between towns is schematic.',
        },
      };
    });
  }
  const missing = spec.estimates.filter((e) => !features.some((f) => f.id === e.featureId));
  if (missing.length > 0) throw new Error(`no feature for estimates: ${missing.map((m) => m.featureId).join(', ')}`);
  writeFileSync(featuresPath, `${JSON.stringify(features, null, 2)}\n`);
  for (const [id, result] of results) console.log(id.padEnd(26), result.coordinates.join(', '));
  for (const anchor of anchors) console.log(`anchor ${anchor.marker}`.padEnd(26), `${anchor.km.toFixed(1)} km along the line`);
}

if (process.argv[1] === import.meta.filename) main();
