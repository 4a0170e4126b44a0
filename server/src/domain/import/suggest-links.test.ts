import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecord } from '../../record/load-record';
import { effectiveSteps } from '../corrections';
import type { FeatureRecord } from '../schemas';
import { normalizeText } from '../text';
import { type SegmentedClause, segmentDocument } from './segment-document';
import { buildLinkIndex, type LinkSuggestion, readClauses, suggestLinks } from './suggest-links';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const documentsDir = join(root, 'geodata', 'documents');
const record = loadRecord({ recordDir: join(root, 'geodata', 'record'), documentsDir });
const index = buildLinkIndex(record.features);
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'import', name), 'utf8');

/** Suggestions for a document, as "path: feature status level" lines easy to read in a failure. */
function readDocument(text: string) {
  const clauses = segmentDocument(text);
  const suggestions = suggestLinks(clauses, record.features, { index });
  return { clauses, suggestions, flat: suggestions.flat() };
}
const brief = (s: LinkSuggestion) => `${s.clausePath.join('.')}: ${s.featureId} ${s.status} ${s.level}`;

/** One clause of free text, for the rules that do not need a whole document. */
function suggestIn(text: string, features: readonly FeatureRecord[] = record.features): LinkSuggestion[] {
  const clause: SegmentedClause = { path: ['1'], label: { vi: 'Mục 1', en: 'Section 1' }, text, start: 0, end: text.length };
  return suggestLinks([clause], features)[0];
}

function feature(id: string, vi: string, kind: FeatureRecord['kind'] = 'opening'): FeatureRecord {
  return { id, kind, name: { vi, zh: null, en: vi }, provinces: ['VN-09'], relations: [], mentionedIn: [], unlocated: 'test' };
}

describe('suggestLinks on a new communiqué (2027, Lạng Sơn and Cao Bằng with Guangxi)', () => {
  const { clauses, suggestions, flat } = readDocument(fixture('2027-communique.md'));
  const at = (path: string) => suggestions[clauses.findIndex((clause) => clause.path.join('.') === path)] ?? [];

  it('suggests each feature named, with the status its sentence gives', () => {
    expect(flat.map(brief)).toEqual([
      // The parties of the conference: their partnerships are at work (implied by the text, not stated).
      '0.1: pairing-lang-son-guangxi operating null',
      '0.1: pairing-cao-bang-guangxi operating null',
      '0.2: pairing-lang-son-guangxi operating null',
      '0.2: pairing-cao-bang-guangxi operating null',
      '1: tan-thanh-po-chai operating null',
      '1: coc-nam under_construction opening',
      '1: marker-1088-2 null null',
      '2: pairing-lang-son-guangxi operating null',
      '2: chi-ma announced international',
      '2: binh-nghi agreed bilateral',
      '3: huu-nghi proposed international',
      '4: po-peo accepted bilateral',
      '4: ta-lung under_construction null',
      // Named as a working gate pair ("vai trò của cặp cửa khẩu …"): operating, implied, for the editor to confirm.
      '5: tra-linh operating null',
      '6: ban-gioc-detian-area operating null',
    ]);
    const implied = flat.filter((s) => s.evidence.rule === 'implied');
    expect(implied.every((s) => s.confidence === 'low')).toBe(true);
  });

  it('gives two features of one sentence their own statuses', () => {
    const [road, opening] = at('1');
    expect(road).toMatchObject({ featureId: 'tan-thanh-po-chai', status: 'operating', statusWords: 'đã đi vào hoạt động' });
    expect(opening).toMatchObject({ featureId: 'coc-nam', status: 'under_construction', statusWords: 'đẩy nhanh tiến độ xây dựng' });
  });

  it('finds a name written without diacritics, and one written in Chinese', () => {
    expect(at('3')).toEqual([
      {
        clausePath: ['3'],
        featureId: 'huu-nghi',
        matched: 'Huu Nghi (Viet Nam) – Huu Nghi Quan',
        by: 'name_folded',
        status: 'proposed',
        level: 'international',
        statusWords: 'kien nghi',
        confidence: 'medium',
        quote: expect.stringContaining('Hai Ben cung kien nghi'),
        evidence: { mention: expect.any(Array), cue: expect.any(Array), rule: 'goal' },
        // A proposal with no date in its sentence sets no deadline.
        target: null,
      },
    ]);
    expect(at('4')[1]).toMatchObject({
      featureId: 'ta-lung',
      matched: '水口口岸',
      by: 'zh',
      status: 'under_construction',
      confidence: 'high',
    });
  });

  it('reads the level of an upgrade and of an opening', () => {
    const two = at('2').filter((s) => !s.featureId.startsWith('pairing-'));
    expect(two[0]).toMatchObject({
      featureId: 'chi-ma',
      status: 'announced',
      level: 'international',
      statusWords: 'Lễ công bố nâng cấp cửa khẩu song phương Chi Ma (Việt Nam) – Ái Điểm (Trung Quốc) thành cửa khẩu quốc tế',
    });
    expect(two[1]).toMatchObject({ featureId: 'binh-nghi', status: 'agreed', level: 'bilateral', statusWords: 'thúc đẩy mở' });
  });

  it('offers a crossing the record does not hold as a new place, with the step its sentence gives', () => {
    const read = readClauses(clauses, index);
    expect(clauses.find((c) => c.path.join('.') === '5')?.text).toContain('lối thông quan Nà Lạn (Việt Nam) – Bản Ngà (Trung Quốc)');
    expect(at('5').map((s) => s.featureId)).toEqual(['tra-linh']);
    expect(read.places).toEqual([
      expect.objectContaining({
        clausePath: ['5'],
        name: 'lối thông quan Nà Lạn (Việt Nam) – Bản Ngà (Trung Quốc)',
        kind: 'channel',
        level: 'channel',
        status: 'proposed',
      }),
    ]);
  });

  it('quotes names and status words verbatim from the clause, and the quote holds both', () => {
    suggestions.forEach((list, i) => {
      for (const s of list) {
        expect(clauses[i].text).toContain(s.matched);
        expect(clauses[i].text.slice(...s.evidence.mention)).toBe(s.matched);
        if (s.statusWords) {
          expect(clauses[i].text).toContain(s.statusWords);
          expect(s.quote).toContain(s.statusWords);
        }
        expect(s.quote).toContain(s.matched);
        expect(s.clausePath).toEqual(clauses[i].path);
      }
    });
  });
});

