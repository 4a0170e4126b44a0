import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  agreementDetailResponse,
  agreementListResponse,
  featureCollectionResponse,
  featureDetailResponse,
  recordTileJson,
  vocabularyResponse,
} from '../../server/src/domain/api';
import { indexTranslations, shownIn, translationTableSchema } from '../../server/src/domain/record-translations';
import { createTestApp } from '../helpers/app';

const app = createTestApp();

async function expectError(path: string, status: number, code: string, mentions: string | RegExp) {
  const response = await request(app).get(path);
  expect(response.status, path).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(response.body.error.message).toMatch(mentions);
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
}

const ids = (body: { features: { id: string }[] }) => body.features.map((f) => f.id).sort();

describe('GET /api/translations', () => {
  it('gives every note the panel shows in Vietnamese and Chinese, and is not sent again while unchanged', async () => {
    const [table, detail] = await Promise.all([request(app).get('/api/translations'), request(app).get('/api/features/chi-ma')]);
    expect(table.status).toBe(200);
    const index = indexTranslations(translationTableSchema.parse(table.body));
    const note = featureDetailResponse.parse(detail.body).record.sides?.find((side) => side.note)?.note;
    expect(note).toBeDefined();
    const zh = shownIn(index, note as string, 'zh');
    expect(zh.translated).toBe(true);
    expect(zh.text).toMatch(/\p{Script=Han}/u);
    expect(shownIn(index, note as string, 'vi').translated).toBe(true);
    const again = await request(app).get('/api/translations').set('If-None-Match', table.headers.etag);
    expect(again.status).toBe(304);
  });
});

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const response = await request(app).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

