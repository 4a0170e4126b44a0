import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { createFileBriefingStore } from '../../server/src/briefings/briefing-store';
import { readConfig } from '../../server/src/config';
import { createFileRepository } from '../../server/src/record/file-repository';
import { loadRecord } from '../../server/src/record/load-record';
import { projectRoot } from '../helpers/app';

const repository = createFileRepository(loadRecord(readConfig({})));
let dataDir: string;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-data-'));
  app = createApp({ repository, briefings: createFileBriefingStore(dataDir, join(projectRoot, 'geodata', 'briefings')) });
});

const step = {
  title: 'Hữu Nghị',
  text: 'Cặp cửa khẩu quốc tế',
  view: { lng: 106.71, lat: 21.97, zoom: 10 },
  filters: { asOf: '2026-02-11', kinds: ['gate_pair'], statuses: [], agreements: [], provinces: [], stalled: false },
  feature: 'huu-nghi',
};

describe('/api/briefings', () => {
  it('ships the two example briefings', async () => {
    const response = await request(app).get('/api/briefings');
    expect(response.status).toBe(200);
    expect(response.body.map((b: { id: string }) => b.id)).toEqual(['a-pa-chai-long-phu', 'lang-son-2023-2026']);
  });

  it('creates, reads, replaces and deletes a briefing', async () => {
    const created = await request(app)
      .post('/api/briefings')
      .send({ title: { vi: 'Hữu Nghị – Hữu Nghị Quan' }, steps: [step] });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('huu-nghi-huu-nghi-quan');
    expect(created.headers.location).toBe('/api/briefings/huu-nghi-huu-nghi-quan');
    const again = await request(app)
      .post('/api/briefings')
      .send({ title: { vi: 'Hữu Nghị – Hữu Nghị Quan' }, steps: [] });
    expect(again.body.id).toBe('huu-nghi-huu-nghi-quan-2');

    const replaced = await request(app)
      .put('/api/briefings/huu-nghi-huu-nghi-quan')
      .send({ title: { vi: 'Hữu Nghị', en: 'Huu Nghi' }, steps: [step, { ...step, title: 'Bước hai' }] });
    expect(replaced.status).toBe(200);
    expect((await request(app).get('/api/briefings/huu-nghi-huu-nghi-quan')).body.steps.map((s: { title: string }) => s.title)).toEqual([
      'Hữu Nghị',
      'Bước hai',
    ]);

    expect((await request(app).delete('/api/briefings/huu-nghi-huu-nghi-quan')).status).toBe(204);
    expect((await request(app).get('/api/briefings/huu-nghi-huu-nghi-quan')).status).toBe(404);
  });

  it.each([
    ['a missing title', { steps: [] }, /"title"/],
    ['a step without a title', { title: { vi: 'X' }, steps: [{ ...step, title: '' }] }, /"steps\.0\.title": a step needs a title/],
    ['a view off the globe', { title: { vi: 'X' }, steps: [{ ...step, view: { lng: 500, lat: 0, zoom: 3 } }] }, /"steps\.0\.view\.lng"/],
    [
      'an unknown status',
      { title: { vi: 'X' }, steps: [{ ...step, filters: { ...step.filters, statuses: ['open'] } }] },
      /"steps\.0\.filters\.statuses\.0"/,
    ],
    ['an unknown field', { title: { vi: 'X' }, steps: [], colour: 'red' }, /Unrecognized key/],
  ])('refuses %s with a 400 naming the field, and loses nothing', async (_case, body, message) => {
    const before = readFileSync(join(dataDir, 'briefings.json'), 'utf8');
    const response = await request(app).post('/api/briefings').send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(readFileSync(join(dataDir, 'briefings.json'), 'utf8')).toBe(before);
  });

  it('refuses malformed JSON and non-object bodies by name', async () => {
    const malformed = await request(app).post('/api/briefings').set('Content-Type', 'application/json').send('{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_body' });
    const notJson = await request(app).post('/api/briefings').set('Content-Type', 'text/plain').send('hello');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/JSON object/);
  });

  it('answers 404 for unknown briefings on read, replace and delete', async () => {
    expect((await request(app).get('/api/briefings/nope')).status).toBe(404);
    expect(
      (
        await request(app)
          .put('/api/briefings/nope')
          .send({ title: { vi: 'X' }, steps: [] })
      ).status,
    ).toBe(404);
    expect((await request(app).delete('/api/briefings/nope')).status).toBe(404);
  });

  it('round-trips: what GET returns can be imported with POST', async () => {
    const exported = (await request(app).get('/api/briefings/lang-son-2023-2026')).body;
    const imported = await request(app).post('/api/briefings').send(exported);
    expect(imported.status).toBe(201);
    expect(imported.body.steps).toEqual(exported.steps);
    expect(imported.body.id).toBe('cua-khau-lang-son-2023-2026');
  });
});