describe('suggestLinks on new minutes (2026, Lào Cai, Điện Biên and Yunnan)', () => {
  const { clauses, suggestions, flat } = readDocument(fixture('2026-minutes-lao-cai.txt'));
  const at = (path: string) => suggestions[clauses.findIndex((clause) => clause.path.join('.') === path)] ?? [];

  it('suggests each feature named, with the status its sentence gives', () => {
    expect(flat.filter((s) => !s.clausePath.includes('h1')).map(brief)).toEqual([
      '0.1: pairing-lao-cai-yunnan operating null',
      '0.1: pairing-lai-chau-yunnan operating null',
      '0.1: pairing-dien-bien-yunnan operating null',
      '0.2: pairing-lao-cai-yunnan operating null',
      '0.2: pairing-lai-chau-yunnan operating null',
      '0.2: pairing-dien-bien-yunnan operating null',
      'I.1: pairing-lao-cai-yunnan operating null',
      'I.2: pairing-dien-bien-yunnan operating null',
      'I.2: a-pa-chai announced bilateral',
      'II.1.a: pairing-lao-cai-yunnan operating null',
      'II.1.b: pairing-dien-bien-yunnan operating null',
      'II.1.b: marker-2 null null',
      'II.1.b: marker-3 null null',
      'II.1.b: a-pa-chai under_construction null',
      'II.2: route-01-vn-1 proposed null',
    ]);
  });

  it('offers the gates the record does not hold (Lào Cai – Hà Khẩu, Bản Vược – Bá Sái) as new places, not as links', () => {
    expect(at('I.1').map((s) => s.featureId)).toEqual(['pairing-lao-cai-yunnan']);
    // What the parties go on to do is the gate's step, not their partnership's.
    expect(at('II.1.a')).toEqual([expect.objectContaining({ featureId: 'pairing-lao-cai-yunnan', status: 'operating' })]);
    expect(readClauses(clauses, index).places.map((p) => [p.name, p.kind, p.level, p.status])).toEqual([
      ['cửa khẩu quốc tế Lào Cai – Hà Khẩu', 'gate_pair', 'international', 'operating'],
      ['cửa khẩu phụ Bản Vược (Việt Nam) – Bá Sái (Trung Quốc)', 'gate_pair', 'bilateral', 'agreed'],
    ]);
  });

  it('reads marker numbers however the text writes them', () => {
    expect(
      at('II.1.b')
        .filter((s) => s.by === 'marker')
        .map((s) => [s.featureId, s.matched, s.by]),
    ).toEqual([
      ['marker-2', 'Mốc biên giới số 2', 'marker'],
      ['marker-3', 'mốc số 3', 'marker'],
    ]);
  });
});

