import { ZodError } from 'zod';
import { documentDates } from '../domain/dates';
import { foldForSearch } from '../domain/fold-text';
import { segmentDocument } from '../domain/import/segment-document';
import { type ImportBody, MAX_DOCUMENT_CLAUSES, tooManyClausesMessage } from '../domain/request-bodies';
import {
  type Agreement,
  agreementSchema,
  type Clause,
  clauseSchema,
  type FeatureRecord,
  featureRecordSchema,
  statusEventSchema,
} from '../domain/schemas';
import { quotesClause } from '../domain/text';
import { KIND_BY_ID, STATUS_BY_ID } from '../domain/vocabulary';
import { appendStep, stepsOf } from '../edits/append-step';
import { badRequest } from '../http/errors';
import type { Database, Queryable } from '../store/database';
import { changeRecord } from '../store/revision';

const fieldError = (field: string, message: string) => badRequest('invalid_body', `Field "${field}": ${message}`, field);

/** "Nà Lạn – Bản Ngà" → "na-lan-ban-nga". */
const slug = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** `base`, or `base-2`, `base-3`… — the first id the table does not hold. */
async function freeId(tx: Queryable, table: 'agreements' | 'features', base: string): Promise<string> {
  const taken = new Set(
    (await tx.query<{ id: string }>(`SELECT id FROM ${table} WHERE id = $1 OR id LIKE $2`, [base, `${base}-%`])).map((row) => row.id),
  );
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

const nextPosition = async (tx: Queryable, table: string) =>
  Number((await tx.query<{ next: number }>(`SELECT coalesce(max(position) + 1, 0) AS next FROM ${table}`))[0].next);

export type ImportResult = { agreementId: string; clauseIds: string[]; newFeatureIds: string[]; steps: number; mentions: number };

/**
 * Saves an imported document in one transaction: the agreement and its text, every clause the
 * segmentation finds (read again here from the text, never taken from the request), the new places,
 * and the steps and mentions the editor accepted — each step citing its clause with words found in it,
 * dated by the document, appended with who recorded it, and logged in `changes`. Nothing is written
 * unless all of it is.
 */
export async function saveImport(db: Database, body: ImportBody, editor: { username: string }): Promise<ImportResult> {
  try {
    return await saveImportChecked(db, body, editor);
  } catch (error) {
    // A record the schemas refuse (an id, a name) is the request's fault, said as such: nothing was written.
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      throw fieldError(issue.path.join('.') || 'body', issue.message);
    }
    throw error;
  }
}

