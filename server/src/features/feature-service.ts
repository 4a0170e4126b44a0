import type { FeatureCollectionResponse, FeatureDetailResponse, MapFeature } from '../domain/api';
import { commitmentsOf } from '../domain/commitments';
import { correctionOf } from '../domain/corrections';
import { provinceAsOf } from '../domain/provinces';
import { agreementDateOf, agreementDatesOf } from '../domain/record-on-date';
import { badRequest, notFound } from '../http/errors';
import type { RecordRepository } from '../record/repository';
import type { FeatureQuery } from './feature-query';
import { impliedAgreementsOf, intersectsBbox, type ProvinceAsOf, toApiFeature } from './to-api-feature';

/**
 * The features as the API gives them. Each call reads one snapshot of the record (consistent across
 * its many lookups, and one revision query for a store).
 */
export function createFeatureService(source: RecordRepository) {
  const on = async () => featureServiceOn(await source.snapshot());
  return {
    checkReferences: async (query: Parameters<ReturnType<typeof featureServiceOn>['checkReferences']>[0]) =>
      (await on()).checkReferences(query),
    list: async (query: FeatureQuery) => (await on()).list(query),
    detail: async (id: string, viewer?: Viewer) => (await on()).detail(id, viewer),
  };
}

/** Who asks: editors see who recorded each step; anyone else sees only that an editor did. */
export type Viewer = { editor: boolean };

/** What a visitor sees of the editor who recorded a step: the role, never the user name. */
const EDITOR_FOR_VISITORS = 'editor';

/** The feature service over one snapshot of the record. */
export function featureServiceOn(repository: RecordRepository) {
  async function provinceResolver(): Promise<ProvinceAsOf> {
    const provinces = await repository.listProvinces();
    return (code, asOf) => provinceAsOf(code, asOf, provinces);
  }

  /** The first date the record knows the feature: its first status step or first mention. */
  async function firstRecordedDates(): Promise<Map<string, string>> {
    const [features, eventsByFeature, agreements] = await Promise.all([
      repository.listFeatures(),
      repository.listEventsByFeature(),
      repository.listAgreements(),
    ]);
    const dateOfAgreement = agreementDatesOf(agreements);
    const result = new Map<string, string>();
    for (const feature of features) {
      const dates = [
        ...(eventsByFeature.get(feature.id) ?? []).map((event) => event.date),
        ...feature.mentionedIn.map((clauseId) => dateOfAgreement.get(clauseId.split(':')[0]) ?? null),
      ].filter((date): date is string => date !== null);
      if (dates.length > 0) result.set(feature.id, dates.sort()[0]);
    }
    return result;
  }

  /** Refuses feature and agreement ids and province codes the record does not know (400 naming the first). */
  async function checkReferences(query: Pick<FeatureQuery, 'id' | 'agreement' | 'province'>): Promise<void> {
    for (const id of query.id ?? []) {
      if (!(await repository.getFeature(id))) throw badRequest('invalid_parameter', `Query parameter "id": unknown feature "${id}"`);
    }
    if (query.agreement) {
      const known = new Set((await repository.listAgreements()).map((agreement) => agreement.id));
      const unknown = query.agreement.find((id) => !known.has(id));
      if (unknown !== undefined) throw badRequest('invalid_parameter', `Query parameter "agreement": unknown agreement "${unknown}"`);
    }
    if (query.province) {
      const known = new Set((await repository.listProvinces()).map((province) => province.code));
      const unknown = query.province.find((code) => !known.has(code));
      if (unknown !== undefined) throw badRequest('invalid_parameter', `Query parameter "province": unknown province "${unknown}"`);
    }
  }

  return {
    checkReferences,

    async list(query: FeatureQuery): Promise<FeatureCollectionResponse> {
      await checkReferences(query);
      const [records, eventsByFeature, firstRecorded, resolveProvince, agreements] = await Promise.all([
        repository.listFeatures(),
        repository.listEventsByFeature(),
        firstRecordedDates(),
        provinceResolver(),
        repository.listAgreements(),
      ]);
      const dateOfAgreement = agreementDatesOf(agreements);
      const implied = impliedAgreementsOf(agreements);
      const features: MapFeature[] = [];
      const wanted = query.id ? new Set(query.id) : null;
      for (const record of records) {
        if (wanted && !wanted.has(record.id)) continue;
        // As of a date, the map shows only what the record knew by then.
        if (query.asOf && (firstRecorded.get(record.id) ?? '9999') > query.asOf) continue;
        if (query.kind && !query.kind.includes(record.kind)) continue;
        const feature = toApiFeature(record, eventsByFeature.get(record.id) ?? [], query.asOf, resolveProvince, implied);
        feature.properties.firstRecorded = firstRecorded.get(record.id) ?? null;
        // As of a date, a feature is linked only to the agreements that existed by then.
        if (query.asOf) {
          const asOf = query.asOf;
          feature.properties.agreements = feature.properties.agreements.filter((id) => (dateOfAgreement.get(id) ?? '') <= asOf);
        }
        const { status, upgrade, agreements } = feature.properties;
        if (query.status && !query.status.some((wanted) => wanted === status || wanted === upgrade?.status)) continue;
        if (query.agreement && !query.agreement.some((id) => agreements.includes(id))) continue;
        if (query.province && !query.province.some((code) => feature.properties.provinces.includes(code))) continue;
        if (query.bbox && !intersectsBbox(feature, query.bbox)) continue;
        if (query.stalled !== undefined && feature.properties.stalled !== query.stalled) continue;
        features.push(feature);
      }
      return { type: 'FeatureCollection', features };
    },

    async detail(id: string, viewer: Viewer = { editor: false }): Promise<FeatureDetailResponse> {
      const record = await repository.getFeature(id);
      if (!record) throw notFound(`No feature with id "${id}"`);
      const events = (await repository.listEventsByFeature()).get(id) ?? [];
      const feature = toApiFeature(
        record,
        events,
        undefined,
        await provinceResolver(),
        impliedAgreementsOf(await repository.listAgreements()),
      );
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
            recordedBy: recorded?.recordedBy == null ? null : viewer.editor ? recorded.recordedBy : EDITOR_FOR_VISITORS,
            recordedAt: recorded?.recordedAt ?? null,
            correctedBy: correctionOf(steps, index),
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
      const commitments = commitmentsOf(events).map((commitment) => ({
        key: commitment.key,
        subject: commitment.firstMade.subject ?? null,
        clauseIds: commitment.events.map((event) => event.clauseId),
        firstMade: commitment.firstMade.date,
        lastRestated: commitment.events[commitment.events.length - 1].date,
        achieved: commitment.achieved?.date ?? null,
        stalled: commitment.stalled && {
          since: commitment.stalled.since.date,
          restated: commitment.stalled.restated.date,
          days: commitment.stalled.days,
          sinceClause: commitment.stalled.since.clauseId,
          restatedClause: commitment.stalled.restated.clauseId,
        },
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
    },
  };
}
