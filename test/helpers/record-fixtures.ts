import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clause } from '../../server/src/domain/schemas';
import { projectRoot } from './app';

/**
 * What the tests and benchmarks write into the record, written once: a status step for Tân Thanh – Pò
 * Chài quoting clause 003:6.a (the clause's own first words, read from the curated record), and the
 * metadata of our own 2027 test communiqué (test/fixtures/import/2027-communique.md).
 */
const clause003 = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'record', 'clauses', '003.json'), 'utf8')) as Clause[];

/** The first 60 characters of clause 003:6.a's Vietnamese text: a verbatim quote for a step citing it. */
export const TAN_THANH_QUOTE = (clause003.find((clause) => clause.id === '003:6.a')?.text.vi ?? '').slice(0, 60);

/** A status step for Tân Thanh – Pò Chài quoting clause 003:6.a, as the feature panel sends it; `version` as read. */
export const tanThanhStep = (version: number, overrides: Record<string, unknown> = {}) => ({
  version,
  date: '2026-02-11',
  status: 'announced',
  level: null,
  evidence: 'stated',
  agreementId: '003',
  clauseId: '003:6.a',
  quote: TAN_THANH_QUOTE,
  ...overrides,
});

/** POSTs a step for Tân Thanh – Pò Chài to a listening server (fetch); `headers` carry the session. */
export const postTanThanhStep = (origin: string, headers: Record<string, string>, version: number, note: string) =>
  fetch(`${origin}/api/features/tan-thanh-po-chai/steps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(tanThanhStep(version, { note })),
  });

/** The agreement metadata an editor fills in for the 2027 test communiqué. */
export const COMMUNIQUE_2027_AGREEMENT = {
  kind: 'joint_communique',
  draft: false,
  title: {
    vi: 'Thông cáo chung Hội nghị lần thứ 18 Ủy ban công tác liên hợp Lạng Sơn, Cao Bằng – Quảng Tây',
    en: 'Joint communiqué of the 18th Joint Working Committee, Lạng Sơn, Cao Bằng – Guangxi',
    zh: null,
  },
  documentDate: '2027-03-24',
  signedDate: null,
  place: 'Lạng Sơn',
  parties: [
    { country: 'VN', name: { vi: 'Tỉnh Lạng Sơn', zh: '谅山省', en: 'Lạng Sơn province' } },
    { country: 'CN', name: { vi: 'Khu tự trị dân tộc Choang Quảng Tây', zh: '广西壮族自治区', en: 'Guangxi Zhuang Autonomous Region' } },
  ],
  period: null,
};