describe('GET /api/ready', () => {
  it('answers ready when the record is served from its folder (no store to wait for), never cached', async () => {
    const response = await request(app).get('/api/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /api/features caching', () => {
  it('sends an ETag and answers 304 to a client that already has the same features', async () => {
    const first = await request(app).get('/api/features?kind=gate_pair');
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await request(app).get('/api/features?kind=gate_pair').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    // The same parameters in another order are the same query; another query is another body.
    const reordered = await request(app).get('/api/features?kind=gate_pair&asOf=2024-08-16');
    const swapped = await request(app).get('/api/features?asOf=2024-08-16&kind=gate_pair');
    expect(swapped.headers.etag).toBe(reordered.headers.etag);
    expect(reordered.headers.etag).not.toBe(etag);
    expect(first.headers['content-type']).toContain('application/geo+json');
  });

  it('never answers a refused query from the cache of a valid one that looks alike', async () => {
    expect((await request(app).get('/api/features?kind=marker,bridge')).status).toBe(200);
    const repeated = await request(app).get('/api/features?kind=marker&kind=bridge');
    expect(repeated.status).toBe(400);
    expect((await request(app).get('/api/features?kind=marker&kind=bridge')).status).toBe(400);
  });
});

describe('GET /api/vocabulary', () => {
  it('lists statuses in order with three languages and which mean operating', async () => {
    const response = await request(app).get('/api/vocabulary');
    const body = vocabularyResponse.parse(response.body);
    expect(body.statuses.map((s) => s.order)).toEqual([...body.statuses.map((s) => s.order)].sort((a, b) => a - b));
    expect(body.statuses.filter((s) => s.operating).map((s) => s.id)).toEqual(['operating']);
    expect(body.statuses.find((s) => s.id === 'proposed')?.label).toEqual({ vi: 'Đề xuất', en: 'Proposed', zh: '提议' });
    expect(body.kinds.map((k) => k.id)).toContain('gate_pair');
    expect(body.levels.map((l) => l.id)).toEqual(expect.arrayContaining(['international', 'bilateral', 'channel', 'opening']));
  });
});

describe('GET /api/agreements', () => {
  it('lists the agreements with their clause counts', async () => {
    const body = agreementListResponse.parse((await request(app).get('/api/agreements')).body);
    const minutes = body.find((a) => a.id === '004');
    expect(minutes).toMatchObject({ kind: 'minutes', signedDate: '2023-02-22', sourceFile: '004_5c64e609df01bd85.txt' });
    expect(minutes?.clauseCount).toBeGreaterThan(10);
  });

  it('returns one agreement with its clauses in document order', async () => {
    const body = agreementDetailResponse.parse((await request(app).get('/api/agreements/004')).body);
    expect(body.clauses[0].id).toBe('004:0.1');
    expect(body.clauses.find((c) => c.id === '004:3.2')?.text.vi).toBe(
      'Hà Giang và Quảng Tây cùng thúc đẩy sớm mở chính thức lối mở và chợ biên giới Lũng Làn (Việt Nam) - Lộng Bình (Trung Quốc);',
    );
  });

  it('answers 404 naming an unknown agreement', () => expectError('/api/agreements/999', 404, 'not_found', /"999"/));
});

describe('GET /api/features', () => {
  it('returns a GeoJSON FeatureCollection with stable ids and the documented properties', async () => {
    const response = await request(app).get('/api/features');
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/geo+json');
    const body = featureCollectionResponse.parse(response.body);
    expect(body.features.length).toBeGreaterThanOrEqual(20);
    const chiMa = body.features.find((f) => f.id === 'chi-ma');
    expect(chiMa?.properties).toMatchObject({
      kind: 'gate_pair',
      name: { vi: 'Chi Ma – Ái Điểm', en: 'Chi Ma – Aidian' },
      status: 'operating',
      level: 'bilateral',
      upgrade: { level: 'international', status: 'proposed' },
      province: 'VN-09',
      // Drawn at the published point of 爱店口岸 (≈1 km), no longer an estimate.
      precision: '1km',
      approximate: false,
    });
    const huuNghi = body.features.find((f) => f.id === 'huu-nghi');
    expect(huuNghi?.properties).toMatchObject({ precision: '1km', approximate: false, status: 'operating', level: 'international' });
  });

  it('filters by kind, several at once', async () => {
    const body = (await request(app).get('/api/features?kind=marker,bridge')).body;
    expect(new Set(body.features.map((f: { properties: { kind: string } }) => f.properties.kind))).toEqual(new Set(['marker', 'bridge']));
  });

  it('filters by status, matching a pending upgrade too', async () => {
    const body = featureCollectionResponse.parse((await request(app).get('/api/features?status=proposed')).body);
    for (const feature of body.features) {
      expect([feature.properties.status, feature.properties.upgrade?.status], feature.id).toContain('proposed');
    }
    // Chi Ma operates as a bilateral gate; it matches through its proposed upgrade.
    expect(ids(body)).toEqual(expect.arrayContaining(['chi-ma', 'km3-4-floating-bridge', 'bac-luan-3-bridge']));
    expect(ids(body)).not.toContain('huu-nghi');
  });

  it('filters by bounding box, leaving out features without a position', async () => {
    // Around the Hữu Nghị gate and the Tân Thanh / Cốc Nam roads.
    const body = featureCollectionResponse.parse((await request(app).get('/api/features?bbox=106.6,21.9,106.8,22.05')).body);
    expect(ids(body)).toEqual(
      expect.arrayContaining([
        'coc-nam',
        'huu-nghi',
        'marker-1088-2',
        'marker-1104',
        'marker-1120',
        'railway-nanning-hanoi',
        'tan-thanh-po-chai',
      ]),
    );
    for (const feature of body.features) expect(feature.geometry, feature.id).not.toBeNull();
    expect(ids(body)).not.toContain('chi-ma');
    expect(ids(body)).not.toContain('bac-luan-3-bridge');
  });

  it('keeps features without a position in the list, with geometry null', async () => {
    const body = featureCollectionResponse.parse((await request(app).get('/api/features?kind=bridge')).body);
    const unlocated = body.features.find((f) => f.id === 'bac-luan-3-bridge');
    expect(unlocated?.geometry).toBeNull();
    expect(unlocated?.properties).toMatchObject({ located: false, precision: null, status: 'proposed' });
  });

  it('gives the province as of the date asked: Hà Giang before the 2025 merger, Tuyên Quang after', async () => {
    const before = featureCollectionResponse.parse((await request(app).get('/api/features?asOf=2025-06-30&kind=opening')).body);
    const after = featureCollectionResponse.parse((await request(app).get('/api/features?asOf=2025-07-01&kind=opening')).body);
    expect(before.features.find((f) => f.id === 'lung-lan')?.properties.province).toBe('VN-03');
    expect(after.features.find((f) => f.id === 'lung-lan')?.properties.province).toBe('VN-07');
  });

  it('shows status as of a date, leaving out what the record did not know yet', async () => {
    // The earliest document is the 2022 memorandum, sent on 17/03/2022.
    expect((await request(app).get('/api/features?asOf=2022-03-16')).body.features).toEqual([]);
    const early = featureCollectionResponse.parse((await request(app).get('/api/features?asOf=2022-03-17')).body);
    expect(ids(early)).toEqual(expect.arrayContaining(['ban-gioc-detian-area', 'mong-cai-dong-hung-zone']));
    expect(ids(early)).not.toContain('chi-ma');
    const body = (await request(app).get('/api/features?asOf=2023-02-22&kind=gate_pair&status=built')).body;
    expect(ids(body)).toEqual(['ly-van', 'ta-lung', 'tra-linh']);
  });

  it('filters by agreement and combines filters', async () => {
    const all = (await request(app).get('/api/features?agreement=004')).body;
    expect(all.features.length).toBeGreaterThanOrEqual(20);
    const combined = (await request(app).get('/api/features?agreement=004&kind=gate_pair&status=agreed&bbox=106,21.5,107,22.5')).body;
    expect(ids(combined)).toEqual(['binh-nghi']);
  });

  it.each([
    ['/api/features?kind=gate', 'kind', /unknown kind "gate"/],
    ['/api/features?status=open', 'status', /unknown status "open"/],
    ['/api/features?asOf=2023-02-30', 'asOf', /YYYY-MM-DD/],
    ['/api/features?asOf=22/02/2023', 'asOf', /YYYY-MM-DD/],
    ['/api/features?asOf=2024-13-01', 'asOf', /YYYY-MM-DD/],
    ['/api/features?province=VN-99', 'province', /unknown province "VN-99"/],
    ['/api/features?bbox=1,2,3', 'bbox', /four numbers/],
    ['/api/features?bbox=107,22,106,21', 'bbox', /minimum must not exceed maximum/],
    ['/api/features?bbox=a,b,c,d', 'bbox', /four numbers/],
    ['/api/features?agreement=999', 'agreement', /unknown agreement "999"/],
    ['/api/features?kind=marker&kind=bridge', 'kind', /given once/],
    ['/api/features?colour=red', 'colour', /Unknown query parameter "colour"/],
  ])('refuses %s with a 400 naming %s', async (path, name, message) => {
    const response = await request(app).get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(`"${name}"`);
    expect(response.body.error.message).toMatch(message);
  });
});

describe('GET /api/features/:id', () => {
  it('returns the feature with its history, each step quoting its clause', async () => {
    const body = featureDetailResponse.parse((await request(app).get('/api/features/chi-ma')).body);
    expect(body.history.map((h) => [h.date, h.status, h.level])).toEqual([
      ['2023-02-22', 'operating', 'bilateral'],
      ['2023-02-22', 'proposed', 'international'],
      ['2026-02-11', 'operating', 'bilateral'],
      ['2026-02-11', 'proposed', 'international'],
    ]);
    expect(body.history[1]).toMatchObject({ agreementId: '004', clauseId: '004:3.4', evidence: 'stated', agreementDate: '2023-02-22' });
    expect(body.history[1].quote).toContain(
      'nâng cấp cửa khẩu song phương Chi Ma (Việt Nam) – Ái Điểm (Trung Quốc) lên thành cửa khẩu quốc tế',
    );
    expect(body.record.location).toMatchObject({ provenance: 'sourced', precision: '1km', marks: expect.stringContaining('爱店口岸') });
  });

  it('lists related features both ways', async () => {
    const gate = featureDetailResponse.parse((await request(app).get('/api/features/huu-nghi')).body);
    expect(gate.related.map((r) => r.id).sort()).toEqual(['coc-nam', 'road-1119-1120', 'smart-gate-pilot', 'tan-thanh-po-chai']);
    const chiMa = featureDetailResponse.parse((await request(app).get('/api/features/chi-ma')).body);
    expect(chiMa.related.map((r) => [r.id, r.relation, r.direction])).toEqual([['co-sa', 'channel_of', 'in']]);
    const road = featureDetailResponse.parse((await request(app).get('/api/features/tan-thanh-po-chai')).body);
    expect(road.related.map((r) => [r.id, r.direction])).toEqual(
      expect.arrayContaining([
        ['huu-nghi', 'out'],
        ['marker-1088-2', 'out'],
        ['marker-1089', 'out'],
      ]),
    );
  });

  it('answers 404 naming an unknown feature', () => expectError('/api/features/no-such-gate', 404, 'not_found', /"no-such-gate"/));
  it('refuses query parameters it does not take', () => expectError('/api/features/chi-ma?lang=vi', 400, 'unknown_parameter', /"lang"/));
});

describe('unknown API paths', () => {
  it('answer a JSON 404, not the web page', () => expectError('/api/gates', 404, 'not_found', /GET \/api\/gates/));
});

describe('GET /api/search', () => {
  const search = async (q: string) =>
    (await request(app).get(`/api/search?q=${encodeURIComponent(q)}`)).body as { type: string; id: string; snippet?: string }[];

  it('finds Hữu Nghị without diacritics or capitals', async () => {
    const hits = await search('huu nghi');
    expect(hits[0]).toMatchObject({ type: 'feature', id: 'huu-nghi' });
  });

  it('finds features by their Chinese names', async () => {
    expect((await search('友谊')).map((hit) => hit.id)).toContain('huu-nghi');
    expect((await search('爱店')).map((hit) => hit.id)).toContain('chi-ma');
  });

  it('finds a name written as one word, as people type it ("chima", "huunghi")', async () => {
    expect((await search('chima'))[0]).toMatchObject({ type: 'feature', id: 'chi-ma' });
    expect((await search('huunghi'))[0]).toMatchObject({ type: 'feature', id: 'huu-nghi' });
    expect(await search('xyzzy')).toEqual([]);
  });

  it('finds a province by its Vietnamese, Chinese or English name, before the things that only mention it', async () => {
    for (const q of ['Lạng Sơn', 'lang son', '谅山', 'langson'])
      expect((await search(q))[0], q).toMatchObject({ type: 'province', id: 'VN-09' });
    expect((await search('老街'))[0]).toMatchObject({ type: 'province', id: 'VN-02' });
    // A gate whose name starts with the words comes before a partnership whose name only holds them.
    const hits = (await search('huu nghi')).map((hit) => hit.id);
    expect(hits[0]).toBe('huu-nghi');
  });

  it('finds clause text and agreement titles, with a snippet', async () => {
    const hits = await search('cau phao');
    const clause = hits.find((hit) => hit.type === 'clause');
    expect(clause).toMatchObject({ id: '004:3.3' });
    expect(clause?.snippet).toContain('cầu phao');
    expect((await search('thong cao chung')).map((hit) => hit.id)).toContain('003');
  });

  it('refuses a missing or oversized query by name', async () => {
    const missing = await request(app).get('/api/search');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('"q"');
    const huge = await request(app).get(`/api/search?q=${'a'.repeat(201)}`);
    expect(huge.status).toBe(400);
    const badLimit = await request(app).get('/api/search?q=a&limit=0');
    expect(badLimit.status).toBe(400);
  });
});

describe('routes in the API', () => {
  it('carry their ordered waypoints and their length along the line', async () => {
    const body = featureDetailResponse.parse((await request(app).get('/api/features/route-02-cn-2')).body);
    expect(body.properties.waypoints?.map((w) => w.name.vi)).toEqual([
      'Phổ Nhĩ',
      'Giang Thành',
      'A Pa Chải – Long Phú',
      'Mường Tè',
      'Mường Lay',
      'Lai Châu',
    ]);
    expect(body.properties.lengthKm).toBeGreaterThan(250);
    expect(body.properties.lengthKm).toBeLessThan(600);
    expect(body.properties.route).toEqual({ mode: 'freight', number: '02', variant: 'Hai là (dự thảo phía Trung Quốc)' });
    const gate = featureDetailResponse.parse((await request(app).get('/api/features/chi-ma')).body);
    expect(gate.properties.waypoints).toBeNull();
    expect(gate.properties.lengthKm).toBeNull();
  });
});

describe('GET /api/map/features (what the map draws, every date at once)', () => {
  it('draws every located feature once, with its states in date order, and answers 304 when unchanged', async () => {
    const response = await request(app).get('/api/map/features');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    const located = featureCollectionResponse.parse((await request(app).get('/api/features')).body).features.filter((f) => f.geometry);
    const drawn = response.body.features as { id: string; properties: Record<string, unknown> }[];
    const main = drawn.filter((f) => f.properties.parent === undefined);
    expect(main.map((f) => f.id).sort()).toEqual(located.map((f) => f.id).sort());
    // Tân Thanh – Pò Chài: built from 2023 (audit S8), operating from 2026 — both states carried, in order.
    const road = main.find((f) => f.id === 'tan-thanh-po-chai')?.properties ?? {};
    const states = Object.keys(road).filter((key) => key.startsWith('from@')).length;
    const statuses = Array.from({ length: states }, (_, i) => [road[`from@${i}`], road[`status@${i}`]]);
    expect(statuses.map(([, status]) => status)).toEqual(expect.arrayContaining(['built', 'operating']));
    const froms = statuses.map(([from]) => from as number);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    const again = await request(app).get('/api/map/features').set('If-None-Match', response.headers.etag);
    expect(again.status).toBe(304);
  });

  it('refuses parameters it does not take', async () => {
    await expectError('/api/map/features?asOf=2024-01-01', 400, 'unknown_parameter', /"asOf".*takes no parameters/);
  });
});

describe('GET /api/map/tiles/{z}/{x}/{y}.pbf (the map’s vector tiles)', () => {
  it('cuts the drawn record into tiles of layer "record" that hold the features in view, with all their states', async () => {
    const { VectorTile } = await import('@mapbox/vector-tile');
    const { PbfReader } = await import('pbf');
    // Zoom 6 tile over Lạng Sơn (Hữu Nghị at 106.71, 21.97): x 50, y 28.
    const response = await request(app)
      .get('/api/map/tiles/6/50/28.pbf')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-protobuf');
    const layer = new VectorTile(new PbfReader(response.body)).layers.record;
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    const huuNghi = features.find((p) => p.id === 'huu-nghi');
    expect(huuNghi?.name_vi).toContain('Hữu Nghị');
    expect(huuNghi?.['from@0']).toBeTypeOf('number');
    expect(Object.keys(huuNghi ?? {})).toEqual(expect.arrayContaining(['status@0', 'icon@0', 'filter_provinces@0']));
    // Far from the border: an empty tile.
    const empty = await request(app).get('/api/map/tiles/6/0/0.pbf');
    expect(empty.status).toBe(200);
    expect(Number(empty.headers['content-length'] ?? 0)).toBe(0);
  });

  it('describes them as TileJSON, with the most states a feature has (what the style reads)', async () => {
    const response = await request(app).get('/api/map/tiles.json');
    expect(response.status).toBe(200);
    const tiles = recordTileJson.parse(response.body);
    // The record's revision is in the URL, so the map asks for new tiles after a change (test/api/edits.test.ts).
    expect(tiles.tiles[0]).toMatch(/\/api\/map\/tiles\/\{z\}\/\{x\}\/\{y\}\.pbf\?rev=[^&]+$/);
    const url = new URL(tiles.tiles[0].replace('{z}/{x}/{y}', '6/50/28'));
    const tile = await request(app).get(`${url.pathname}${url.search}`);
    expect(tile.status).toBe(200);
    expect(Number(tile.headers['content-length'])).toBeGreaterThan(0);
    expect(tiles.vector_layers[0].id).toBe('record');
    const drawn = (await request(app).get('/api/map/features')).body.features as { properties: Record<string, unknown> }[];
    const most = Math.max(...drawn.map((f) => Object.keys(f.properties).filter((key) => key.startsWith('from@')).length));
    expect(tiles.states).toBe(most);
    // The real record is never thinned: every zoom's tiles hold every feature (tile-thinning.ts).
    expect(tiles.completeFromZoom).toBe(0);
    const [west, south, east, north] = tiles.bounds;
    expect(west < 106.71 && east > 106.71 && south < 21.97 && north > 21.97).toBe(true);
  });

  it('refuses tiles that do not exist', async () => {
    await expectError('/api/map/tiles/6/64/0.pbf', 400, 'invalid_parameter', /below 64/);
    await expectError('/api/map/tiles/x/1/1.pbf', 400, 'invalid_parameter', /zoom/);
    await expectError('/api/map/tiles/99/1/1.pbf', 400, 'invalid_parameter', /zoom/);
    await expectError('/api/map/tiles/6/50/28.pbf?revision=1', 400, 'unknown_parameter', /"revision"/);
  });
});
