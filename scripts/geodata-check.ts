/**
 * npm run geodata:check — the record's integrity beyond what start-up validation covers:
 *  1. schemas, references, quotes verbatim in clauses, clauses verbatim in documents (loadRecord);
 *  2. every sourced coordinate that names a gazetteer row lies within its stated precision of it;
 *  3. every side of a pair with a position lies in (or within 3 km of) the country it claims;
 *  4. every boundary marker lies within 3 km of the boundary line;
 *  5. every feature is cited by at least one clause (a status step or a mention);
 *  6. readings (record-rules.ts): no Chinese name holds Latin letters (a Vietnamese name left in `zh`);
 *     no `operating` step rests on a feature named only inside a proposal's scope ("(bao gồm …)");
 *     every implied step says what implies it; every step carries its document's date; every referenced
 *     document is cited about a feature (or says why not); a referenced document's date not in the
 *     documents names its source;
 *  7. the written reading rules (geodata/READING.md, record-rules.ts `checkReadingRules`): a step resting on a cue
 *     phrase is graded as READING.md grades it (a directive "implied", a proposal, agreement or thing reported done
 *     "stated"), and steps quoting the same words of one clause share one grade; an `operating` step on a promotion
 *     phrase ("thúc đẩy") says what implies operation ("Operation implied by: …"); every clause id a note names
 *     exists, and the words quoted beside it are that clause's;
 *  8. every text of the record and the shipped briefings a reader sees has Vietnamese, English and Chinese
 *     (geodata/translations/record-prose.json), and the table holds no translation of a text since edited.
 * Prints each problem and exits non-zero if there is any. The tests run `checkRecord()` too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import polygonToLine from '@turf/polygon-to-line';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { readConfig } from '../server/src/config';
import type { TranslationTable } from '../server/src/domain/record-translations';
import type { Located } from '../server/src/domain/schemas';
import { type LoadedRecord, loadRecord, loadTranslations } from '../server/src/record/load-record';
import { loadBoundary } from './derive-positions';
import { checkReadingRules, checkReadings, checkTranslations } from './record-rules';

const root = join(import.meta.dirname, '..');
const COUNTRY_ISO3 = { VN: 'VNM', CN: 'CHN', LA: 'LAO' } as const;
const SIDE_TOLERANCE_KM = 3;
/** How far (km) a point may lie from its reference and still honour its stated precision. */
const PRECISION_KM = { exact: 0.1, '1km': 1, '5km': 5, approximate: 15 } as const;

type GazetteerRow = { id: string; lat: number | null; lon: number | null };

export type CheckInput = {
  record: LoadedRecord;
  translations: TranslationTable;
  gazetteer: GazetteerRow[];
  land: FeatureCollection<Polygon | MultiPolygon>;
  boundary: Feature<LineString>;
};

export function loadCheckInput(): CheckInput {
  const config = readConfig({});
  const topology = JSON.parse(readFileSync(join(root, 'geodata', 'basemap', 'output', 'basemap.topojson'), 'utf8')) as Topology;
  return {
    record: loadRecord(config),
    translations: loadTranslations(config.recordDir),
    gazetteer: JSON.parse(readFileSync(join(root, 'geodata', 'reference', 'gazetteer.json'), 'utf8')),
    land: topoFeature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon>,
    boundary: loadBoundary(topology),
  };
}

function kmOutside(position: Position, country: Feature<Polygon | MultiPolygon>): number {
  if (booleanPointInPolygon(position, country)) return 0;
  const outlines = polygonToLine(country);
  const lines = 'features' in outlines ? outlines.features : [outlines];
  return Math.min(...lines.map((line) => pointToLineDistance(point(position), line as Feature<LineString>)));
}

export function checkRecord({ record, translations, gazetteer, land, boundary }: CheckInput): string[] {
  const problems: string[] = [];
  const gazetteerById = new Map(gazetteer.map((row) => [row.id, row]));

  const checkReference = (where: string, location: Located) => {
    if (!location.gazetteerId) return;
    const row = gazetteerById.get(location.gazetteerId);
    if (!row || row.lat === null || row.lon === null) {
      problems.push(`${where}: gazetteer row "${location.gazetteerId}" has no coordinate`);
      return;
    }
    const km = distance(location.coordinates, [row.lon, row.lat]);
    if (km > PRECISION_KM[location.precision]) {
      problems.push(`${where}: ${km.toFixed(2)} km from gazetteer "${row.id}", more than its precision "${location.precision}" allows`);
    }
  };

  for (const feature of record.features) {
    if (feature.location) checkReference(feature.id, feature.location);
    for (const [index, waypoint] of (feature.waypoints ?? []).entries())
      checkReference(`${feature.id} waypoint ${index}`, waypoint.location);
    for (const side of feature.sides ?? []) {
      if (!side.location) continue;
      checkReference(`${feature.id} (${side.country} side)`, side.location);
      const country = land.features.find((f) => f.properties?.iso3 === COUNTRY_ISO3[side.country]);
      if (!country) {
        problems.push(`${feature.id}: no land polygon for ${side.country}`);
        continue;
      }
      const km = kmOutside(side.location.coordinates, country);
      if (km > SIDE_TOLERANCE_KM) problems.push(`${feature.id}: its ${side.country} side lies ${km.toFixed(1)} km outside ${side.country}`);
    }
    if (feature.kind === 'marker' && feature.location) {
      const km = pointToLineDistance(point(feature.location.coordinates), boundary);
      if (km > SIDE_TOLERANCE_KM) problems.push(`${feature.id}: a boundary marker ${km.toFixed(1)} km from the boundary line`);
    }
  }

  const cited = new Set([...record.events.map((event) => event.featureId)]);
  for (const feature of record.features) {
    if (!cited.has(feature.id) && feature.mentionedIn.length === 0) problems.push(`${feature.id}: cited by no clause`);
  }
  problems.push(...checkReadings(record));
  problems.push(...checkReadingRules(record));
  problems.push(...checkTranslations(record, translations));
  return problems;
}

if (process.argv[1] === import.meta.filename) {
  try {
    const input = loadCheckInput();
    const problems = checkRecord(input);
    for (const problem of problems) console.error(`✗ ${problem}`);
    const { record } = input;
    console.log(
      `${problems.length === 0 ? 'geodata ok' : `${problems.length} problem(s)`}: ${record.agreements.length} agreements, ${record.clauses.length} clauses, ${record.features.length} features, ${record.events.length} status events`,
    );
    process.exit(problems.length === 0 ? 0 : 1);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
