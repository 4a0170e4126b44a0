import turfBbox from '@turf/bbox';
import { lineString } from '@turf/helpers';
import turfLength from '@turf/length';
import type { ApiFeature, FeatureProperties } from './api';
import { isStalled } from './commitments';
import { todayIso } from './dates';
import { featureStateAsOf } from './feature-state';
import type { Agreement, FeatureRecord, Located, StatusEvent } from './schemas';
import { isOverdue } from './targets';
import { KIND_BY_ID, PRECISION_BY_ID, PRECISION_IDS, type PrecisionId } from './vocabulary';

/** The least precise of several positions: a line is only as good as its worst waypoint. */
function worstPrecision(locations: Located[]): PrecisionId {
  return locations.reduce<PrecisionId>(
    (worst, location) => (PRECISION_IDS.indexOf(location.precision) > PRECISION_IDS.indexOf(worst) ? location.precision : worst),
    'exact',
  );
}

function locationsOf(record: FeatureRecord): Located[] {
  return record.location ? [record.location] : (record.waypoints ?? []).map((waypoint) => waypoint.location);
}

function geometryOf(record: FeatureRecord): ApiFeature['geometry'] {
  if (record.location) return { type: 'Point', coordinates: record.location.coordinates };
  if (record.waypoints) return { type: 'LineString', coordinates: record.waypoints.map((waypoint) => waypoint.location.coordinates) };
  return null;
}

/**
 * Agreement id → the other agreements a link to it implies: the members of a set (agreement `memberOf`:
 * the texts cite the three legal documents together) and the documents it is enclosed in (`partOf`: the
 * letter that sends a memorandum, the submission a draft is annexed to).
 */
export type ImpliedAgreements = ReadonlyMap<string, readonly string[]>;

export function impliedAgreementsOf(agreements: readonly Pick<Agreement, 'id' | 'memberOf' | 'partOf'>[]): Map<string, string[]> {
  const implied = new Map<string, string[]>();
  const add = (from: string, to: string) => implied.set(from, [...(implied.get(from) ?? []), to]);
  for (const agreement of agreements) if (agreement.memberOf) add(agreement.memberOf, agreement.id);
  const parentOf = new Map(agreements.flatMap((a) => (a.partOf ? [[a.id, a.partOf] as const] : [])));
  for (const agreement of agreements) {
    const seen = new Set([agreement.id]);
    for (let parent = parentOf.get(agreement.id); parent && !seen.has(parent); parent = parentOf.get(parent)) {
      seen.add(parent);
      add(agreement.id, parent);
    }
  }
  return implied;
}

/**
 * Agreements a feature is linked to: through its status events, the clauses that name it, and the
 * referenced documents a clause cites about it — with what each implies (a set's members, the
 * document it is enclosed in).
 */
function agreementsOf(record: FeatureRecord, events: readonly StatusEvent[], implied: ImpliedAgreements = new Map()): string[] {
  const direct = [
    ...events.map((event) => event.agreementId),
    ...record.mentionedIn.map((clauseId) => clauseId.split(':')[0]),
    ...(record.citations ?? []).map((citation) => citation.agreementId),
  ];
  return [...new Set(direct.flatMap((id) => [id, ...(implied.get(id) ?? [])]))];
}

/** Province code as of a date: follows mergers (Hà Giang → Tuyên Quang from 1 July 2025). */
export type ProvinceAsOf = (code: string, asOf: string) => string;

/** One record and its events → the GeoJSON feature the API serves, with the state as of `asOf`. */
export function toApiFeature(
  record: FeatureRecord,
  events: readonly StatusEvent[],
  asOf?: string,
  provinceAsOf: ProvinceAsOf = (code) => code,
  implied: ImpliedAgreements = new Map(),
): ApiFeature {
  const locations = locationsOf(record);
  const precision = locations.length > 0 ? worstPrecision(locations) : null;
  const date = asOf ?? todayIso();
  const provinces = [...new Set(record.provinces.map((code) => provinceAsOf(code, date)))];
  const state = featureStateAsOf(events, asOf);
  const hasStatus = KIND_BY_ID[record.kind].hasStatus;
  const properties: FeatureProperties = {
    kind: record.kind,
    name: record.name,
    status: hasStatus ? state.status : null,
    level: state.level,
    upgrade: state.upgrade,
    since: state.since,
    reportedIn: state.reportedIn,
    zhInferred: record.zhInferred ?? false,
    province: provinces.find((code) => code.startsWith('VN-')) ?? provinces[0],
    provinces,
    recordedProvinces: record.provinces,
    firstRecorded: null,
    precision,
    approximate:
      precision === null || PRECISION_BY_ID[precision].approximate || locations.some((location) => location.provenance === 'estimate'),
    located: precision !== null,
    schematic: record.schematic ?? false,
    route: record.route ?? null,
    stalled: hasStatus && isStalled(events, asOf),
    overdue: hasStatus && isOverdue(events, date),
    waypoints:
      record.waypoints?.map((waypoint) => ({
        name: waypoint.name,
        coordinates: waypoint.location.coordinates,
        precision: waypoint.location.precision,
      })) ?? null,
    lengthKm: record.waypoints ? Math.round(turfLength(lineString(record.waypoints.map((w) => w.location.coordinates))) * 10) / 10 : null,
    sidePoints: (record.sides ?? []).flatMap((side) =>
      side.location
        ? [
            {
              country: side.country,
              name: side.name,
              coordinates: side.location.coordinates,
              approximate: PRECISION_BY_ID[side.location.precision].approximate || side.location.provenance === 'estimate',
              zhInferred: side.zhInferred ?? false,
              alsoReported: (side.location.alsoReported ?? []).map(({ coordinates, source }) => ({ coordinates, source })),
            },
          ]
        : [],
    ),
    agreements: agreementsOf(record, events, implied),
  };
  return { type: 'Feature', id: record.id, geometry: geometryOf(record), properties };
}

/** True when the feature's extent touches the box [minLon, minLat, maxLon, maxLat]. */
export function intersectsBbox(feature: ApiFeature, box: readonly [number, number, number, number]): boolean {
  if (!feature.geometry) return false;
  const [west, south, east, north] = turfBbox(feature.geometry);
  return west <= box[2] && east >= box[0] && south <= box[3] && north >= box[1];
}
