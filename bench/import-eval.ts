/**
 * How well the import reader (POST /api/imports/read) reads real documents it has never seen, scored
 * against an expert's gold annotations (the format of ../shared/eval/import/README.md):
 *
 *   npm run bench -- --import-eval [DIR]
 *
 * The texts are read from DIR where they are; nothing of them is copied into the project or the report
 * (the report names files and counts, and the gold's feature ids).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { foldForSearch } from '../server/src/domain/fold-text';
import { type DocumentReading, readDocument } from '../server/src/domain/import/read-document';
import { buildLinkIndex } from '../server/src/domain/import/suggest-links';
import type { FeatureRecord } from '../server/src/domain/schemas';
import { normalizeText } from '../server/src/domain/text';
import { loadRecord } from '../server/src/record/load-record';
import { projectRoot } from '../test/helpers/app';

const step = z.object({
  status: z.string().nullable(),
  level: z.string().nullable().optional(),
  cue: z.string().nullable().optional(),
  alone: z.boolean().optional(),
});
const goldLink = step.extend({
  featureId: z.string(),
  level: z.string().nullable(),
  mention: z.string(),
  alsoMentions: z.array(z.string()).optional(),
  alsoCues: z.array(z.string()).optional(),
  alsoAcceptable: z.array(step).optional(),
  optional: z.boolean().optional(),
});
const goldDocument = z.object({
  date: z.string().nullable(),
  links: z.array(goldLink),
  newPlaces: z.array(z.object({ name: z.string(), kind: z.string(), status: z.string().nullable(), keys: z.array(z.string()) })),
  notFeatures: z.array(z.object({ text: z.string(), looksLike: z.string() })),
});
type GoldDocument = z.infer<typeof goldDocument>;
type GoldLink = z.infer<typeof goldLink>;

/** Ratio of right to all, null when nothing was there to score. */
type Score = { right: number; of: number };

export type ImportEvalDocument = {
  document: string;
  /** Feature ids suggested that the gold names (optional ones included). */
  right: string[];
  /** Suggested, not in the gold (neither required nor optional). */
  wrong: string[];
  /** Required by the gold, not suggested. */
  missed: string[];
  /** Gold links whose status the suggestions got wrong: "id: suggested → gold". */
  wrongStatus: string[];
  /** Not-feature phrases that drew a suggestion: "phrase → id". */
  notFeatureHits: string[];
  newPlaces: Score;
  /** New-place cards offered that are no place of the gold's: their names. */
  unexpectedPlaces: string[];
  date: { gold: string | null; read: string | null };
};

export type ImportEvalResult = {
  /** The folder's name (never a machine path). */
  folder: string;
  documents: number;
  precision: Score;
  recall: Score;
  status: Score;
  level: Score;
  cueInQuote: Score;
  newPlaces: Score;
  /** New-place cards offered that are a place of the gold's (precision of the cards). */
  placeCards: Score;
  /** Not-feature phrases of the gold that drew a suggestion of the feature they look like. */
  notFeatureHits: Score;
  date: Score;
  perDocument: ImportEvalDocument[];
  /** Our own check against tuning to the texts: the five source documents read against their curated steps. */
  sources: SourceAgreement;
};

/** Curated steps whose clause the reader gives the same feature with the same status (stated / implied steps). */
export type SourceAgreement = { stated: Score; implied: Score; named: Score };

/** Each curated step of the five source documents: is its feature suggested in its clause, with its status? */
export function sourceAgreement(): SourceAgreement {
  const documentsDir = join(projectRoot, 'geodata', 'documents');
  const record = loadRecord({ recordDir: join(projectRoot, 'geodata', 'record'), documentsDir });
  const index = buildLinkIndex(record.features);
  const readings = new Map<string, DocumentReading>();
  const zero = (): Score => ({ right: 0, of: 0 });
  const result = { stated: zero(), implied: zero(), named: zero() };
  for (const event of record.events) {
    const curated = record.clauses.find((clause) => clause.id === event.clauseId);
    const agreement = record.agreements.find((a) => a.id === curated?.agreementId);
    if (!curated || !agreement?.sourceFile) continue;
    let reading = readings.get(agreement.sourceFile);
    if (!reading) {
      reading = readDocument(readFileSync(join(documentsDir, agreement.sourceFile), 'utf8'), index);
      readings.set(agreement.sourceFile, reading);
    }
    const wanted = normalizeText(curated.text.vi);
    const mine = reading.clauses.flatMap((clause, i) =>
      normalizeText(clause.text).includes(wanted) || wanted.includes(normalizeText(clause.text)) ? reading.suggestions[i] : [],
    );
    const own = mine.filter((s) => s.featureId === event.featureId);
    const agrees = own.some((s) => s.status === event.status) ? 1 : 0;
    const bucket = event.evidence === 'implied' ? result.implied : result.stated;
    bucket.right += agrees;
    bucket.of += 1;
    if (own.length > 0) {
      result.named.right += agrees;
      result.named.of += 1;
    }
  }
  return result;
}

