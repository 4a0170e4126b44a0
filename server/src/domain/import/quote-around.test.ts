import { describe, expect, it } from 'vitest';
import { isVerbatimIn } from '../text';
import { quoteAround } from './quote-around';

const clause =
  '(1) Đường chuyên dụng Tân Thanh – Pò Chài đã đi vào hoạt động ổn định, trong khi lối mở Cốc Nam – Lũng Nghịu đang được đẩy nhanh tiến độ xây dựng. Năm 2026, lượng hàng hóa qua mốc 1088/2 đạt 1.000 tấn mỗi ngày.';

describe('quoteAround', () => {
  it('quotes the sentence that names the feature, without the item number, verbatim', () => {
    const quote = quoteAround(clause, 'Cốc Nam – Lũng Nghịu');
    expect(quote).toBe(
      'Đường chuyên dụng Tân Thanh – Pò Chài đã đi vào hoạt động ổn định, trong khi lối mở Cốc Nam – Lũng Nghịu đang được đẩy nhanh tiến độ xây dựng.',
    );
    expect(isVerbatimIn(quote, clause)).toBe(true);
  });

  it('does not end a sentence at the dot of a number', () => {
    expect(quoteAround(clause, 'mốc 1088/2')).toBe('Năm 2026, lượng hàng hóa qua mốc 1088/2 đạt 1.000 tấn mỗi ngày.');
  });

  it('falls back to the matched words when they are not in the clause', () => {
    expect(quoteAround(clause, 'Hữu Nghị')).toBe('Hữu Nghị');
  });
});
