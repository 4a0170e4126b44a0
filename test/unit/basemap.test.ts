import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { BASEMAP_GZ_BUDGET_KB, basemapGzKb } from '../../bench/size';
import { panLimits, REGION_BOUNDS } from '../../client/src/map/map-region';
import { projectRoot } from '../helpers/app';

const topology = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'basemap', 'output', 'basemap.topojson'), 'utf8')) as Topology;
const frame = topology.bbox as [number, number, number, number];
const [west, south, east, north] = panLimits(frame);
const land = feature(topology, topology.objects.land as never) as unknown as FeatureCollection<Polygon | MultiPolygon>;
const onLand = (point: [number, number]) =>
  land.features.some((country: Feature<Polygon | MultiPolygon>) => booleanPointInPolygon(point, country));

/** Every place the record draws: a feature's point, each side of a pair, each waypoint of a route. */
function recordPositions(): { where: string; at: [number, number] }[] {
  const features = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'record', 'features.json'), 'utf8')) as unknown[];
  const found: { where: string; at: [number, number] }[] = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, `${where}[${index}]`);
    } else if (value && typeof value === 'object') {
      const location = (value as { location?: { coordinates?: [number, number] } }).location;
      if (location?.coordinates) found.push({ where, at: location.coordinates });
      for (const [key, child] of Object.entries(value)) walk(child, `${where}.${key}`);
    }
  };
  for (const [index, item] of features.entries()) walk(item, (item as { id?: string }).id ?? String(index));
  return found;
}

/** Points every `step` degrees along a line of latitude or longitude of the map's bounds. */
const along = (from: number, to: number, at: (value: number) => [number, number], step = 0.02) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, index) => at(from + index * step));

describe('the embedded basemap', () => {
  it('stops the map inside its own frame, which holds the opening view', () => {
    expect(west).toBeGreaterThan(frame[0]);
    expect(south).toBeGreaterThan(frame[1]);
    expect(east).toBeLessThan(frame[2]);
    expect(north).toBeLessThan(frame[3]);
    const [openWest, openSouth, openEast, openNorth] = REGION_BOUNDS;
    expect(west <= openWest && south <= openSouth && east >= openEast && north >= openNorth).toBe(true);
  });

  it("reaches every place the record draws with half a degree to spare (Kunming, Pu'er, northern Laos, the Gulf of Tonkin)", () => {
    const positions = recordPositions();
    expect(positions.length).toBeGreaterThan(50);
    const MARGIN = 0.5;
    const outside = positions.filter(
      ({ at: [lng, lat] }) => lng - MARGIN < west || lng + MARGIN > east || lat - MARGIN < south || lat + MARGIN > north,
    );
    expect(outside.map(({ where, at }) => `${where} ${at.join(',')}`)).toEqual([]);
  });

  it('draws land all along the edges where there is land, so no band of sea colour shows at the edge of the map', () => {
    // The north edge (China) and the west edge (Thailand, Myanmar, China) are inland all along.
    const northEdge = along(west, east, (lng) => [lng, north]);
    const westEdge = along(south, north, (lat) => [west, lat]);
    expect([...northEdge, ...westEdge].filter((point) => !onLand(point))).toEqual([]);
    // The south and east edges meet real sea only: the Gulf of Tonkin and the South China Sea, east of Vietnam's
    // coast (≈105.6°E at 19°N) and south of Guangxi's and Guangdong's (≈21.5°N at 110°E).
    const southSea = along(west, east, (lng) => [lng, south]).filter((point) => !onLand(point));
    const eastSea = along(south, north, (lat) => [east, lat]).filter((point) => !onLand(point));
    expect(southSea.length).toBeGreaterThan(0);
    expect(southSea.filter(([lng]) => lng < 105.5)).toEqual([]);
    expect(eastSea.filter(([, lat]) => lat > 21.7)).toEqual([]);
    expect(new Set(land.features.map((country) => country.properties?.iso3))).toEqual(new Set(['VNM', 'CHN', 'LAO', 'MMR', 'THA']));
  });

  it(`stays within its download budget (${BASEMAP_GZ_BUDGET_KB} kB gzip)`, () => {
    expect(basemapGzKb()).toBeLessThanOrEqual(BASEMAP_GZ_BUDGET_KB);
  });
});
