import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { commitmentsOf } from '../domain/commitments';
import { effectiveSteps } from '../domain/corrections';
import { type TranslationTable, translationTableSchema } from '../domain/record-translations';
import {
  type Agreement,
  agreementSchema,
  type Clause,
  clauseSchema,
  type FeatureRecord,
  featureRecordSchema,
  type Located,
  type Province,
  provinceSchema,
  type StatusEvent,
  statusEventSchema,
} from '../domain/schemas';
import { isVerbatimIn, normalizeText } from '../domain/text';
import { KIND_BY_ID, STATUS_BY_ID } from '../domain/vocabulary';
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

/**
 * Where each element of a JSON array lies in `bytes` ([start, end) pairs), or null when the text is not one array
 * of objects and arrays (then it is read whole, and JSON.parse or the schema says what is wrong).
 */
function arrayElements(bytes: Buffer): number[] | null {
  const OPEN_OBJECT = 0x7b;
  const CLOSE_OBJECT = 0x7d;
  const OPEN_ARRAY = 0x5b;
  const CLOSE_ARRAY = 0x5d;
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  const COMMA = 0x2c;
  const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
  let i = 0;
  while (i < bytes.length && isSpace(bytes[i])) i += 1;
  if (bytes[i] !== OPEN_ARRAY) return null;
  i += 1;
  const bounds: number[] = [];
  let depth = 0;
  let start = -1;
  for (; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      if (depth === 0) return null; // a bare string element
      // To the closing quote: one not preceded by an odd number of backslashes.
      for (;;) {
        i = bytes.indexOf(QUOTE, i + 1);
        if (i < 0) return null;
        let backslashes = 0;
        while (bytes[i - 1 - backslashes] === BACKSLASH) backslashes += 1;
        if (backslashes % 2 === 0) break;
      }
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (depth === 0) {
        if (start !== -1) return null; // two elements without a comma
        start = i;
      }
      depth += 1;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (depth === 0) {
        if (byte !== CLOSE_ARRAY || start !== -1) return null;
        for (i += 1; i < bytes.length; i += 1) if (!isSpace(bytes[i])) return null;
        return bounds;
      }
      depth -= 1;
      if (depth === 0) {
        bounds.push(start, i + 1);
        start = -1;
      }
    } else if (depth === 0 && !isSpace(byte) && byte !== COMMA) return null; // a number, true, null… as an element
  }
  return null;
}

/**
 * A record file holding an array, read an element at a time: the file's text is never one string, nor its
 * parsed form held beside the checked one (at 100 000 features, features.json is 160 MB of text; read whole, the
 * server's start peaked at over 1.2 GB). The same answer and the same first problem as reading it whole.
 */
function readJsonArray<T>(file: string, element: z.ZodType<T>, displayRoot: string): T[] {
  const bytes = readFileSync(file);
  const bounds = arrayElements(bytes);
  if (bounds === null) return readJson(file, z.array(element), displayRoot);
  const result: T[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8', bounds[i], bounds[i + 1]));
    } catch {
      // JSON.parse's own message, with its position in the whole file.
      return readJson(file, z.array(element), displayRoot);
    }
    const parsed = element.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RecordError(relative(displayRoot, file) || file, `${[i / 2, ...issue.path].join('.')}: ${issue.message}`);
    }
    result.push(parsed.data);
  }
  return result;
}