/** Targets of issue 18, for the report. */
export const IMPORT_EVAL_TARGETS = { precision: 0.95, recall: 0.9, status: 0.85, newPlaces: 0.8 } as const;

const fold = (text: string) => foldForSearch(text).replace(/\s+/gu, ' ').trim();
const contains = (haystack: string, needle: string) => fold(haystack).includes(fold(needle));

/**
 * A suggested status is right when every status suggested for the feature is the gold's primary or one
 * of its alternatives, and at least one is the primary or an alternative that may stand alone.
 */
function statusRight(link: GoldLink, suggested: Set<string>): boolean {
  if (suggested.size === 0) return false;
  const alternatives = link.alsoAcceptable ?? [];
  const allowed = new Set([link.status, ...alternatives.map((a) => a.status)]);
  const alone = new Set([link.status, ...alternatives.filter((a) => a.alone !== false).map((a) => a.status)]);
  return [...suggested].every((s) => allowed.has(s)) && [...suggested].some((s) => alone.has(s));
}

function levelRight(link: GoldLink, suggested: Set<string>): boolean {
  if (suggested.size === 0) return false;
  const allowed = new Set([link.level, ...(link.alsoAcceptable ?? []).map((a) => a.level ?? null)]);
  return [...suggested].every((s) => allowed.has(s)) && suggested.has(link.level as string);
}

/** A date read is right when it says what the gold says (a gold without a year: the month and day). */
function dateRight(gold: string | null, read: string | null): boolean {
  if (gold === null) return read === null;
  if (read === null) return false;
  if (gold.startsWith('--')) return read.endsWith(gold.slice(1));
  return read === gold;
}

