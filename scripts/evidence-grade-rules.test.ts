import { describe, expect, it } from 'vitest';
import { keyOf } from '../server/src/domain/corrections';
import { step } from '../test/helpers/reading-record';
import { checkCueGrades, checkSameWordsSameGrade } from './evidence-grade-rules';

// Invented sentences of an invented document 901 (test/helpers/reading-record.ts).
const DIRECTIVE = 'Hai tỉnh cùng thúc đẩy hoàn thiện cơ sở hạ tầng cửa khẩu Nà Sẻ - Bình Lũng';
const REPORTED = 'Ngày 02 tháng 3 năm 2030, tại thị trấn Nà Sẻ, hai tỉnh đã tổ chức Hội nghị giao ban lần thứ nhất';

describe('a step is graded as its leading cue says (READING.md)', () => {
  it('refuses a directive graded "stated", naming the step; accepts it "implied"', () => {
    const defect = step({ featureId: 'na-se', status: 'under_construction', quote: DIRECTIVE, evidence: 'stated' });
    expect(checkCueGrades([defect])).toEqual([
      'status-events/901.json#0 na-se (901:1) under_construction, stated: its quote rests on "cùng thúc đẩy hoàn thiện" (directive), which READING.md grades "implied": a directive gives the status it presupposes, never one it states',
    ]);
    expect(checkCueGrades([{ ...defect, evidence: 'implied' }])).toEqual([]);
  });

  it('refuses a meeting reported held graded "implied"; accepts it "stated"', () => {
    const defect = step({ featureId: 'giao-ban', status: 'operating', quote: REPORTED, evidence: 'implied', note: 'A meeting held.' });
    expect(checkCueGrades([defect])).toEqual([
      expect.stringMatching(/^status-events\/901\.json#0 giao-ban \(901:1\) .*"đã tổ chức" \(reported\)/),
    ]);
    expect(checkCueGrades([{ ...defect, evidence: 'stated' }])).toEqual([]);
  });

  it('lets an agreement verb govern only an agreed step: "thống nhất … kiến nghị" is a stated proposal', () => {
    const quote = 'Thống nhất trong năm 2031 cùng kiến nghị cấp trên phê duyệt mở cửa khẩu Nà Sẻ';
    expect(checkCueGrades([step({ featureId: 'na-se', status: 'proposed', quote })])).toEqual([]);
    expect(checkCueGrades([step({ featureId: 'na-se', status: 'proposed', quote, evidence: 'implied' })])).toHaveLength(1);
  });

  it('reads only the leading words: a cue deep in a long narrative governs nothing', () => {
    const narrative =
      'Từ năm 2026 đến năm 2029, hai tỉnh tăng cường trao đổi đoàn các cấp, mở rộng giao lưu văn hóa, đi sâu hợp tác thương mại, ' +
      'bảo đảm an ninh trật tự khu vực biên giới và tích cực thúc đẩy giao lưu nhân dân, đạt được nhiều kết quả';
    expect(checkCueGrades([step({ featureId: 'co-che', status: 'operating', quote: narrative })])).toEqual([]);
  });

  it('reads only the steps that count: a corrected step keeps the reading it was corrected for', () => {
    const misread = step({ featureId: 'na-se', status: 'operating', quote: DIRECTIVE, evidence: 'stated' });
    const correction = step({
      featureId: 'na-se',
      status: 'under_construction',
      quote: DIRECTIVE,
      evidence: 'implied',
      note: 'Completing the infrastructure presupposes it is being built.',
      corrects: keyOf(misread),
    });
    expect(checkCueGrades([misread, correction])).toEqual([]);
    expect(checkCueGrades([misread])).toHaveLength(1);
  });
});

describe('the same words of one clause, read as one status, carry one grade', () => {
  const ONE_VERB = 'Hai tỉnh phối hợp giải quyết vướng mắc để phát triển tuyến xe khách Nà Sẻ và tuyến xe tải Bình Lũng';

  it('refuses two objects of one verb graded differently, naming both steps', () => {
    const bus = step({ featureId: 'xe-khach', quote: ONE_VERB, evidence: 'implied', note: 'A joint directive.' });
    const truck = step({ featureId: 'xe-tai', quote: ONE_VERB, evidence: 'stated' });
    expect(checkSameWordsSameGrade([bus, truck])).toEqual([
      '901:1 "Hai tỉnh phối hợp giải quyết vướng mắc để phát triển tuyến x…": the same words read as "agreed" graded differently — status-events/901.json#0 xe-khach (901:1) agreed, implied; status-events/901.json#1 xe-tai (901:1) agreed, stated (the same words, the same status, one grade: READING.md)',
    ]);
    expect(checkSameWordsSameGrade([bus, { ...truck, evidence: 'implied' }])).toEqual([]);
  });

  it('lets the same words state one status and imply another', () => {
    const quote = 'báo cáo cấp trên phê duyệt công trình tại khu vực cửa khẩu Nà Sẻ';
    const proposal = step({ featureId: 'na-se', status: 'proposed', quote });
    const building = step({
      featureId: 'na-se',
      status: 'under_construction',
      quote,
      evidence: 'implied',
      note: 'Works still to approve.',
    });
    expect(checkSameWordsSameGrade([proposal, building])).toEqual([]);
  });

  it('tells clauses apart, and spacing does not make the words different', () => {
    const first = step({ featureId: 'xe-khach', quote: ONE_VERB, evidence: 'implied', note: 'A joint directive.' });
    expect(checkSameWordsSameGrade([first, step({ featureId: 'xe-tai', quote: ONE_VERB, clauseId: '901:2' })])).toEqual([]);
    expect(checkSameWordsSameGrade([first, step({ featureId: 'xe-tai', quote: ONE_VERB.replace(' ', '  ') })])).toHaveLength(1);
  });
});