/** Ids seen more than once, in order of their second appearance (linear: records reach 100 000 features). */
function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    if (seen.has(id)) return true;
    seen.add(id);
    return false;
  });
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
  const features = readJsonArray(file('features.json'), featureRecordSchema, root);
  const jsonFilesIn = (folder: string) =>
    readdirSync(file(folder))
      .filter((name) => name.endsWith('.json'))
      .sort();
  const clauses = jsonFilesIn('clauses').flatMap((name) => readJson(file('clauses', name), z.array(clauseSchema), root));
  // One file of status events per source document, so each document's reading can be reviewed alone.
  const eventFiles = jsonFilesIn('status-events').map((name) => ({
    path: file('status-events', name),
    events: readJson(file('status-events', name), z.array(statusEventSchema), root),
  }));
  const events = eventFiles.flatMap((entry) => entry.events);

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
  // Each clause normalised once, however many steps quote it (isVerbatimIn, unrolled).
  const normalizedClauses = new Map<string, string>();
  const normalizedClause = (clause: Clause) => {
    let text = normalizedClauses.get(clause.id);
    if (text === undefined) {
      text = normalizeText(clause.text.vi);
      normalizedClauses.set(clause.id, text);
    }
    return text;
  };
  const featureIds = new Set(features.map((f) => f.id));
  const provinceCodes = new Set(provinces.map((p) => p.code));

  for (const agreement of agreements) {
    if (agreement.partOf && !agreementById.has(agreement.partOf)) {
      fail(file('agreements.json'), `agreement "${agreement.id}": part of unknown agreement "${agreement.partOf}"`);
    }
    for (const clauseId of agreement.referencedIn ?? []) {
      if (!clauseById.has(clauseId))
        fail(file('agreements.json'), `agreement "${agreement.id}": referenced in unknown clause "${clauseId}"`);
    }
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
    if (hasPoint && hasLine) fail(where, `feature "${feature.id}": give "location" or "waypoints", not both`);
    if (!hasPoint && !hasLine && !feature.unlocated) {
      fail(where, `feature "${feature.id}": no position; give "location", "waypoints" or say why in "unlocated"`);
    }
    if ((hasPoint || hasLine) && feature.unlocated) fail(where, `feature "${feature.id}": has a position but is marked "unlocated"`);
    if ((feature.kind === 'route') !== (feature.route !== undefined)) {
      fail(where, `feature "${feature.id}": "route" (mode, number, variant) is required for routes and only for them`);
    }
    const relationKind = feature.kind === 'pairing' || feature.kind === 'cooperation';
    if (relationKind !== (feature.pairingScale !== undefined)) {
      fail(where, `feature "${feature.id}": "pairingScale" is required for pairings and cooperation mechanisms and only for them`);
    }
    for (const code of [...feature.provinces, ...(feature.sides ?? []).map((s) => s.province)]) {
      if (!provinceCodes.has(code)) fail(where, `feature "${feature.id}": unknown province "${code}"`);
    }
    for (const relation of feature.relations) {
      if (!featureIds.has(relation.target)) fail(where, `feature "${feature.id}": relation to unknown feature "${relation.target}"`);
    }
    for (const clauseId of feature.mentionedIn) {
      if (!clauseById.has(clauseId)) fail(where, `feature "${feature.id}": unknown clause "${clauseId}"`);
    }
    for (const citation of feature.citations ?? []) {
      const cited = agreementById.get(citation.agreementId);
      if (!cited) fail(where, `feature "${feature.id}": cites unknown agreement "${citation.agreementId}"`);
      if (!clauseById.has(citation.clauseId)) fail(where, `feature "${feature.id}": citation in unknown clause "${citation.clauseId}"`);
      if (cited && !(cited.referencedIn ?? []).includes(citation.clauseId))
        fail(
          where,
          `feature "${feature.id}": clause "${citation.clauseId}" is not among the clauses citing "${citation.agreementId}" (its referencedIn)`,
        );
    }
  }

  const featureById = new Map(features.map((f) => [f.id, f]));
  const progressProblem = progressProblems(events);
  const text = sharedText(features, featureById);
  for (const { path: where, events: fileEvents } of eventFiles) {
    for (const [index, event] of fileEvents.entries()) {
      const at = `event ${index} (${event.featureId}, ${event.date})`;
      const feature = featureById.get(event.featureId);
      if (!feature) fail(where, `${at}: unknown feature "${event.featureId}"`);
      if (feature && !KIND_BY_ID[feature.kind].hasStatus) fail(where, `${at}: features of kind "${feature.kind}" carry no status`);
      const clause = clauseById.get(event.clauseId);
      if (!clause) {
        fail(where, `${at}: unknown clause "${event.clauseId}"`);
        continue;
      }
      if (clause.agreementId !== event.agreementId)
        fail(where, `${at}: clause "${event.clauseId}" is not in agreement "${event.agreementId}"`);
      text.shareEvent(event);
      // The Vietnamese text, or the Chinese where the clause has it (an editor may quote either).
      const quote = text.normalized(event.quote);
      if (
        quote === '' ||
        !(normalizedClause(clause).includes(quote) || (clause.text.zh !== undefined && isVerbatimIn(event.quote, clause.text.zh)))
      )
        fail(where, `${at}: quote is not verbatim in clause "${event.clauseId}"`);
      // A deadline is the clause's own words too, and aims past the step it is set on.
      if (event.target) {
        const cue = normalizeText(event.target.cue);
        if (
          cue === '' ||
          !(normalizedClause(clause).includes(cue) || (clause.text.zh !== undefined && isVerbatimIn(event.target.cue, clause.text.zh)))
        )
          fail(where, `${at}: target cue is not verbatim in clause "${event.clauseId}"`);
        if (STATUS_BY_ID[event.target.reach].order <= STATUS_BY_ID[event.status].order)
          fail(where, `${at}: target "${event.target.reach}" is not beyond the step's own status "${event.status}"`);
      }
      // Progress is what moved since an earlier step of the same commitment: there must be one.
      const problem = progressProblem.get(event);
      if (problem) fail(where, `${at}: "progress" ${problem}`);
      // A reading moved to another feature: that feature exists and reads the same clause.
      if (event.movedTo !== undefined) {
        if (event.movedTo === event.featureId) fail(where, `${at}: "movedTo" names its own feature`);
        else if (!featureById.has(event.movedTo)) fail(where, `${at}: "movedTo" names unknown feature "${event.movedTo}"`);
        else if (!events.some((other) => other.featureId === event.movedTo && other.clauseId === event.clauseId && !other.movedTo))
          fail(where, `${at}: "movedTo" "${event.movedTo}" has no step reading clause "${event.clauseId}"`);
      }
    }
  }

  return { agreements, clauses, features, events, provinces };
}