export function scoreDocument(
  name: string,
  gold: GoldDocument,
  reading: DocumentReading,
): ImportEvalDocument & {
  counts: Omit<ImportEvalResult, 'folder' | 'documents' | 'perDocument' | 'sources'>;
} {
  const suggestions = reading.suggestions.flatMap((list, index) => list.map((s) => ({ ...s, clause: reading.clauses[index] })));
  const byFeature = new Map<string, typeof suggestions>();
  for (const s of suggestions) byFeature.set(s.featureId, [...(byFeature.get(s.featureId) ?? []), s]);
  const goldById = new Map(gold.links.map((l) => [l.featureId, l]));
  const required = gold.links.filter((l) => !l.optional);
  const suggestedIds = [...byFeature.keys()];
  const right = suggestedIds.filter((id) => goldById.has(id));
  const wrong = suggestedIds.filter((id) => !goldById.has(id));
  const missed = required.filter((l) => !byFeature.has(l.featureId)).map((l) => l.featureId);
  const statusOf = (id: string) => new Set((byFeature.get(id) ?? []).flatMap((s) => (s.status ? [s.status] : [])));
  const levelOf = (id: string) => new Set((byFeature.get(id) ?? []).flatMap((s) => (s.level ? [s.level] : [])));

  const withStatus = required.filter((l) => l.status !== null);
  const statusHits = withStatus.filter((l) => statusRight(l, statusOf(l.featureId)));
  const wrongStatus = withStatus
    .filter((l) => !statusHits.includes(l))
    .map((l) => `${l.featureId}: ${[...statusOf(l.featureId)].join('+') || 'none'} → ${l.status}`);
  const withLevel = required.filter((l) => l.level !== null);
  const levelHits = withLevel.filter((l) => levelRight(l, levelOf(l.featureId)));
  // The quote offered for the feature (the sentence the editor starts from) holds the words carrying its status.
  const cued = statusHits.filter((l) => l.cue);
  const cueHits = cued.filter((l) =>
    (byFeature.get(l.featureId) ?? []).some(
      (s) => s.status && [l.cue as string, ...(l.alsoCues ?? [])].some((cue) => contains(s.quote, cue)),
    ),
  );
  const offered = reading.newPlaces.map((p) => p.name);
  const placesFound = gold.newPlaces.filter((p) => p.keys.some((key) => offered.some((o) => contains(o, key))));
  const keys = gold.newPlaces.flatMap((p) => p.keys);
  const unexpected = offered.filter((o) => !keys.some((key) => contains(o, key)));
  // A not-feature phrase "draws" a suggestion when a suggestion of the feature it looks like was found inside it.
  const notFeatureHits = gold.notFeatures.filter((nf) =>
    suggestions.some(
      (s) =>
        nf.looksLike.split(/\s*\/\s*/u).includes(s.featureId) &&
        occurrences(s.clause.text, nf.text).some(([from, to]) => s.evidence.mention[0] >= from && s.evidence.mention[1] <= to),
    ),
  );
  const dateOk = dateRight(gold.date, reading.documentDate);
  return {
    document: name,
    right,
    wrong,
    missed,
    wrongStatus,
    notFeatureHits: notFeatureHits.map((nf) => `${nf.text} → ${nf.looksLike}`),
    newPlaces: { right: placesFound.length, of: gold.newPlaces.length },
    unexpectedPlaces: unexpected,
    date: { gold: gold.date, read: reading.documentDate },
    counts: {
      precision: { right: right.length, of: right.length + wrong.length },
      recall: { right: required.length - missed.length, of: required.length },
      status: { right: statusHits.length, of: withStatus.length },
      level: { right: levelHits.length, of: withLevel.length },
      cueInQuote: { right: cueHits.length, of: cued.length },
      newPlaces: { right: placesFound.length, of: gold.newPlaces.length },
      placeCards: { right: offered.length - unexpected.length, of: offered.length },
      notFeatureHits: { right: notFeatureHits.length, of: gold.notFeatures.length },
      date: { right: dateOk ? 1 : 0, of: 1 },
    },
  };
}

/** Where `needle` stands in `text`, case and diacritics aside (folding keeps Vietnamese text's length). */
function occurrences(text: string, needle: string): [number, number][] {
  const haystack = text.toLowerCase();
  const wanted = needle.toLowerCase().replace(/\s+/gu, ' ');
  const found: [number, number][] = [];
  for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + 1)) found.push([at, at + wanted.length]);
  return found;
}

const add = (a: Score, b: Score): Score => ({ right: a.right + b.right, of: a.of + b.of });

export function evaluateImport(folder: string): ImportEvalResult {
  const goldFile = join(folder, 'gold.json');
  if (!existsSync(goldFile)) throw new Error(`${basename(folder)} has no gold.json`);
  const goldAll = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(goldFile, 'utf8')));
  const features = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'record', 'features.json'), 'utf8')) as FeatureRecord[];
  const provinces = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'record', 'provinces.json'), 'utf8')) as {
    name: { vi: string };
  }[];
  const index = buildLinkIndex(
    features,
    provinces.map((p) => p.name.vi),
  );
  const zero = (): Score => ({ right: 0, of: 0 });
  const totals = {
    precision: zero(),
    recall: zero(),
    status: zero(),
    level: zero(),
    cueInQuote: zero(),
    newPlaces: zero(),
    placeCards: zero(),
    notFeatureHits: zero(),
    date: zero(),
  };
  const perDocument: ImportEvalDocument[] = [];
  for (const [name, entry] of Object.entries(goldAll).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.startsWith('_')) continue;
    const gold = goldDocument.parse(entry);
    const text = readFileSync(join(folder, name), 'utf8');
    const { counts, ...document } = scoreDocument(name, gold, readDocument(text, index));
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] = add(totals[key], counts[key]);
    perDocument.push(document);
  }
  return { folder: basename(folder), documents: perDocument.length, ...totals, perDocument, sources: sourceAgreement() };
}
