import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../../test/helpers/app';
import { readTarget } from './target-words';

// Sentences written for these tests, in the documents' register (not copied from any source).
describe('deadlines a sentence sets', () => {
  it('reads a year, with the aim before it and the status it reaches', () => {
    const sentence = 'Hai bên phấn đấu công bố mở cửa khẩu song phương X - Y trong năm 2027.';
    expect(readTarget(sentence)).toEqual({
      by: '2027',
      cue: 'Hai bên phấn đấu công bố mở cửa khẩu song phương X - Y trong năm 2027',
      reach: 'announced',
      at: [0, 69],
    });
    expect(readTarget('Tỉnh sẽ hoàn thành các dự án kết nối vào năm 2028.')?.reach).toBe('built');
    expect(readTarget('Thống nhất đưa lối mở Z vào hoạt động đến năm 2030')?.by).toBe('2030');
  });

  it('reads half-years, quarters, months and days', () => {
    expect(readTarget('phấn đấu khởi công đồng bộ trong nửa đầu năm 2027')).toMatchObject({ by: '2027-H1', reach: 'under_construction' });
    expect(readTarget('hoàn thành nghiệm thu trong 6 tháng cuối năm 2026')).toMatchObject({ by: '2026-H2', reach: 'accepted' });
    expect(readTarget('sẽ tổng kết vào quý IV/2028')?.by).toBe('2028-Q4');
    expect(readTarget('ký kết thỏa thuận trong tháng 9 năm 2026')).toMatchObject({ by: '2026-09', reach: 'agreed' });
    expect(readTarget('đưa vào vận hành trước ngày 30/6/2027')).toMatchObject({ by: '2027-06-30', reach: 'operating' });
    expect(readTarget('mở chính thức trước năm 2030')?.by).toBe('2029');
  });

  it('reads an aim that follows its deadline, as Vietnamese often writes it', () => {
    const sentence =
      'Hai bên hoàn thành thủ tục nghiệm thu, trong năm 2027 tổ chức lễ công bố mở chính thức; đồng thời nghiên cứu cầu mới.';
    expect(readTarget(sentence)).toMatchObject({ by: '2027', cue: 'trong năm 2027 tổ chức lễ công bố mở chính thức', reach: 'announced' });
  });

  it('keeps the cue to the aim’s own clause of the sentence', () => {
    const sentence = 'Về giao thông: nâng cấp tuyến đường; phấn đấu đưa cầu mới vào hoạt động trong năm 2027.';
    expect(readTarget(sentence)?.cue).toBe('phấn đấu đưa cầu mới vào hoạt động trong năm 2027');
  });

  it('sets none for what is done, for no date, or a date that is not one', () => {
    expect(readTarget('Năm 2025, cửa khẩu đã chính thức mở cửa.')).toBeNull();
    expect(readTarget('Cửa khẩu đã được công bố mở trong năm 2024.')).toBeNull();
    expect(readTarget('Hai bên sớm hoàn thiện thủ tục khi điều kiện chín muồi.')).toBeNull();
    expect(readTarget('trước ngày 31/2/2027')).toBeNull();
  });

  it('reads the record’s own deadlines as the documents’ editors did (the reader was never shown them)', () => {
    for (const event of loadRealRecord().events.filter((e) => e.target)) {
      const reading = readTarget(event.target?.cue ?? '');
      expect(reading?.by, event.featureId).toBe(event.target?.by);
      expect(reading?.reach, event.featureId).toBe(event.target?.reach);
    }
  });

  it('reads the deadline even when its verb is not one it knows, leaving what is reached to the editor', () => {
    expect(readTarget('tiếp tục trao đổi trong năm 2026')).toMatchObject({ by: '2026', reach: null });
  });
});
