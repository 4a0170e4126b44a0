import { describe, expect, it } from 'vitest';
import { step } from '../test/helpers/reading-record';
import { checkOperatingOnPromotion, operationReason } from './operating-on-promotion-rule';

// Invented sentences of an invented document 901 (test/helpers/reading-record.ts).
const PROMOTION = 'thúc đẩy tuyến tham quan qua cặp cửa khẩu Nà Sẻ (Việt Nam) – Bình Lũng (Trung Quốc)';

describe('a promotion phrase never makes a thing operating on its own (READING.md)', () => {
  const open = step({ featureId: 'na-se', status: 'operating', evidence: 'implied', quote: PROMOTION, note: 'A tour through the pair.' });

  it('refuses "operating" on a promotion without the note saying what implies operation, naming the step', () => {
    expect(checkOperatingOnPromotion([open])).toEqual([
      'status-events/901.json#0 na-se (901:1) operating, implied: "operating" on a quote that only promotes ("thúc đẩy") — a promotion never makes a thing operating on its own; say what does in the note ("Operation implied by: …", READING.md) or read a lower status',
    ]);
  });

  it('accepts it when the note says, in the convention’s words, what implies operation', () => {
    const said = { ...open, note: 'Operation implied by: the 2029 report counts 40 tour groups through the pair (901:3).' };
    expect(checkOperatingOnPromotion([said])).toEqual([]);
    expect(checkOperatingOnPromotion([{ ...open, note: 'Ngụ ý hoạt động: báo cáo năm 2029 đếm 40 đoàn khách.' }])).toEqual([]);
  });

  it('refuses a marker without a reason, or a reason of fewer than three words', () => {
    expect(checkOperatingOnPromotion([{ ...open, note: 'Operation implied by: the tour.' }])).toHaveLength(1);
    expect(checkOperatingOnPromotion([{ ...open, note: 'The tour implies operation.' }])).toHaveLength(1);
  });

  it('leaves alone a step below operating, and a quote that reports operation', () => {
    expect(checkOperatingOnPromotion([{ ...open, status: 'agreed' }])).toEqual([]);
    const reported = 'cửa khẩu Nà Sẻ đã chính thức đi vào hoạt động, hai tỉnh thúc đẩy tuyến tham quan qua cửa khẩu';
    expect(checkOperatingOnPromotion([{ ...open, quote: reported, evidence: 'stated' }])).toEqual([]);
  });

  it('reads quảng bá and xúc tiến as promotion too', () => {
    expect(checkOperatingOnPromotion([{ ...open, quote: 'quảng bá sản phẩm du lịch của cửa khẩu Nà Sẻ' }])).toHaveLength(1);
    expect(checkOperatingOnPromotion([{ ...open, quote: 'xúc tiến thương mại tại chợ biên giới Nà Sẻ' }])).toHaveLength(1);
  });
});

describe('operationReason', () => {
  it('is the words after the marker up to the end of the sentence', () => {
    expect(operationReason('Kept. Operation implied by: the minutes (901:3.2) report daily crossings. Level unknown.')).toBe(
      'the minutes (901:3.2) report daily crossings',
    );
    expect(operationReason(undefined)).toBeNull();
  });
});
