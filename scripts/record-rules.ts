/**
 * Rules on how the record reads its documents, each one a defect an expert audit found (record-audit.md):
 * they would have caught it, and catch it again; and that its prose is readable in all three languages.
 * Part of `npm run geodata:check`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { effectiveSteps } from '../server/src/domain/corrections';
import {
  briefingProse,
  indexTranslations,
  missingLanguages,
  recordProse,
  type TranslationTable,
} from '../server/src/domain/record-translations';
import type { Agreement, StatusEvent } from '../server/src/domain/schemas';
import type { LoadedRecord } from '../server/src/record/load-record';
import { checkCueGrades, checkSameWordsSameGrade } from './evidence-grade-rules';
import { checkNoteClauseReferences } from './note-clause-references';
import { checkOperatingOnPromotion } from './operating-on-promotion-rule';

/** Latin letters, with or without Vietnamese diacritics: a Chinese name holding them kept a Vietnamese part (D17). */
const LATIN = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;

/** "(bao gồm …)": the scope of a proposal — a channel named there is proposed with it, not operating (D1). */
function insideScopeOfProposal(clauseText: string, quote: string): boolean {
  const at = clauseText.indexOf(quote);
  if (at < 0) return false;
  const open = clauseText.lastIndexOf('(', at + (quote.startsWith('(') ? 0 : -1));
  if (open < 0) return false;
  const close = clauseText.indexOf(')', open);
  return /^\(\s*bao gồm/i.test(clauseText.slice(open)) && (close < 0 || close >= at);
}

/** "20/01/2024", "12/6/2024" → "2024-01-20", "2024-06-12". */
function datesIn(text: string): string[] {
  return [...text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)].map(([, d, m, y]) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

/** Crossings planners follow: each needs a published point within 1 km for a side, or research saying why not (issue 16). */
const CROSSING_KINDS = new Set(['gate_pair', 'channel', 'opening', 'special_road']);
const RESEARCH_DIR = join(import.meta.dirname, '..', 'geodata', 'research');

/** Feature ids that geodata/research/positions-*.json reports searched without a qualifying point (with what was searched). */
export function researchedWithoutPoint(dir = RESEARCH_DIR): Set<string> {
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((file) => /^positions-.*\.json$/.test(file))) {
    const rows = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { featureId?: string; precision?: string; searched?: unknown[] }[];
    for (const row of rows) if (row.featureId && row.precision === 'not found' && (row.searched?.length ?? 0) > 0) ids.add(row.featureId);
  }
  return ids;
}

export function checkReadings(record: LoadedRecord, researched: ReadonlySet<string> = researchedWithoutPoint()): string[] {
  const problems: string[] = [];
  const clauseById = new Map(record.clauses.map((clause) => [clause.id, clause]));
  const agreementById = new Map(record.agreements.map((agreement) => [agreement.id, agreement]));

  for (const feature of record.features) {
    const names = [
      { where: 'name', zh: feature.name.zh },
      ...(feature.sides ?? []).map((side) => ({ where: `${side.country} side`, zh: side.name.zh })),
      ...(feature.waypoints ?? []).map((waypoint, index) => ({ where: `waypoint ${index}`, zh: waypoint.name.zh })),
    ];
    for (const { where, zh } of names)
      if (zh && LATIN.test(zh)) problems.push(`${feature.id}: Chinese ${where} "${zh}" holds Latin letters (a Vietnamese name left in zh)`);
  }

  for (const feature of record.features) {
    if (!CROSSING_KINDS.has(feature.kind)) continue;
    const points = [feature.location, ...(feature.sides ?? []).map((side) => side.location)];
    const sourced = points.some((p) => p && p.provenance === 'sourced' && (p.precision === 'exact' || p.precision === '1km'));
    if (!sourced && !researched.has(feature.id))
      problems.push(
        `${feature.id}: no published point within 1 km for either side, and no research note (geodata/research/positions-*.json) saying what was searched`,
      );
  }

  const byFeature = new Map<string, StatusEvent[]>();
  for (const event of record.events) byFeature.set(event.featureId, [...(byFeature.get(event.featureId) ?? []), event]);
  for (const [featureId, events] of byFeature) {
    for (const event of effectiveSteps(events)) {
      const at = `${featureId} ${event.date} ${event.status} (${event.clauseId})`;
      const clause = clauseById.get(event.clauseId);
      if (event.status === 'operating' && clause && insideScopeOfProposal(clause.text.vi, event.quote))
        problems.push(`${at}: "operating" rests on a name inside a proposal's scope ("(bao gồm …)"), not on an operating feature`);
    }
    for (const event of events) {
      const at = `${featureId} ${event.date} ${event.status} (${event.clauseId})`;
      if (event.evidence === 'implied' && !event.note) problems.push(`${at}: an implied step must say in its note what implies it`);
      const document = agreementById.get(event.agreementId);
      if (document?.documentDate && document.documentDate !== event.date)
        problems.push(`${at}: dated ${event.date}, but its document ${document.id} is dated ${document.documentDate}`);
    }
  }

  const citedAbout = new Set(record.features.flatMap((feature) => (feature.citations ?? []).map((citation) => citation.agreementId)));
  const linked = (agreement: Agreement) =>
    citedAbout.has(agreement.id) || (agreement.memberOf !== undefined && citedAbout.has(agreement.memberOf));
  for (const agreement of record.agreements) {
    if (agreement.sourceFile) continue; // held: its clauses link it
    if (!linked(agreement) && !agreement.unlinked)
      problems.push(`${agreement.id}: a referenced document no feature is cited about (add citations, or say why in "unlinked")`);
    if (linked(agreement) && agreement.unlinked) problems.push(`${agreement.id}: says "unlinked" but features are cited about it`);
    const date = agreement.signedDate ?? agreement.documentDate;
    if (date && !agreement.datesSource) {
      const citing = (agreement.referencedIn ?? []).map((id) => clauseById.get(id)?.text.vi ?? '');
      if (!citing.some((text) => datesIn(text).includes(date)))
        problems.push(`${agreement.id}: dated ${date}, a date no citing clause gives — name its source in "datesSource"`);
    }
  }
  return problems;
}

/**
 * The rules geodata/READING.md writes down, as far as a check can hold them: a step resting on a cue phrase is graded
 * as READING.md grades that cue, and the same words of one clause carry one grade; an `operating` step on a promotion
 * phrase says what implies operation; a clause id in a note exists and holds the words quoted beside it.
 */
export function checkReadingRules(record: LoadedRecord): string[] {
  return [
    ...checkCueGrades(record.events),
    ...checkSameWordsSameGrade(record.events),
    ...checkOperatingOnPromotion(record.events),
    ...checkNoteClauseReferences(record),
  ];
}

/** The briefings the project ships (geodata/briefings/*.json), whose texts need English and Chinese too. */
export function shippedBriefings(dir = join(import.meta.dirname, '..', 'geodata', 'briefings')): Parameters<typeof briefingProse>[0][] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
}

/**
 * Every text of the record and of the shipped briefings that a reader sees (notes, sources, reasons,
 * subjects, titles, parties, briefing steps) has all three languages in geodata/translations/record-prose.json,
 * and the table translates nothing the record no longer holds (a text edited without its translation).
 */
export function checkTranslations(
  record: LoadedRecord,
  table: TranslationTable,
  briefings: Parameters<typeof briefingProse>[0][] = shippedBriefings(),
): string[] {
  const problems: string[] = [];
  const index = indexTranslations(table);
  const prose = [...recordProse(record), ...briefings.flatMap(briefingProse)];
  for (const text of prose) {
    const missing = missingLanguages(index, text);
    if (missing.length > 0) problems.push(`${text.where}: no ${missing.join('/')} translation of "${text.text.slice(0, 60)}"`);
  }
  const held = new Set(prose.map((text) => text.text));
  for (const entry of table) {
    const original = entry[entry.from] as string;
    if (!held.has(original)) problems.push(`translations: "${original.slice(0, 60)}" is not a text of the record (edited since?)`);
  }
  return problems;
}
