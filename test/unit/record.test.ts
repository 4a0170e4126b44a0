import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { segment } from '../../scripts/segment-document';
import { normalizeText as collapseWhitespace } from '../../server/src/domain/text';
import { loadRecord } from '../../server/src/record/load-record';
import { RecordError } from '../../server/src/record/record-error';
import { copyRecord as copyRecordFolder, loadRealRecord, projectRoot } from '../helpers/app';

const documentsDir = join(projectRoot, 'geodata', 'documents');
const document004 = collapseWhitespace(readFileSync(join(documentsDir, '004_5c64e609df01bd85.txt'), 'utf8'));

describe('the record', () => {
  const record = loadRealRecord();

  it('quotes every status event verbatim from its source document', () => {
    for (const event of record.events) {
      const agreement = record.agreements.find((a) => a.id === event.agreementId);
      const text = collapseWhitespace(readFileSync(join(documentsDir, agreement?.sourceFile ?? ''), 'utf8'));
      expect(text, `${event.featureId} ${event.clauseId}`).toContain(collapseWhitespace(event.quote));
    }
  });

  it('segments 004 into clauses that together are the whole document after its title', () => {
    const clauses = record.clauses.filter((c) => c.agreementId === '004');
    const joined = clauses.map((c) => c.text.vi).join(' ');
    expect(document004.endsWith(joined)).toBe(true);
    expect(document004.slice(0, document004.length - joined.length).trim()).toMatch(/^BIÊN BẢN HỘI NGHỊ/);
  });

  it('keeps the committed clauses identical to what the segmentation spec produces', () => {
    const spec = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'record', 'segments', '004.json'), 'utf8'));
    const committed = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'record', 'clauses', '004.json'), 'utf8'));
    expect(segment(spec, readFileSync(join(documentsDir, spec.sourceFile), 'utf8'))).toEqual(committed);
  });

  it('holds every gate pair, channel and opening that document 004 names', () => {
    const named = [
      ['Lũng Làn', 'lung-lan'],
      ['Hoành Mô', 'hoanh-mo'],
      ['Bắc Phong Sinh', 'bac-phong-sinh'],
      ['Km3+4 Hải Yên', 'km3-4-hai-yen'],
      ['Tân Thanh – Pò Chài', 'tan-thanh-po-chai'],
      ['Cốc Nam – Lũng Nghịu', 'coc-nam'],
      ['mốc 1119-1120', 'road-1119-1120'],
      ['Bình Nghi', 'binh-nghi'],
      ['Chi Ma', 'chi-ma'],
      ['Trà Lĩnh', 'tra-linh'],
      ['Tà Lùng (Việt Nam) - Thuỷ Khẩu', 'ta-lung'],
      ['Lý Vạn', 'ly-van'],
      ['Nà Đoỏng', 'na-doong'],
      ['Cầu đường bộ II Tà Lùng', 'ta-lung-bridge-2'],
      ['Hữu Nghị (Việt Nam) – Hữu Nghị Quan', 'huu-nghi'],
      ['thác Bản Giốc', 'ban-gioc-detian-area'],
      ['khu hợp tác kinh tế biên giới Móng Cái', 'mong-cai-dong-hung-zone'],
      ['Nam Ninh - Bằng Tường - Đồng Đăng - Hà Nội', 'railway-nanning-hanoi'],
    ];
    const ids = new Set(record.features.map((f) => f.id));
    for (const [phrase, id] of named) {
      expect(document004, phrase).toContain(phrase);
      expect(ids.has(id), id).toBe(true);
    }
    for (const marker of ['1088/2', '1089', '1104', '1105', '1119', '1120']) {
      expect(
        record.features.some((f) => f.kind === 'marker' && f.name.vi === `Mốc ${marker}`),
        marker,
      ).toBe(true);
    }
  });

  it('marks every estimated position approximate and explains it', () => {
    for (const feature of record.features) {
      const locations = [feature.location, ...(feature.waypoints ?? []).map((w) => w.location)].filter(Boolean);
      for (const location of locations) {
        if (location?.provenance === 'estimate') {
          expect(location.precision, feature.id).toBe('approximate');
          expect(location.source, feature.id).toMatch(/^Estimate: /);
        }
      }
    }
  });
});

