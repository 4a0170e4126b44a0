import type { Agreement, Clause, FeatureRecord, Province, StatusEvent } from '../domain/schemas';

/** Who recorded a step in the app and when; nulls for the curated record's steps. */
export type StepRecord = { recordedBy: string | null; recordedAt: string | null };

/**
 * Read access to the record. Routes and services depend on this interface only, so a
 * database-backed store can replace the file-backed one without touching them.
 */
export interface RecordRepository {
  listAgreements(): Promise<Agreement[]>;
  getAgreement(id: string): Promise<Agreement | undefined>;
  listClauses(agreementId: string): Promise<Clause[]>;
  getClause(id: string): Promise<Clause | undefined>;
  listFeatures(): Promise<FeatureRecord[]>;
  getFeature(id: string): Promise<FeatureRecord | undefined>;
  /**
   * Who recorded each of the feature's status steps and when, in the order of listEventsByFeature's
   * list for it; empty where the record does not say (files).
   */
  stepRecords(featureId: string): Promise<StepRecord[]>;
  /** Raised by every change to the feature; an edit names the version it read (409 when stale). */
  featureVersion(id: string): Promise<number | undefined>;
  /**
   * The status events that count, of every feature, in record order, keyed by feature id: steps a
   * correction replaces are left out (domain/corrections.ts) — states, timelines, filters, exports.
   */
  listEventsByFeature(): Promise<ReadonlyMap<string, StatusEvent[]>>;
  /** Every step of one feature in record order, corrected ones included (its history; stepRecords' order). */
  listStepHistory(featureId: string): Promise<StatusEvent[]>;
  listProvinces(): Promise<Province[]>;
  /** Changes whenever the record changes: caches key on it. */
  revision(): Promise<number>;
  /**
   * The record as it is now, unchanged by later writes: one request reads everything from one
   * snapshot (consistent, and the store is asked its revision once, not once per call).
   */
  snapshot(): Promise<RecordRepository>;
}
