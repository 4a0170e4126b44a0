import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { featureCollectionResponse, featureDetailResponse } from '../../server/src/domain/api';
import type { StatusEvent } from '../../server/src/domain/schemas';
import { createTestApp } from '../helpers/app';

/**
 * The record read a second time (issue 29, audit-2): what a planner sees where the first reading misled —
 * one reading per clause, gates drawn open only where a document says so, names as the Chinese side writes them.
 */
const app = createTestApp();
const feature = async (id: string, asOf: string) =>
  featureDetailResponse.parse((await request(app).get(`/api/features/${id}`).query({ asOf })).body);
/** The feature as the map and the lists show it on a date (GET /api/features?asOf=&id=). */
const onDate = async (id: string, asOf: string) => {
  const [found] = featureCollectionResponse.parse((await request(app).get('/api/features').query({ asOf, id })).body).features;
  return found.properties;
};
const statusOn = async (id: string, asOf: string) => (await onDate(id, asOf)).status;

describe('the record read a second time (audit-2)', () => {
  it('Hoành Mô – Động Trung is not drawn operating on 11/02/2026: its 2023 announcement is overdue, the promotion phrase corrected', async () => {
    const onTheDay = await onDate('hoanh-mo', '2026-02-11');
    expect(onTheDay.status).toBe('under_construction');
    expect(onTheDay.overdue).toBe(true);
    const hoanhMo = await feature('hoanh-mo', '2026-02-11');
    // The old reading stays in the history, marked corrected, with the clause of the reading that replaced it.
    const corrected = hoanhMo.history.filter((entry) => entry.correctedBy);
    expect(corrected.map((entry) => [entry.clauseId, entry.status])).toEqual([['003:18.b', 'operating']]);
    const operating = await request(app).get('/api/features').query({ asOf: '2026-02-11', status: 'operating' });
    expect(featureCollectionResponse.parse(operating.body).features.map((f) => f.id)).not.toContain('hoanh-mo');
  });

  it('one clause, one reading: Cốc Nam and the Tân Thanh road, the day trips and the self-drive tours, stand alike', async () => {
    // 004:3.4 — the procedures to bring both "vào vận hành chính thức": neither operates yet in 2023.
    expect(await statusOn('coc-nam', '2023-02-22')).toBe(await statusOn('tan-thanh-po-chai', '2023-02-22'));
    expect(await statusOn('coc-nam', '2023-02-22')).not.toBe('operating');
    // 003:18.b — one verb governs the self-drive tours and the day trips.
    expect(await statusOn('tourism-mong-cai-day-trips', '2026-02-11')).toBe(await statusOn('tourism-mong-cai-self-drive', '2026-02-11'));
  });

  it('meetings the text says were held are stated; directives that presuppose a stage are implied', async () => {
    const events = (await request(app).get('/api/events')).body as StatusEvent[];
    const spring = events.filter((e) => e.featureId.endsWith('-guangxi') && e.date === '2026-02-11' && e.clauseId === '003:0.1');
    expect(spring.length).toBe(5);
    expect(new Set(spring.map((e) => e.evidence))).toEqual(new Set(['stated']));
    const banGioc = events.filter((e) => e.featureId === 'ban-gioc-detian-area' && !e.subject);
    expect(banGioc.length).toBeGreaterThan(2);
    expect(new Set(banGioc.map((e) => e.evidence))).toEqual(new Set(['implied']));
  });

  it('Tân Thanh is named as the Chinese side writes it (新清), and found by the form VNA writes (新青)', async () => {
    const tanThanh = await feature('tan-thanh-po-chai', '2026-02-11');
    expect(tanThanh.properties.name.zh).toBe('新清—浦寨货运专用通道');
    const hits = (await request(app).get('/api/search').query({ q: '新青' })).body as { type: string; id: string }[];
    expect(hits.map((hit) => hit.id)).toContain('tan-thanh-po-chai');
  });

  it('the 2023 smart-gate pilot names no gate: Hữu Nghị and Móng Cái show it alike, neither owns it', async () => {
    const [huuNghi, mongCai] = await Promise.all([feature('huu-nghi', '2026-02-11'), feature('mong-cai', '2026-02-11')]);
    for (const gate of [huuNghi, mongCai]) {
      // Their smart-gate commitments start in 2026, when a document first names each gate for it.
      const smart = gate.commitments.filter((c) => /smart/i.test(c.subject?.en ?? ''));
      expect(smart.length, gate.id).toBe(1);
      expect(smart[0].firstMade, gate.id).toBe('2026-02-11');
      // Both link to the regional commitment the 2023 minutes made.
      expect(gate.related.filter((r) => r.id === 'smart-gate-pilot').map((r) => r.relation)).toEqual(['related']);
    }
    // The 2023 reading stays in Hữu Nghị's history, marked as moved, naming where it went.
    const moved = huuNghi.history.filter((entry) => entry.movedTo);
    expect(moved.map((entry) => [entry.date, entry.clauseId, entry.movedTo, entry.movedToName?.vi])).toEqual([
      ['2023-02-22', '004:3.1', 'smart-gate-pilot', 'Thí điểm xây dựng cửa khẩu thông minh'],
    ]);
    const pilot = await feature('smart-gate-pilot', '2026-02-11');
    expect(pilot.history.map((entry) => [entry.date, entry.clauseId, entry.status])).toEqual([['2023-02-22', '004:3.1', 'proposed']]);
  });

  it('commitments without a place are listed, counted and exported, and never drawn', async () => {
    const regional = featureCollectionResponse.parse((await request(app).get('/api/features').query({ kind: 'programme' })).body).features;
    expect(regional.map((f) => f.id).sort()).toEqual([
      'cross-border-industrial-parks',
      'modern-agricultural-zones',
      'seed-trial-station',
      'smart-gate-pilot',
    ]);
    for (const commitment of regional) {
      expect(commitment.geometry, commitment.id).toBeNull();
      expect(commitment.properties.located, commitment.id).toBe(false);
    }
    // Moved off the named zones the sentences do not name.
    const zone = await feature('mong-cai-dong-hung-zone', '2026-02-11');
    expect(zone.commitments.some((c) => /industrial/i.test(c.subject?.en ?? ''))).toBe(false);
    const csv = (await request(app).get('/api/export/features.csv').query({ kind: 'programme' })).text;
    for (const commitment of regional) expect(csv).toContain(commitment.id);
  });
});
