import type { ApiFeature } from './api';
import type { KindId, StatusId } from './vocabulary';

/** The kinds a planner counts as "gates": pairs, channels, openings, markets, freight roads. */
export const CROSSING_KINDS: readonly KindId[] = ['gate_pair', 'channel', 'opening', 'market', 'special_road'];

export type ProgressRow = { key: string; counts: Partial<Record<StatusId, number>>; total: number };

const IS_CROSSING = new Set<string>(CROSSING_KINDS);

/**
 * Counts of crossings by status, per Vietnamese province (as of the features' date) and per agreement.
 * One pass over the features (it runs on every date change, over the whole record). `counted` picks the
 * agreements that get a row: the documents whose clauses move or name the features — not the documents
 * they only cite as a basis (the three legal documents stand behind every crossing; a row each says nothing).
 */
export function progressTables(features: readonly ApiFeature[], counted: (agreementId: string) => boolean = () => true) {
  const byProvince = new Map<string, ProgressRow>();
  const byAgreement = new Map<string, ProgressRow>();
  const count = (rows: Map<string, ProgressRow>, key: string, status: StatusId) => {
    let row = rows.get(key);
    if (!row) {
      row = { key, counts: {}, total: 0 };
      rows.set(key, row);
    }
    row.counts[status] = (row.counts[status] ?? 0) + 1;
    row.total += 1;
  };
  let stalled = 0;
  let overdue = 0;
  for (const { properties } of features) {
    if (properties.stalled) stalled += 1;
    if (properties.overdue) overdue += 1;
    const status = properties.status;
    if (!status || !IS_CROSSING.has(properties.kind)) continue;
    for (const code of properties.provinces) if (code.startsWith('VN-')) count(byProvince, code, status);
    for (const id of properties.agreements) if (counted(id)) count(byAgreement, id, status);
  }
  const sorted = (rows: Map<string, ProgressRow>) => [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
  return { byProvince: sorted(byProvince), byAgreement: sorted(byAgreement), stalled, overdue };
}
