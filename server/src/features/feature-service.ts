import type { FeatureCollectionResponse, FeatureDetailResponse } from '../domain/api';
import { commitmentsOf } from '../domain/commitments';
import { correctionOf } from '../domain/corrections';
import { todayIso } from '../domain/dates';
import type { Filters } from '../domain/filters';
import { agreementDateOf, type Narrowing } from '../domain/record-on-date';
import type { StatusEvent } from '../domain/schemas';
import { type CommitmentTarget, targetsOf } from '../domain/targets';
import { notFound } from '../http/errors';
import { type CurrentRecordSource, checkReferences, selectFeatures } from '../record/current-record';
import type { RecordRepository } from '../record/repository';

/**
 * The features as the API gives them. A list is a selection from the read model (record/current-record.ts:
 * the record's timelines, once per revision and day); a feature's detail adds its history, clauses and
 * links from one snapshot of the record.
 */
export function createFeatureService(source: RecordRepository, record: CurrentRecordSource) {
  return {
    async list(filters: Filters, narrowing: Narrowing = {}): Promise<FeatureCollectionResponse> {
      const current = await record.now();
      checkReferences(current, filters, narrowing.ids);
      return { type: 'FeatureCollection', features: selectFeatures(current, filters, narrowing) };
    },
    detail: async (id: string, viewer: Viewer = { editor: false }, asOf: string | null = null) =>
      detailOf(await source.snapshot(), record, id, viewer, asOf),
  };
}

/** Who asks: editors see who recorded each step; anyone else sees only that an editor did. */
export type Viewer = { editor: boolean };

/** What a visitor sees of the editor who recorded a step: the role, never the user name. */
const EDITOR_FOR_VISITORS = 'editor';

/** Who recorded a step, as `viewerIsEditor` may see it (the detail's history, the feed): the name for editors, the role for anyone else. */
export const shownRecorder = (recordedBy: string, viewerIsEditor: boolean) => (viewerIsEditor ? recordedBy : EDITOR_FOR_VISITORS);

async function detailOf(
  repository: RecordRepository,
  current: CurrentRecordSource,
  id: string,
  viewer: Viewer,
  /** The date the deadlines are read on (the slider's); null: today. */
  asOf: string | null,
): Promise<FeatureDetailResponse> {
  const record = await repository.getFeature(id);
  if (!record) throw notFound(`No feature with id "${id}"`);
  const events = (await repository.listEventsByFeature()).get(id) ?? [];
  // Its state today, as every list shows it (the read model's latest state).
  const feature = (await current.now()).latestById.get(id);
  if (!feature) throw notFound(`No feature with id "${id}"`);
  // The history shows every step, corrected ones too, with who recorded each (same order).
  const steps = await repository.listStepHistory(id);
  const records = await repository.stepRecords(id);
  const history = await Promise.all(
    steps.map(async ({ featureId: _featureId, ...event }, index) => {
      const recorded = records[index];
      const [agreement, clause] = await Promise.all([repository.getAgreement(event.agreementId), repository.getClause(event.clauseId)]);
      if (!agreement || !clause) throw new Error(`record link broken for ${id}`); // validated at start-up
      return {
        ...event,
        agreementTitle: agreement.title,
        agreementDate: agreementDateOf(agreement),
        clauseLabel: clause.label,
        recordedBy: recorded?.recordedBy == null ? null : shownRecorder(recorded.recordedBy, viewer.editor),
        recordedAt: recorded?.recordedAt ?? null,
        correctedBy: correctionOf(steps, index),
        movedToName: event.movedTo ? ((await repository.getFeature(event.movedTo))?.name ?? null) : null,
      };
    }),
  );
  history.sort((a, b) => a.date.localeCompare(b.date));
  const mentionedIn = await Promise.all(
    record.mentionedIn.map(async (clauseId) => {
      const clause = await repository.getClause(clauseId);
      return { clauseId, agreementId: clauseId.split(':')[0], label: clause?.label ?? { vi: clauseId, en: clauseId } };
    }),
  );
  const basis = await Promise.all(
    (record.citations ?? []).map(async (citation) => {
      const [agreement, clause] = await Promise.all([
        repository.getAgreement(citation.agreementId),
        repository.getClause(citation.clauseId),
      ]);
      if (!agreement || !clause) throw new Error(`citation link broken for ${id}`); // validated at start-up
      return {
        agreementId: agreement.id,
        agreementTitle: agreement.title,
        agreementDate: agreementDateOf(agreement),
        clauseId: clause.id,
        clauseAgreementId: clause.agreementId,
        clauseLabel: clause.label,
        note: citation.note ?? null,
      };
    }),
  );
  const allRecords = await repository.listFeatures();
  const byId = new Map(allRecords.map((other) => [other.id, other]));
  const related = [
    ...record.relations.map((relation) => ({ id: relation.target, relation: relation.type, direction: 'out' as const })),
    ...allRecords.flatMap((other) =>
      other.relations
        .filter((relation) => relation.target === id)
        .map((relation) => ({ id: other.id, relation: relation.type, direction: 'in' as const })),
    ),
  ].map((link) => {
    const other = byId.get(link.id);
    if (!other) throw new Error(`relation to missing feature ${link.id}`); // validated at start-up
    return { ...link, kind: other.kind, name: other.name };
  });
  // Deadlines are read on the date asked: as of 2025-06-30 a 2025 target is due, as of 2026 it may be overdue.
  const targets = new Map(targetsOf(events, asOf ?? todayIso()).map((target) => [target.key, target]));
  const commitments = commitmentsOf(events).map((commitment) => ({
    key: commitment.key,
    subject: commitment.firstMade.subject ?? null,
    clauseIds: commitment.events.map((event) => event.clauseId),
    firstMade: commitment.firstMade.date,
    lastRestated: commitment.events[commitment.events.length - 1].date,
    achieved: commitment.achieved?.date ?? null,
    progressed: commitment.progressed.flatMap(({ date, clauseId, agreementId, progress }) =>
      progress ? [{ date, clauseId, agreementId, progress }] : [],
    ),
    stalled: commitment.stalled && {
      since: commitment.stalled.since.date,
      restated: commitment.stalled.restated.date,
      days: commitment.stalled.days,
      sinceClause: commitment.stalled.since.clauseId,
      restatedClause: commitment.stalled.restated.clauseId,
    },
    target: targetView(targets.get(commitment.key)),
  }));
  return {
    ...feature,
    version: (await repository.featureVersion(id)) ?? 1,
    related,
    basis,
    commitments,
    record: {
      location: record.location,
      sides: record.sides,
      relations: record.relations,
      waypoints: record.waypoints,
      note: record.note,
      unlocated: record.unlocated,
      pairingScale: record.pairingScale,
      mentionedIn,
    },
    history,
  };
}

/** A commitment's deadline as the panel shows it: when, what, the clause that set it, every earlier one. */
function targetView(target: CommitmentTarget | undefined): FeatureDetailResponse['commitments'][number]['target'] {
  if (!target) return null;
  const given = (event: StatusEvent) => event.target as NonNullable<StatusEvent['target']>;
  return {
    by: target.by,
    due: target.due,
    reach: target.reach,
    cue: given(target.setBy).cue,
    clauseId: target.setBy.clauseId,
    agreementId: target.setBy.agreementId,
    setOn: target.setBy.date,
    state: target.state,
    daysLate: target.daysLate,
    moved: target.moved,
    metOn: target.metBy?.date ?? null,
    restatements: target.restatements.map((event) => ({
      by: given(event).by,
      date: event.date,
      clauseId: event.clauseId,
      cue: given(event).cue,
    })),
  };
}
