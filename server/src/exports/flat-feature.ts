import type { Geometry } from 'geojson';
import type { ApiFeature } from '../domain/api';
import type { FeatureRecord, Province, StatusEvent } from '../domain/schemas';
import { KIND_BY_ID, STATUS_BY_ID } from '../domain/vocabulary';

/**
 * One feature as a flat row: the same columns, in the same order, for every feature, so GIS tools
 * (GDAL, QGIS, Excel) see one schema. Names in three languages, status as of the date asked,
 * position with its provenance, and the clauses behind it. Lists (agreements, clauses) are arrays
 * in JSON and comma-separated in CSV and KML.
 */
export const FLAT_FIELDS = [
  'id',
  'kind',
  'kind_vi',
  'name_vi',
  'name_en',
  'name_zh',
  'as_of',
  'status',
  'status_vi',
  'status_en',
  'status_zh',
  'status_since',
  'level',
  'upgrade_level',
  'upgrade_status',
  'stalled',
  'province',
  'province_vi',
  'first_recorded',
  'located',
  'precision',
  'approximate',
  'position_provenance',
  'position_source',
  'route_mode',
  'length_km',
  'agreements',
  'status_clauses',
  'mentioned_in',
  'api_url',
  // Added with issue 16, after every earlier column (files read by position keep working):
  /** Date of the document the status is last reported in (= status_since): "as reported on", not today's fact. */
  'last_reported',
  /** That document's agreement id. */
  'last_reported_in',
  /** The Chinese name (or part of it) is our reading, not found in a source. */
  'zh_inferred',
  // Added with issue 20:
  /** A commitment's deadline has passed on the date with no document saying it was reached. */
  'overdue',
] as const;
export type FlatField = (typeof FLAT_FIELDS)[number];
export type FlatValue = string | number | boolean | null | string[];
type FlatProperties = Record<FlatField, FlatValue>;

export type FlatFieldType = 'string' | 'number' | 'boolean' | 'array';
const LIST_FIELDS: readonly FlatField[] = ['agreements', 'status_clauses', 'mentioned_in'];

/** Types of the columns, for schemas (OpenAPI) and typed writers. */
export const FLAT_FIELD_TYPES: Record<FlatField, FlatFieldType> = Object.fromEntries(
  FLAT_FIELDS.map((field) => [
    field,
    field === 'length_km'
      ? 'number'
      : ['stalled', 'overdue', 'located', 'approximate', 'zh_inferred'].includes(field)
        ? 'boolean'
        : LIST_FIELDS.includes(field)
          ? 'array'
          : 'string',
  ]),
) as Record<FlatField, FlatFieldType>;

/** A value as one text cell (CSV, KML): lists comma-separated, nothing as empty. */
export const asText = (value: FlatValue): string => (value === null ? '' : Array.isArray(value) ? value.join(',') : String(value));

export type FlatFeature = { id: string; geometry: Geometry | null; properties: FlatProperties };

export type FlattenContext = {
  record: FeatureRecord;
  events: readonly StatusEvent[];
  /** The date the status is given for. */
  asOf: string;
  provinces: readonly Province[];
  /** Absolute origin of this server, for links ("http://host:port"). */
  origin: string;
};

export function flattenFeature(feature: ApiFeature, { record, events, asOf, provinces, origin }: FlattenContext): FlatFeature {
  const p = feature.properties;
  const status = p.status ? STATUS_BY_ID[p.status] : null;
  const province = provinces.find((candidate) => candidate.code === p.province);
  const statusClauses = [...new Set(events.filter((event) => event.date <= asOf).map((event) => event.clauseId))];
  const properties: FlatProperties = {
    id: feature.id,
    kind: p.kind,
    kind_vi: KIND_BY_ID[p.kind].label.vi,
    name_vi: p.name.vi,
    name_en: p.name.en,
    name_zh: p.name.zh,
    as_of: asOf,
    status: p.status,
    status_vi: status?.label.vi ?? null,
    status_en: status?.label.en ?? null,
    status_zh: status?.label.zh ?? null,
    status_since: p.since,
    level: p.level,
    upgrade_level: p.upgrade?.level ?? null,
    upgrade_status: p.upgrade?.status ?? null,
    stalled: p.stalled,
    province: p.province,
    province_vi: province?.name.vi ?? null,
    first_recorded: p.firstRecorded,
    located: p.located,
    precision: p.precision,
    approximate: p.approximate,
    position_provenance: record.location?.provenance ?? (record.waypoints ? 'waypoints' : null),
    position_source: record.location?.source ?? (record.waypoints ? 'positions of the places listed, in order' : null),
    route_mode: p.route?.mode ?? null,
    length_km: p.lengthKm,
    agreements: p.agreements,
    status_clauses: statusClauses,
    mentioned_in: record.mentionedIn,
    api_url: `${origin}/api/features/${encodeURIComponent(feature.id)}`,
    last_reported: p.since,
    last_reported_in: p.reportedIn,
    zh_inferred: p.zhInferred,
    overdue: p.overdue,
  };
  return { id: feature.id, geometry: feature.geometry, properties };
}
