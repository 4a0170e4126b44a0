import { effectiveSteps } from '../domain/corrections';
import type { LoadedRecord } from './load-record';
import type { RecordRepository } from './repository';

/** The record held in memory after loading the files under geodata/record/ once at start-up. */
export function createFileRepository(record: LoadedRecord): RecordRepository {
  const agreementById = new Map(record.agreements.map((a) => [a.id, a]));
  const clauseById = new Map(record.clauses.map((c) => [c.id, c]));
  const featureById = new Map(record.features.map((f) => [f.id, f]));
  const historyByFeature = new Map<string, typeof record.events>();
  for (const event of record.events) {
    const list = historyByFeature.get(event.featureId) ?? [];
    list.push(event);
    historyByFeature.set(event.featureId, list);
  }
  // What counts: steps replaced by a correction left out (they stay in each feature's history).
  const eventsByFeature = new Map([...historyByFeature].map(([id, steps]) => [id, [...effectiveSteps(steps)]]));
  const repository: RecordRepository = {
    listAgreements: async () => record.agreements,
    getAgreement: async (id) => agreementById.get(id),
    listClauses: async (agreementId) => record.clauses.filter((c) => c.agreementId === agreementId),
    getClause: async (id) => clauseById.get(id),
    listFeatures: async () => record.features,
    getFeature: async (id) => featureById.get(id),
    // The files do not say who wrote each step.
    stepRecords: async () => [],
    featureVersion: async (id) => (featureById.has(id) ? 1 : undefined),
    listEventsByFeature: async () => eventsByFeature,
    listStepHistory: async (featureId) => historyByFeature.get(featureId) ?? [],
    listProvinces: async () => record.provinces,
    // The files are read once: the record never changes while the server runs.
    revision: async () => 0,
    snapshot: async () => repository,
  };
  return repository;
}
