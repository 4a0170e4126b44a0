import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { featureStateAsOf } from './feature-state';
import { progressRows } from './progress-timeline';
import type { StatusEvent } from './schemas';

const record = loadRealRecord();
const eventsByFeature = new Map<string, StatusEvent[]>();
for (const event of record.events) eventsByFeature.set(event.featureId, [...(eventsByFeature.get(event.featureId) ?? []), event]);
const features = record.features
  .filter((f) => eventsByFeature.has(f.id))
  .map((f) => ({ id: f.id, properties: { name: f.name } }) as Parameters<typeof progressRows>[0][number]);
const END = '2026-12-02';

describe('the progress timeline’s rows', () => {
  const rows = progressRows(features, eventsByFeature, END);

  it('give, on every day a span covers, the status the feature has on that day', () => {
    for (const row of rows) {
      const events = eventsByFeature.get(row.id) ?? [];
      row.spans.forEach((span, i) => {
        expect(featureStateAsOf(events, span.from).status, `${row.id} ${span.from}`).toBe(span.status);
        const dayBefore = new Date(Date.parse(`${span.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        if (span.to !== END) expect(featureStateAsOf(events, dayBefore).status, `${row.id} ${dayBefore}`).toBe(span.status);
        // Spans follow each other without a gap or an overlap, and a span always changes the status.
        if (i > 0) {
          expect(row.spans[i - 1].to).toBe(span.from);
          expect(row.spans[i - 1].status).not.toBe(span.status);
        }
      });
    }
  });

  it('tick the documents that restate a status, and mark the deadlines as read on the end date', () => {
    const chiMa = rows.find((r) => r.id === 'chi-ma');
    expect(chiMa?.ticks.map((t) => t.date)).toContain('2026-02-11');
    const aPaChai = rows.find((r) => r.id === 'a-pa-chai');
    expect(aPaChai?.marks).toEqual(
      expect.arrayContaining([expect.objectContaining({ by: '2025', due: '2025-12-31', state: 'overdue', clauseId: '000-vn:II.1' })]),
    );
    const hoanhMo = progressRows(
      features.filter((f) => f.id === 'hoanh-mo'),
      eventsByFeature,
      '2024-01-01',
    )[0];
    expect(hoanhMo.marks).toEqual([expect.objectContaining({ by: '2023', state: 'overdue' })]);
    // Nothing after the end date is drawn.
    for (const row of progressRows(features, eventsByFeature, '2023-12-31'))
      for (const span of row.spans) expect(span.from <= '2023-12-31').toBe(true);
  });
});
