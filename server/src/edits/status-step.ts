import { effectiveSteps, isStep } from '../domain/corrections';
import { documentDates } from '../domain/dates';
import type { StatusStepBody } from '../domain/request-bodies';
import { type Agreement, type Clause, type FeatureRecord, statusEventSchema } from '../domain/schemas';
import { quotesClause } from '../domain/text';
import { KIND_BY_ID } from '../domain/vocabulary';
import { badRequest, HttpError } from '../http/errors';
import type { Database } from '../store/database';
import { changeRecord } from '../store/revision';
import { appendStep, stepsOf } from './append-step';

export type Editor = { username: string };

const fieldError = (field: string, message: string) => badRequest('invalid_body', `Field "${field}": ${message}`, field);

/**
 * Records a status step, in one transaction: checks the feature, the clause and the quote, refuses a
 * stale version (409 with the feature's current version and steps: no lost update), appends the step
 * (never overwriting one) and a `changes` entry — who, when, before and after, and the citation — and
 * raises the feature's version. Nothing is written unless all of it is.
 */
export async function recordStatusStep(db: Database, featureId: string, body: StatusStepBody, editor: Editor) {
  // The revision raised first; once committed, this server's next read sees the change (store/revision.ts).
  return changeRecord(db, async (tx) => {
    const [row] = await tx.query<{ body: FeatureRecord; version: number }>('SELECT body, version FROM features WHERE id = $1 FOR UPDATE', [
      featureId,
    ]);
    if (!row) throw new HttpError(404, 'not_found', `No feature with id "${featureId}"`);
    if (!KIND_BY_ID[row.body.kind].hasStatus) {
      throw new HttpError(400, 'no_status', `A ${KIND_BY_ID[row.body.kind].label.en.toLowerCase()} has no status to change`);
    }
    const before = await stepsOf(tx, featureId);
    if (row.version !== body.version) {
      throw new HttpError(
        409,
        'conflict',
        `The feature was changed meanwhile (version ${row.version}, you read ${body.version}): review its current steps and try again`,
        { current: { version: row.version, steps: before } },
      );
    }
    const [clause] = await tx.query<{ body: Clause }>('SELECT body FROM clauses WHERE id = $1', [body.clauseId]);
    if (!clause) throw fieldError('clauseId', `no clause "${body.clauseId}" in the record`);
    if (clause.body.agreementId !== body.agreementId) {
      throw fieldError(
        'clauseId',
        `clause "${body.clauseId}" belongs to agreement "${clause.body.agreementId}", not "${body.agreementId}"`,
      );
    }
    if (!quotesClause(body.quote, clause.body.text)) {
      throw fieldError('quote', `not found in the text of clause ${body.clauseId}: quote its words exactly`);
    }
    const [agreement] = await tx.query<{ body: Agreement }>('SELECT body FROM agreements WHERE id = $1', [body.agreementId]);
    const dates = agreement ? documentDates(agreement.body) : [];
    if (!dates.some((date) => body.date.startsWith(date))) {
      throw fieldError(
        'date',
        dates.length > 0
          ? `a step is dated by the document it is read from: agreement ${body.agreementId} is dated ${dates.join(' or ')}, not ${body.date}`
          : `agreement ${body.agreementId} has no date: import its document with its date first`,
      );
    }
    if (body.corrects) {
      const corrected = body.corrects;
      if (!before.some((step) => isStep(step, corrected))) {
        throw fieldError('corrects', `the feature has no step ${corrected.date} ${corrected.status} citing ${corrected.clauseId}`);
      }
      if (!effectiveSteps(before).some((step) => isStep(step, corrected))) {
        throw fieldError('corrects', 'that step is already corrected: correct the correction instead');
      }
      if (!body.note) throw fieldError('note', 'a correction says why the earlier step was wrong');
    }
    const { version: _version, ...fields } = body;
    const step = statusEventSchema.parse({ featureId, ...fields });
    return { version: await appendStep(tx, { step, version: row.version, before, actor: editor.username }), step };
  });
}
