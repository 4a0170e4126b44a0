import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../server/src/config';
import { KIND_BY_ID, STATUS_BY_ID } from '../server/src/domain/vocabulary';
import { loadRecord } from '../server/src/record/load-record';
import { writeSyntheticRecord } from './synthetic-record';

const roots: string[] = [];
/** A fresh <root>/record folder; the documents go to <root>/documents beside it. */
function freshRecordDir() {
  const root = mkdtempSync(join(tmpdir(), 'border-atlas-synthetic-'));
  roots.push(root);
  return join(root, 'record');
}
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Every file under a folder, path → bytes. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

describe('synthetic record', () => {
  const dir = freshRecordDir();
  const written = writeSyntheticRecord(dir, 1000);
  const record = loadRecord(readConfig({ BORDER_ATLAS_RECORD_DIR: dir }));

  it('is accepted by the real loader, with the counts it reports', () => {
    expect(written.features).toBe(1000);
    expect(record.features).toHaveLength(1000);
    expect(record.events).toHaveLength(written.events);
    expect(record.agreements).toHaveLength(20);
    expect(record.provinces.length).toBeGreaterThan(0);
    expect(record.agreements.every((agreement) => agreement.title.en.includes('not real data'))).toBe(true);
  });

  it('mixes kinds roughly like the real record', () => {
    const share = (kind: string) => record.features.filter((feature) => feature.kind === kind).length / 1000;
    expect(share('route')).toBeGreaterThan(0.15);
    expect(share('pairing')).toBeGreaterThan(0.15);
    expect(share('gate_pair')).toBeGreaterThan(0.1);
    expect(share('marker')).toBeGreaterThan(0.1);
    for (const kind of ['bridge', 'opening', 'channel', 'zone', 'special_road', 'market']) expect(share(kind)).toBeGreaterThan(0);
  });

  it('gives every feature with a status 3–6 steps, dated in order, never going back (upgrades aside)', () => {
    const byFeature = new Map<string, typeof record.events>();
    for (const event of record.events) byFeature.set(event.featureId, [...(byFeature.get(event.featureId) ?? []), event]);
    for (const feature of record.features) {
      const steps = byFeature.get(feature.id) ?? [];
      if (!KIND_BY_ID[feature.kind].hasStatus) {
        expect(steps).toHaveLength(0);
        continue;
      }
      expect(steps.length, feature.id).toBeGreaterThanOrEqual(3);
      expect(steps.length, feature.id).toBeLessThanOrEqual(6);
      const ordered = steps.toSorted((a, b) => a.date.localeCompare(b.date));
      const base = ordered.filter((step) => !step.subject);
      for (let index = 1; index < base.length; index += 1) {
        expect(STATUS_BY_ID[base[index].status].order).toBeGreaterThanOrEqual(STATUS_BY_ID[base[index - 1].status].order);
      }
    }
    expect(record.events.some((event) => event.level === 'international')).toBe(true);
  });

  it('places every point along the border, inside lon 100–109, lat 20–25.5', () => {
    const points = record.features.flatMap((feature) => [
      ...(feature.location ? [feature.location.coordinates] : []),
      ...(feature.waypoints ?? []).map((waypoint) => waypoint.location.coordinates),
      ...(feature.sides ?? []).flatMap((side) => (side.location ? [side.location.coordinates] : [])),
    ]);
    expect(points.length).toBeGreaterThan(1000);
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThanOrEqual(100);
      expect(lon).toBeLessThanOrEqual(109);
      expect(lat).toBeGreaterThanOrEqual(20);
      expect(lat).toBeLessThanOrEqual(25.5);
    }
    const routes = record.features.filter((feature) => feature.kind === 'route');
    expect(routes.every((route) => (route.waypoints?.length ?? 0) >= 3 && (route.waypoints?.length ?? 0) <= 6)).toBe(true);
  });

  it('writes the same bytes for the same seed, and different ones for another seed', () => {
    const again = freshRecordDir();
    writeSyntheticRecord(again, 1000);
    const first = snapshot(join(dir, '..'));
    const second = snapshot(join(again, '..'));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, bytes] of first) expect(second.get(path)?.equals(bytes), path).toBe(true);

    const other = freshRecordDir();
    writeSyntheticRecord(other, 1000, 2);
    expect(readFileSync(join(other, 'features.json')).equals(first.get(join('record', 'features.json')) as Buffer)).toBe(false);
  });

  it('refuses to write into a folder that is not a synthetic record', () => {
    expect(() => writeSyntheticRecord(readConfig({}).recordDir, 10)).toThrow(/not a synthetic record/);
  });
});