describe('start-up validation', () => {
  const copies: string[] = [];
  const copyRecord = () => {
    const copy = copyRecordFolder();
    copies.push(join(copy.recordDir, '..', '..'));
    return copy;
  };
  afterEach(() => {
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('names a citation in a clause that does not cite that document, and a cited document the record lacks', () => {
    const copy = copyRecord();
    const file = join(copy.recordDir, 'features.json');
    const features = JSON.parse(readFileSync(file, 'utf8'));
    const area = features.find((f: { id: string }) => f.id === 'ban-gioc-detian-area');
    area.citations = [{ agreementId: 'ref-ban-gioc-agreement', clauseId: '003:4' }];
    writeFileSync(file, JSON.stringify(features));
    expect(() => loadRecord(copy)).toThrowError(/clause "003:4" is not among the clauses citing "ref-ban-gioc-agreement"/);
    area.citations = [{ agreementId: 'ref-no-such-document', clauseId: '003:19' }];
    writeFileSync(file, JSON.stringify(features));
    expect(() => loadRecord(copy)).toThrowError(/cites unknown agreement "ref-no-such-document"/);
  });

  it('names the file and the problem when a quote is not in its clause', () => {
    const copy = copyRecord();
    const file = join(copy.recordDir, 'status-events', '004.json');
    const events = JSON.parse(readFileSync(file, 'utf8'));
    events[0].quote = 'một câu không có trong văn bản';
    writeFileSync(file, JSON.stringify(events));
    expect(() => loadRecord(copy)).toThrowError(RecordError);
    expect(() => loadRecord(copy)).toThrowError(/geodata\/record\/status-events\/004\.json: .*quote is not verbatim in clause "004:3\.4"/);
  });

  it('takes progress only on a later step of a commitment, in the shape the schema gives', () => {
    const copy = copyRecord();
    const file = (id: string) => join(copy.recordDir, 'status-events', `${id}.json`);
    type Step = { featureId: string; status: string; evidence: string; progress?: unknown };
    const read = (id: string): Step[] => JSON.parse(readFileSync(file(id), 'utf8'));
    const chiMa = (steps: Step[], evidence: string) => steps.findIndex((s) => s.featureId === 'chi-ma' && s.evidence === evidence);
    const progress = { moves: ['addressee'], text: { vi: 'Nơi nhận', en: 'Addressee', zh: '对象' } };
    const withProgress = (id: string, evidence: string, value: unknown) => {
      const steps = read(id);
      steps[chiMa(steps, evidence)].progress = value;
      writeFileSync(file(id), JSON.stringify(steps));
    };
    const original = { '003': readFileSync(file('003'), 'utf8'), '004': readFileSync(file('004'), 'utf8') };
    const restore = () => {
      writeFileSync(file('003'), original['003']);
      writeFileSync(file('004'), original['004']);
    };
    // The 2026 upgrade step moved it on from 2023: accepted.
    withProgress('003', 'stated', progress);
    expect(loadRecord(copy).events.find((e) => e.featureId === 'chi-ma' && e.clauseId === '003:6.c' && e.progress)?.progress).toEqual(
      progress,
    );
    // The 2023 step is the first of the upgrade: nothing earlier to have moved from.
    restore();
    withProgress('004', 'stated', progress);
    expect(() => loadRecord(copy)).toThrowError(
      /status-events\/004\.json: event \d+ \(chi-ma, 2023-02-22\): "progress" on the first step of its commitment \(level:international\)/,
    );
    // An implied "operating" is no promise: it has nothing to move.
    restore();
    withProgress('003', 'implied', progress);
    expect(() => loadRecord(copy)).toThrowError(
      /status-events\/003\.json: event \d+ \(chi-ma, 2026-02-11\): "progress" on a step that belongs to no commitment/,
    );
    // Strict, as every field of a step: no empty or repeated moves, no unknown move or key, all three languages.
    for (const [bad, problem] of [
      [{ ...progress, moves: [] }, /progress\.moves/],
      [{ ...progress, moves: ['deadline', 'deadline'] }, /progress\.moves: each move is named once/],
      [{ ...progress, moves: ['status'] }, /progress\.moves\.0/],
      [{ ...progress, text: { vi: 'x', en: 'x' } }, /progress\.text\.zh/],
      [{ ...progress, why: 'x' }, /progress: Unrecognized key/],
    ] as const) {
      restore();
      withProgress('003', 'stated', bad);
      expect(() => loadRecord(copy)).toThrowError(problem);
    }
  });

  it('names the file and the field when a coordinate has no precision', () => {
    const copy = copyRecord();
    const file = join(copy.recordDir, 'features.json');
    const features = JSON.parse(readFileSync(file, 'utf8'));
    delete features[1].location.precision;
    writeFileSync(file, JSON.stringify(features));
    expect(() => loadRecord(copy)).toThrowError(/geodata\/record\/features\.json: 1\.location\.precision/);
  });

  it('names a relation to a feature that does not exist', () => {
    const copy = copyRecord();
    const file = join(copy.recordDir, 'features.json');
    const features = JSON.parse(readFileSync(file, 'utf8'));
    features[0].relations.push({ type: 'part_of', target: 'no-such-gate' });
    writeFileSync(file, JSON.stringify(features));
    expect(() => loadRecord(copy)).toThrowError(/unknown feature "no-such-gate"/);
  });

  it('refuses a file that is not JSON', () => {
    const copy = copyRecord();
    writeFileSync(join(copy.recordDir, 'agreements.json'), '[{"id": "004",');
    expect(() => loadRecord(copy)).toThrowError(/agreements\.json: cannot be read as JSON/);
  });
});

describe('bundled fonts', () => {
  const fontsDir = join(projectRoot, 'geodata', 'basemap', 'output', 'fonts');
  const manifest = JSON.parse(readFileSync(join(fontsDir, 'fonts.json'), 'utf8')) as { file: string; characters?: string }[];
  const covered = new Set(manifest.flatMap((entry) => [...(entry.characters ?? '')]));
  const han = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

  function textFiles(dir: string, pattern: RegExp): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && pattern.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  }

  it('cover every Chinese character the record, its translations, the basemap and the interface use', () => {
    const files = [
      ...textFiles(join(projectRoot, 'geodata', 'record'), /\.json$/),
      ...textFiles(join(projectRoot, 'geodata', 'translations'), /\.json$/),
      ...textFiles(join(projectRoot, 'geodata', 'briefings'), /\.json$/),
      ...textFiles(join(projectRoot, 'client', 'src'), /\.tsx?$/),
      ...textFiles(join(projectRoot, 'server', 'src'), /\.ts$/),
      join(projectRoot, 'geodata', 'basemap', 'output', 'basemap.topojson'),
    ].filter((file) => !file.endsWith('.test.ts'));
    const missing = new Set<string>();
    for (const file of files) {
      for (const character of readFileSync(file, 'utf8')) if (han.test(character) && !covered.has(character)) missing.add(character);
    }
    expect([...missing].join(''), 'run `npm run fonts` in geodata/basemap').toBe('');
  });

  it('ship every font file the manifest lists', () => {
    for (const entry of manifest) expect(readdirSync(fontsDir)).toContain(entry.file);
  });
});
