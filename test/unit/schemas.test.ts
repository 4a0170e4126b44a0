import { describe, expect, it } from 'vitest';
import { featureRecordSchema, located, statusEventSchema } from '../../server/src/domain/schemas';

const point = { coordinates: [106.71083, 21.97111], precision: '1km', provenance: 'sourced', source: 'zh.wikipedia' };

describe('record schemas', () => {
  it('require every coordinate to say where it comes from and how precise it is', () => {
    expect(located.safeParse(point).success).toBe(true);
    expect(located.safeParse({ ...point, precision: undefined }).success).toBe(false);
    expect(located.safeParse({ ...point, source: '' }).success).toBe(false);
    expect(located.safeParse({ ...point, precision: 'roughly' }).success).toBe(false);
    expect(located.safeParse({ ...point, coordinates: [206, 21] }).success).toBe(false);
  });

  it('refuse a status event without a clause, a quote or a real date', () => {
    const event = {
      featureId: 'chi-ma',
      date: '2023-02-22',
      status: 'proposed',
      level: 'international',
      evidence: 'stated',
      agreementId: '004',
      clauseId: '004:3.4',
      quote: 'nâng cấp cửa khẩu song phương Chi Ma',
    };
    expect(statusEventSchema.safeParse(event).success).toBe(true);
    expect(statusEventSchema.safeParse({ ...event, quote: '' }).success).toBe(false);
    expect(statusEventSchema.safeParse({ ...event, clauseId: undefined }).success).toBe(false);
    expect(statusEventSchema.safeParse({ ...event, date: '22/02/2023' }).success).toBe(false);
    expect(statusEventSchema.safeParse({ ...event, date: '2023-02-30' }).success).toBe(false);
    // "unknown" is what the record says when there is no event; an event cannot claim it.
    expect(statusEventSchema.safeParse({ ...event, status: 'unknown' }).success).toBe(false);
  });

  it('refuse unknown keys, so a typo in a data file is caught rather than ignored', () => {
    const feature = {
      id: 'huu-nghi',
      kind: 'gate_pair',
      name: { vi: 'Hữu Nghị – Hữu Nghị Quan', zh: '友谊—友谊关', en: 'Huu Nghi – Youyiguan' },
      provinces: ['VN-09'],
      location: point,
    };
    expect(featureRecordSchema.safeParse(feature).success).toBe(true);
    expect(featureRecordSchema.safeParse({ ...feature, locaton: point }).success).toBe(false);
    expect(featureRecordSchema.safeParse({ ...feature, kind: 'gate' }).success).toBe(false);
  });
});