async function saveImportChecked(db: Database, body: ImportBody, editor: { username: string }): Promise<ImportResult> {
  const clausesFound = segmentDocument(body.text);
  if (clausesFound.length === 0) throw fieldError('text', 'no clause found in the document');
  if (clausesFound.length > MAX_DOCUMENT_CLAUSES) throw badRequest('too_many_clauses', tooManyClausesMessage(clausesFound.length), 'text');
  const stepDate = documentDates(body.agreement).find((date) => date.length === 10);
  if (body.steps.length > 0 && !stepDate) {
    throw fieldError('agreement.documentDate', 'status steps are dated by their document: give its full date (YYYY-MM-DD)');
  }

  // The revision raised first; once committed, this server's next read sees the change (store/revision.ts).
  return changeRecord(db, async (tx) => {
    const agreementId = await freeId(
      tx,
      'agreements',
      slug(`${body.agreement.documentDate ?? body.agreement.signedDate ?? 'undated'}-${body.agreement.kind}`),
    );
    const sourceFile = `imported/${agreementId}.txt`;
    const agreement: Agreement = agreementSchema.parse({ id: agreementId, ...body.agreement, sourceFile });
    const clauses: Clause[] = [];
    const clauseByPath = new Map<string, Clause>();
    for (const found of clausesFound) {
      const clause = clauseSchema.parse({
        id: `${agreementId}:${found.path.join('.')}`,
        agreementId,
        path: found.path,
        label: found.label,
        text: { vi: found.text },
      });
      if (clauseByPath.has(found.path.join('.'))) continue; // the segmenter gives unique paths; never two rows for one id
      clauses.push(clause);
      clauseByPath.set(found.path.join('.'), clause);
    }
    const clauseAt = (path: string[], field: string) => {
      const clause = clauseByPath.get(path.join('.'));
      if (!clause) throw fieldError(field, `the document has no clause ${path.join('.')}`);
      return clause;
    };

    await tx.query('INSERT INTO agreements (id, position, body) VALUES ($1, $2, $3::json)', [
      agreementId,
      await nextPosition(tx, 'agreements'),
      JSON.stringify(agreement),
    ]);
    const firstClause = await nextPosition(tx, 'clauses');
    for (const [index, clause] of clauses.entries()) {
      await tx.query('INSERT INTO clauses (id, agreement_id, position, body) VALUES ($1, $2, $3, $4::json)', [
        clause.id,
        agreementId,
        firstClause + index,
        JSON.stringify(clause),
      ]);
    }
    await tx.query('INSERT INTO documents (file_name, agreement_id, text, imported_by) VALUES ($1, $2, $3, $4)', [
      sourceFile,
      agreementId,
      body.text,
      editor.username,
    ]);
    await tx.query(
      `INSERT INTO changes (actor, entity, entity_id, action, before, after, reason) VALUES ($1, 'agreement', $2, 'import', NULL, $3::jsonb, $4)`,
      [editor.username, agreementId, JSON.stringify({ agreement, clauses: clauses.length }), `imported from ${sourceFile}`],
    );

    // New places: an estimate clicked on the map, with the precision the editor stated.
    const provinces = new Set((await tx.query<{ code: string }>('SELECT code FROM provinces')).map((row) => row.code));
    const newIds = new Map<string, string>();
    const newFeatures = new Map<string, FeatureRecord>();
    let position = await nextPosition(tx, 'features');
    for (const [index, input] of body.newFeatures.entries()) {
      if (newIds.has(input.ref)) throw fieldError(`newFeatures[${index}].ref`, `"${input.ref}" is used twice`);
      const unknown = input.provinces.find((code) => !provinces.has(code));
      if (unknown) throw fieldError(`newFeatures[${index}].provinces`, `no province "${unknown}" in the record`);
      const id = await freeId(tx, 'features', slug(input.name.vi) || 'feature');
      const record = featureRecordSchema.parse({
        id,
        kind: input.kind,
        name: input.name,
        provinces: input.provinces,
        location: { ...input.location, provenance: 'estimate' },
        relations: [],
        mentionedIn: [],
        ...(input.note ? { note: input.note } : {}),
      });
      newIds.set(input.ref, id);
      newFeatures.set(id, record);
      await tx.query('INSERT INTO features (id, position, body) VALUES ($1, $2, $3::json)', [id, position, JSON.stringify(record)]);
      position += 1;
      await tx.query(
        `INSERT INTO changes (actor, entity, entity_id, action, before, after, reason) VALUES ($1, 'feature', $2, 'create', NULL, $3::jsonb, $4)`,
        [editor.username, id, JSON.stringify({ version: 1, feature: record }), `named in ${agreementId}`],
      );
    }

    const features = new Map<string, { body: FeatureRecord; version: number }>();
    const featureOf = async (ref: ImportBody['steps'][number]['feature'], field: string) => {
      const id = 'featureId' in ref ? ref.featureId : newIds.get(ref.newFeature);
      if (!id) throw fieldError(field, `no new place "${'newFeature' in ref ? ref.newFeature : ''}" in newFeatures`);
      if (!features.has(id)) {
        const [row] = await tx.query<{ body: FeatureRecord; version: number }>(
          'SELECT body, version FROM features WHERE id = $1 FOR UPDATE',
          [id],
        );
        if (!row) throw fieldError(field, `no feature "${id}" in the record`);
        features.set(id, row);
      }
      return { id, ...(features.get(id) as { body: FeatureRecord; version: number }) };
    };

    const stepsSeen = new Set<string>();
    for (const [index, input] of body.steps.entries()) {
      const field = `steps[${index}]`;
      const clause = clauseAt(input.clausePath, `${field}.clausePath`);
      const feature = await featureOf(input.feature, `${field}.feature`);
      const key = `${feature.id}|${clause.id}|${input.status}|${input.level}`;
      if (stepsSeen.has(key)) throw fieldError(field, `the same step (${input.status}, ${clause.id}) is given twice for ${feature.id}`);
      stepsSeen.add(key);
      if (!KIND_BY_ID[feature.body.kind].hasStatus) {
        throw fieldError(`${field}.feature`, `a ${KIND_BY_ID[feature.body.kind].label.en.toLowerCase()} has no status`);
      }
      if (!quotesClause(input.quote, clause.text)) {
        throw fieldError(`${field}.quote`, `not found in the text of clause ${clause.id}: quote its words exactly`);
      }
      if (input.target && !quotesClause(input.target.cue, clause.text)) {
        throw fieldError(`${field}.target.cue`, `not found in the text of clause ${clause.id}: quote its words exactly`);
      }
      if (input.target && STATUS_BY_ID[input.target.reach].order <= STATUS_BY_ID[input.status].order) {
        throw fieldError(`${field}.target.reach`, `a deadline aims beyond the step's own status (${input.status})`);
      }
      const before = await stepsOf(tx, feature.id);
      const step = statusEventSchema.parse({
        featureId: feature.id,
        date: stepDate,
        status: input.status,
        level: input.level,
        evidence: input.evidence,
        agreementId,
        clauseId: clause.id,
        quote: input.quote,
        ...(input.target ? { target: input.target } : {}),
        ...(input.note ? { note: input.note } : {}),
      });
      const version = await appendStep(tx, { step, version: feature.version, before, actor: editor.username });
      features.set(feature.id, { body: feature.body, version });
    }

    let mentions = 0;
    for (const [index, input] of body.mentions.entries()) {
      const field = `mentions[${index}]`;
      const clause = clauseAt(input.clausePath, `${field}.clausePath`);
      const feature = await featureOf(input.feature, `${field}.feature`);
      if (feature.body.mentionedIn.includes(clause.id)) continue;
      const updated = featureRecordSchema.parse({ ...feature.body, mentionedIn: [...feature.body.mentionedIn, clause.id] });
      await tx.query('UPDATE features SET body = $2::json, version = version + 1 WHERE id = $1', [feature.id, JSON.stringify(updated)]);
      features.set(feature.id, { body: updated, version: feature.version + 1 });
      await tx.query(
        `INSERT INTO changes (actor, entity, entity_id, action, before, after, reason) VALUES ($1, 'feature', $2, 'mention', $3::jsonb, $4::jsonb, $5)`,
        [
          editor.username,
          feature.id,
          JSON.stringify({ version: feature.version, mentionedIn: feature.body.mentionedIn }),
          JSON.stringify({ version: feature.version + 1, mentionedIn: updated.mentionedIn }),
          `named in ${clause.id}`,
        ],
      );
      mentions += 1;
    }
    return { agreementId, clauseIds: clauses.map((c) => c.id), newFeatureIds: [...newFeatures.keys()], steps: body.steps.length, mentions };
  });
}
