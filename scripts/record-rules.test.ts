import { describe, expect, it } from 'vitest';
import { clause, readingRecord, step } from '../test/helpers/reading-record';
import { checkReadingRules } from './record-rules';

describe('checkReadingRules: the rules of geodata/READING.md, as npm run geodata:check runs them', () => {
  // One invented clause, and one defect of each rule put back in one step.
  const text = 'Hai tỉnh thúc đẩy tuyến tham quan qua cửa khẩu Nà Sẻ. Hai tỉnh thúc đẩy tuyến tham quan qua cửa khẩu Nà Sẻ.';
  const quote = 'Hai tỉnh thúc đẩy tuyến tham quan qua cửa khẩu Nà Sẻ';
  const record = readingRecord({
    clauses: [clause('1', text)],
    events: [
      step({ featureId: 'na-se', status: 'operating', evidence: 'stated', quote, note: 'See "cửa khẩu Bình Lũng" (901:1).' }),
      step({
        featureId: 'tuyen',
        status: 'operating',
        evidence: 'implied',
        quote,
        note: 'Operation implied by: the tour ran in 2029 (901:1).',
      }),
    ],
  });

  it('reports each rule’s defect', () => {
    expect(checkReadingRules(record)).toEqual([
      expect.stringMatching(/^status-events\/901\.json#0 na-se \(901:1\) operating, stated: its quote rests on "thúc đẩy" \(directive\)/),
      expect.stringMatching(/^901:1 "Hai tỉnh thúc đẩy .*": the same words read as "operating" graded differently/),
      expect.stringMatching(/^status-events\/901\.json#0 na-se \(901:1\) operating, stated: "operating" on a quote that only promotes/),
      expect.stringMatching(
        /^status-events\/901\.json#0 na-se .*: its note quotes "cửa khẩu Bình Lũng" beside 901:1, words clause 901:1 does not hold$/,
      ),
    ]);
  });

  it('reports nothing once they are mended', () => {
    const mended = structuredClone(record);
    mended.events[0] = {
      ...mended.events[0],
      evidence: 'implied',
      note: 'Operation implied by: the tour ran in 2029 through "cửa khẩu Nà Sẻ" (901:1).',
    };
    expect(checkReadingRules(mended)).toEqual([]);
  });
});
