import type { MapFeature } from '@domain/api';
import type { KindId, StatusId } from '@domain/vocabulary';

/** The kinds a planner counts as "gates": pairs, channels, openings, markets, freight roads. */
export const CROSSING_KINDS: readonly KindId[] = ['gate_pair', 'channel', 'opening', 'market', 'special_road'];

export type ProgressRow = { key: string; counts: Partial<Record<StatusId, number>>; total: number };

/** Counts of crossings by status, per Vietnamese province (as of the features' date) and per agreement. */
export function progressTables(features: readonly MapFeature[]) {
  const crossings = features.filter((f) => CROSSING_KINDS.includes(f.properties.kind) && f.properties.status);
  const tally = (keysOf: (feature: MapFeature) => string[]) => {
    const rows = new Map<string, ProgressRow>();
    for (const feature of crossings) {
      for (const key of keysOf(feature)) {
        const row = rows.get(key) ?? { key, counts: {}, total: 0 };
        const status = feature.properties.status as StatusId;
        row.counts[status] = (row.counts[status] ?? 0) + 1;
        row.total += 1;
        rows.set(key, row);
      }
    }
    return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    byProvince: tally((f) => f.properties.provinces.filter((code) => code.startsWith('VN-'))),
    byAgreement: tally((f) => f.properties.agreements),
    stalled: features.filter((f) => f.properties.stalled).length,
  };
}
