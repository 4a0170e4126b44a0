import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import {
  agreementSchema,
  clauseSchema,
  featureRecordSchema,
  provinceSchema,
  statusEventSchema,
  type Agreement,
  type Clause,
  type FeatureRecord,
  type Province,
  type StatusEvent,
} from '../domain/schemas';
import { isVerbatimIn } from '../domain/text';
import { KIND_BY_ID } from '../domain/vocabulary';
import { RecordError } from './record-error';

export type LoadedRecord = {
  agreements: Agreement[];
  clauses: Clause[];
  features: FeatureRecord[];
  events: StatusEvent[];
  provinces: Province[];
};

/** Where the record lives; tests point this at fixtures. */
export type RecordLocation = { recordDir: string; documentsDir: string };

function readJson<T>(file: string, schema: z.ZodType<T>, displayRoot: string): T {
  const shown = relative(displayRoot, file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RecordError(shown, `cannot be read as JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RecordError(shown, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/**
 * Reads and validates every record file: each against its schema, then the links between them
 * (ids unique, references resolve, quotes verbatim in their clause, clauses verbatim in their
 * document). Throws a RecordError naming the file and the first problem.
 */
export function loadRecord({ recordDir, documentsDir }: RecordLocation): LoadedRecord {
  const root = join(recordDir, '..', '..');
  const file = (...parts: string[]) => join(recordDir, ...parts);
  const shown = (path: string) => relative(root, path);

  const agreements = readJson(file('agreements.json'), z.array(agreementSchema), root);
  const provinces = readJson(file('provinces.json'), z.array(provinceSchema), root);
  const features = readJson(file('features.json'), z.array(featureRecordSchema), root);
  const events = readJson(file('status-events.json'), z.array(statusEventSchema), root);
  const clauseFiles = readdirSync(file('clauses'))
    .filter((name) => name.endsWith('.json'))
    .sort();
  const clauses = clauseFiles.flatMap((name) => readJson(file('clauses', name), z.array(clauseSchema), root));

  const fail = (path: string, problem: string): never => {
    throw new RecordError(shown(path), problem);
  };
  for (const [path, ids] of [
    [file('agreements.json'), agreements.map((a) => a.id)],
    [file('features.json'), features.map((f) => f.id)],
    [file('clauses'), clauses.map((c) => c.id)],
    [file('provinces.json'), provinces.map((p) => p.code)],
  ] as const) {
    const repeated = duplicates([...ids]);
    if (repeated.length > 0) fail(path, `duplicate id "${repeated[0]}"`);
  }

  const agreementById = new Map(agreements.map((a) => [a.id, a]));
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  const featureIds = new Set(features.map((f) => f.id));
  const provinceCodes = new Set(provinces.map((p) => p.code));

  for (const agreement of agreements) {
    if (!agreement.sourceFile) continue;
    let text: string;
    try {
      text = readFileSync(join(documentsDir, agreement.sourceFile), 'utf8');
    } catch {
      return fail(file('agreements.json'), `agreement "${agreement.id}": source file "${agreement.sourceFile}" not found`);
    }
    for (const clause of clauses.filter((c) => c.agreementId === agreement.id)) {
      if (!isVerbatimIn(clause.text.vi, text)) {
        fail(file('clauses'), `clause "${clause.id}" is not verbatim in ${agreement.sourceFile}`);
      }
    }
  }
  for (const clause of clauses) {
    if (!agreementById.has(clause.agreementId)) fail(file('clauses'), `clause "${clause.id}": unknown agreement "${clause.agreementId}"`);
    if (!clause.id.startsWith(`${clause.agreementId}:`)) fail(file('clauses'), `clause "${clause.id}" must start with its agreement id`);
  }

  for (const feature of features) {
    const where = file('features.json');
    const hasPoint = feature.location !== undefined;
    const hasLine = feature.waypoints !== undefined;
    if (hasPoint === hasLine) fail(where, `feature "${feature.id}": give exactly one of "location" or "waypoints"`);
    for (const code of [...feature.provinces, ...(feature.sides ?? []).map((s) => s.province)]) {
      if (!provinceCodes.has(code)) fail(where, `feature "${feature.id}": unknown province "${code}"`);
    }
    for (const relation of feature.relations) {
      if (!featureIds.has(relation.target)) fail(where, `feature "${feature.id}": relation to unknown feature "${relation.target}"`);
    }
    for (const clauseId of feature.mentionedIn) {
      if (!clauseById.has(clauseId)) fail(where, `feature "${feature.id}": unknown clause "${clauseId}"`);
    }
  }

  const featureById = new Map(features.map((f) => [f.id, f]));
  for (const [index, event] of events.entries()) {
    const where = file('status-events.json');
    const at = `event ${index} (${event.featureId}, ${event.date})`;
    const feature = featureById.get(event.featureId);
    if (!feature) fail(where, `${at}: unknown feature "${event.featureId}"`);
    if (feature && !KIND_BY_ID[feature.kind].hasStatus) fail(where, `${at}: features of kind "${feature.kind}" carry no status`);
    const clause = clauseById.get(event.clauseId);
    if (!clause) {
      fail(where, `${at}: unknown clause "${event.clauseId}"`);
      continue;
    }
    if (clause.agreementId !== event.agreementId) fail(where, `${at}: clause "${event.clauseId}" is not in agreement "${event.agreementId}"`);
    if (!isVerbatimIn(event.quote, clause.text.vi)) fail(where, `${at}: quote is not verbatim in clause "${event.clauseId}"`);
  }

  return { agreements, clauses, features, events, provinces };
}