/**
 * One copy of each repeated text of the record in memory, and each quote normalised once. JSON.parse makes a
 * string per occurrence: a quote repeated by every step citing the same words, a feature id by each of its steps,
 * a position's source by every point it describes. At 100 000 features those copies were 150 MB of the heap
 * (issue 31), kept for the server's life.
 */
function sharedText(features: FeatureRecord[], featureById: ReadonlyMap<string, FeatureRecord>) {
  const texts = new Map<string, string>();
  const share = (text: string) => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  const shareLocated = (located: Located | null | undefined) => {
    if (!located) return;
    located.source = share(located.source);
    for (const other of located.alsoReported ?? []) other.source = share(other.source);
  };
  for (const feature of features) {
    if (feature.note !== undefined) feature.note = share(feature.note);
    shareLocated(feature.location);
    for (const side of feature.sides ?? []) shareLocated(side.location);
    for (const waypoint of feature.waypoints ?? []) shareLocated(waypoint.location);
  }
  const normalizedQuotes = new Map<string, string>();
  return {
    shareEvent(event: StatusEvent) {
      event.featureId = featureById.get(event.featureId)?.id ?? event.featureId;
      event.date = share(event.date);
      event.agreementId = share(event.agreementId);
      event.clauseId = share(event.clauseId);
      event.quote = share(event.quote);
      if (event.note !== undefined) event.note = share(event.note);
    },
    /** normalizeText of a quote, once per distinct quote. */
    normalized(quote: string) {
      let normalized = normalizedQuotes.get(quote);
      if (normalized === undefined) {
        normalized = normalizeText(quote);
        normalizedQuotes.set(quote, normalized);
      }
      return normalized;
    },
  };
}

/**
 * Steps whose `progress` has nothing to have moved from, with why: the first step of its commitment, or a step
 * that belongs to none (an implied "operating" describes what exists). Corrected steps no longer count and are
 * not checked. Only the features that have a step with progress are read.
 */
function progressProblems(events: readonly StatusEvent[]): Map<StatusEvent, string> {
  const problems = new Map<StatusEvent, string>();
  const withProgress = new Set(events.filter((event) => event.progress).map((event) => event.featureId));
  if (withProgress.size === 0) return problems;
  const byFeature = new Map<string, StatusEvent[]>();
  for (const event of events) {
    if (!withProgress.has(event.featureId)) continue;
    const steps = byFeature.get(event.featureId);
    if (steps) steps.push(event);
    else byFeature.set(event.featureId, [event]);
  }
  for (const steps of byFeature.values()) {
    const counted = new Set(effectiveSteps(steps));
    const commitments = commitmentsOf(steps);
    const commitmentOf = new Map(commitments.flatMap((commitment) => commitment.events.map((event) => [event, commitment] as const)));
    for (const step of steps) {
      if (!step.progress || !counted.has(step)) continue;
      const commitment = commitmentOf.get(step);
      if (!commitment) problems.set(step, 'on a step that belongs to no commitment (an implied "operating" describes what exists)');
      else if (commitment.firstMade === step)
        problems.set(step, `on the first step of its commitment (${commitment.key}): there is no earlier step it moved from`);
    }
  }
  return problems;
}

/**
 * The translations of the record's prose (domain/record-translations.ts), in `translations/record-prose.json`
 * beside the record folder (outside it: `db:export` gives back exactly the record); a record folder without
 * one (the benchmark's synthetic records) has none.
 */
export function loadTranslations(recordDir: string): TranslationTable {
  const file = join(recordDir, '..', 'translations', 'record-prose.json');
  if (!existsSync(file)) return [];
  return readJson(file, translationTableSchema, join(recordDir, '..', '..'));
}