describe('suggestLinks, matching rules', () => {
  it('matches names on whole names only: "Lào Cai" is not "Cai", "Thanh Thủy Hà" is not "Thanh Thủy"', () => {
    const features = [feature('cai', 'Lối mở Cai'), feature('thanh-thuy', 'Lối mở Thanh Thủy')];
    expect(suggestIn('Tỉnh Lào Cai thúc đẩy hợp tác với xã Thanh Thủy Hà.', features)).toEqual([]);
    expect(
      suggestIn('Hai Bên thúc đẩy mở lối mở Cai và lối mở Thanh Thủy.', features).map((s) => [s.featureId, s.status, s.level]),
    ).toEqual([
      ['cai', 'agreed', 'opening'],
      ['thanh-thuy', 'agreed', 'opening'],
    ]);
  });

  it('does not read the word "hữu nghị" (friendship) as the Hữu Nghị gate', () => {
    expect(suggestIn('Hai Bên tăng cường giao lưu hữu nghị, phát huy tình hữu nghị truyền thống.')).toEqual([]);
    expect(suggestIn('Cửa khẩu Hữu Nghị đã chính thức đi vào hoạt động.').map((s) => [s.featureId, s.status])).toEqual([
      ['huu-nghi', 'operating'],
    ]);
  });

  it('finds a crossing by one side, by both sides either way round, and by its Chinese name', () => {
    expect(suggestIn('Hai Bên thúc đẩy mở lối thông quan Bản Khoòng.').map((s) => [s.featureId, s.level])).toEqual([
      ['ban-khoong', 'channel'],
    ]);
    expect(suggestIn('Cửa khẩu Đông Hưng – Móng Cái hoạt động ổn định.').map((s) => s.featureId)).toEqual(['mong-cai']);
    expect(suggestIn('双方推动友谊关口岸建设。').map((s) => [s.featureId, s.by])).toEqual([['huu-nghi', 'zh']]);
  });

  it('prefers the most specific feature when names nest (the bridge, the zone, the route over the gate)', () => {
    expect(suggestIn('Hai Bên đẩy nhanh tiến độ xây dựng Cầu đường bộ II Tà Lùng – Thủy Khẩu.').map((s) => s.featureId)).toEqual([
      'ta-lung-bridge-2',
    ]);
    expect(suggestIn('Ủng hộ thí điểm xây dựng khu hợp tác kinh tế Móng Cái – Đông Hưng.').map((s) => s.featureId)).toEqual([
      'mong-cai-dong-hung-zone',
    ]);
    expect(suggestIn('Thúc đẩy tuyến du lịch qua cặp cửa khẩu Hoành Mô – Động Trung.').map((s) => s.featureId)).toEqual([
      'tourism-hoanh-mo',
    ]);
    expect(suggestIn('Thí điểm xây dựng cửa khẩu thông minh tại cửa khẩu quốc tế Móng Cái – Đông Hưng.').map((s) => s.featureId)).toEqual([
      'mong-cai',
    ]);
  });

  it('reads marker ranges and Chinese marker numbers, and ignores markers the record does not hold', () => {
    expect(suggestIn('qua khu vực mốc 1104 – 1105 và cột mốc 504').map((s) => [s.featureId, s.matched])).toEqual([
      ['marker-1104', 'mốc 1104'],
      ['marker-1105', '1105'],
      ['marker-504', 'cột mốc 504'],
    ]);
    expect(suggestIn('1088/2号界碑附近').map((s) => s.featureId)).toEqual(['marker-1088-2']);
    expect(suggestIn('khu vực mốc 1200 và mốc số 77')).toEqual([]);
  });

  it('takes the nearest status before the name in its sentence, never from another sentence', () => {
    const [operating] = suggestIn('Hai Bên kiến nghị nâng cấp, sau khi cửa khẩu Lý Vạn đã chính thức mở.');
    expect(operating).toMatchObject({ featureId: 'ly-van', status: 'operating', statusWords: 'đã chính thức mở' });
    expect(suggestIn('Hai Bên nhất trí tăng cường hợp tác. Lý Vạn có vị trí quan trọng.')[0]).toMatchObject({
      featureId: 'ly-van',
      status: null,
    });
    // Named by its designation, it exists: implied, never the other sentence's "nhất trí".
    expect(suggestIn('Hai Bên nhất trí tăng cường hợp tác. Cửa khẩu Lý Vạn có vị trí quan trọng.')[0]).toMatchObject({
      featureId: 'ly-van',
      status: 'operating',
      statusWords: 'Cửa khẩu Lý Vạn',
      evidence: { rule: 'implied' },
      confidence: 'low',
    });
  });

  it('reads an aim as agreed, not as done: "phấn đấu … đi vào hoạt động", "thúc đẩy … nghiệm thu"', () => {
    expect(suggestIn('Phấn đấu đưa cửa khẩu song phương A Pa Chải – Long Phú đi vào hoạt động trong năm 2025.')[0]).toMatchObject({
      featureId: 'a-pa-chai',
      status: 'agreed',
    });
    expect(suggestIn('Cùng thúc đẩy hoàn thiện kiểm tra nghiệm thu cơ sở hạ tầng cửa khẩu Trà Lĩnh.')[0]).toMatchObject({
      status: 'built',
    });
    expect(suggestIn('Cửa khẩu Trà Lĩnh đã nghiệm thu xong.')[0]).toMatchObject({ status: 'accepted' });
  });

  it('gives markers no status: they carry none', () => {
    expect(suggestIn('Đã chính thức mở lối thông quan tại khu vực mốc 1089.').find((s) => s.featureId === 'marker-1089')).toMatchObject({
      status: null,
      level: null,
    });
  });

  it('reads 1 MB of text in a few seconds at most, in clauses or as one block', () => {
    const communique = fixture('2027-communique.md');
    const copies = Math.ceil(1_000_000 / communique.length);
    const { clauses, suggestions } = readDocument(Array.from({ length: copies }, () => communique).join('\n'));
    expect(suggestions).toHaveLength(clauses.length);
    expect(suggestions.flat().filter((s) => s.featureId === 'ta-lung')).toHaveLength(copies);
    const block = Array.from({ length: copies }, () => communique.replace(/\n+/g, ' ')).join(' ');
    expect(suggestIn(block).length).toBeGreaterThan(5);
  });

  it('returns one list per clause, empty for empty text', () => {
    expect(suggestLinks([], record.features)).toEqual([]);
    expect(suggestIn('')).toEqual([]);
  });
});

