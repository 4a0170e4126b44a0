/**
 * A small in-memory record for the reading rules' tests (scripts/*-rule*.test.ts): one invented document, 901, whose
 * clauses the tests write, and steps that quote them. No text here is from the real documents.
 */
import type { Clause, FeatureRecord, StatusEvent } from '../../server/src/domain/schemas';
import type { LoadedRecord } from '../../server/src/record/load-record';

/** A clause of document 901 (`901:<path>`), in Vietnamese. */
export const clause = (path: string, vi: string): Clause => ({
  id: `901:${path}`,
  agreementId: '901',
  path: [path],
  label: { vi: `Mục ${path}`, en: `Item ${path}` },
  text: { vi },
});

/** A step of document 901 dated 2030-05-04, quoting clause 901:1 unless told otherwise. */
export const step = (overrides: Partial<StatusEvent> & Pick<StatusEvent, 'featureId' | 'quote'>): StatusEvent => ({
  date: '2030-05-04',
  status: 'agreed',
  level: null,
  evidence: 'stated',
  agreementId: '901',
  clauseId: '901:1',
  ...overrides,
});

/** A gate of the invented record, with an optional note. */
export const gate = (id: string, note?: string): FeatureRecord => ({
  id,
  kind: 'gate_pair',
  name: { vi: id, zh: null, en: id },
  provinces: ['VN-XX'],
  relations: [],
  mentionedIn: [],
  unlocated: 'An invented gate.',
  ...(note ? { note } : {}),
});

export function readingRecord({
  clauses = [],
  events = [],
  features = [],
}: {
  clauses?: Clause[];
  events?: StatusEvent[];
  features?: FeatureRecord[];
}): LoadedRecord {
  return {
    agreements: [
      {
        id: '901',
        kind: 'joint_communique',
        draft: false,
        title: { vi: 'Biên bản thử', en: 'Test minutes', zh: '测试纪要' },
        documentDate: '2030-05-04',
        signedDate: null,
        place: null,
        parties: [],
        period: null,
        sourceFile: null,
      },
    ],
    clauses,
    features,
    events,
    provinces: [],
  };
}