describe('suggestLinks over the five source documents, against the curated steps', () => {
  // Each curated step is read from a clause of the record; find the clause segmented here that holds it.
  const documents = new Map<string, { clauses: SegmentedClause[]; suggestions: LinkSuggestion[][] }>();
  const readFor = (sourceFile: string) => {
    let read = documents.get(sourceFile);
    if (!read) {
      const clauses = segmentDocument(readFileSync(join(documentsDir, sourceFile), 'utf8'));
      read = { clauses, suggestions: suggestLinks(clauses, record.features, { index }) };
      documents.set(sourceFile, read);
    }
    return read;
  };
  // The steps that count, on features the reader links by name: a regional commitment (kind programme, no place)
  // is never suggested by design (suggest-links.ts), and a corrected or moved step is no longer the record's reading.
  const programmes = new Set(record.features.filter((f) => f.kind === 'programme').map((f) => f.id));
  const counted = [...new Set(record.events.map((e) => e.featureId))].flatMap((id) =>
    effectiveSteps(record.events.filter((e) => e.featureId === id)),
  );
  const outcomes = counted
    .filter((event) => !programmes.has(event.featureId))
    .map((event) => {
      const curated = record.clauses.find((clause) => clause.id === event.clauseId);
      const agreement = record.agreements.find((a) => a.id === curated?.agreementId);
      if (!curated || !agreement?.sourceFile) throw new Error(`no source for ${event.clauseId}`);
      const { clauses, suggestions } = readFor(agreement.sourceFile);
      const at = clauses.findIndex((clause) => normalizeText(clause.text).includes(normalizeText(curated.text.vi)));
      const mine = at >= 0 ? suggestions[at].filter((s) => s.featureId === event.featureId) : [];
      return { event, named: mine.length > 0, agrees: mine.some((s) => s.status === event.status) };
    });
  const rate = (list: typeof outcomes) => list.filter((o) => o.agrees).length / list.length;

  it('suggests the curated status for most steps the text states in words (about 70%)', () => {
    // Steps marked "implied" rest on how a clause names a feature (a "cửa khẩu quốc tế" operates), not on
    // status wording, and are left to the editor on purpose.
    const stated = outcomes.filter((o) => o.event.evidence === 'stated');
    expect(stated.length).toBeGreaterThan(50);
    // 0.556 after the audit's corrections (issue 16); 0.625 with issue 18's rules (partnerships named by
    // their parties, ceremonies held, designations), which were written for real texts and checked here.
    expect(rate(stated)).toBeGreaterThanOrEqual(0.6);
  });

  it('agrees with the curated status for a good majority of the steps whose feature it finds by name', () => {
    const named = outcomes.filter((o) => o.named);
    expect(named.length).toBeGreaterThan(60);
    // 0.518 after issue 16's corrections, 0.553 with issue 18's rules (see above).
    expect(rate(named)).toBeGreaterThanOrEqual(0.55);
  });

  it('never suggests a status for a feature kind that carries none', () => {
    for (const { suggestions } of documents.values()) {
      for (const s of suggestions.flat()) if (s.featureId.startsWith('marker-')) expect(s.status).toBeNull();
    }
  });
});
