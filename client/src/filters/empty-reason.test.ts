import { describe, expect, it } from 'vitest';
import { emptyReasonText, reportedOn } from '../i18n/ui-text';
import { emptyAgreementReason } from './empty-reason';
import { NO_FILTERS } from './filters';

const agreements = [{ id: 'ref-ban-gioc-agreement', signedDate: '2016-11-15', documentDate: null }];
const banGioc = { ...NO_FILTERS, agreements: ['ref-ban-gioc-agreement'] };

describe('an agreement filter that shows nothing', () => {
  it('says the other filters exclude the features the document is linked to', () => {
    const why = emptyAgreementReason({ ...banGioc, kinds: ['route'] }, 1, agreements);
    expect(why).toEqual({ reason: 'excluded', linked: 1 });
    expect(emptyReasonText(why as NonNullable<typeof why>, 'en')).toBe(
      '1 feature is linked to the selected document, but none passes the other filters.',
    );
  });

  it('says the document is dated after the day shown, or linked to nothing by then', () => {
    const before = emptyAgreementReason({ ...banGioc, asOf: '2015-01-01' }, 0, agreements);
    expect(before).toEqual({ reason: 'datedAfter', dated: '2016-11-15', asOf: '2015-01-01' });
    expect(emptyReasonText(before as NonNullable<typeof before>, 'vi')).toContain('ghi ngày 15/11/2016, sau ngày đang xem (01/01/2015)');
    const after = emptyAgreementReason({ ...banGioc, asOf: '2020-01-01' }, 0, agreements);
    expect(after).toEqual({ reason: 'noneLinked', asOf: '2020-01-01' });
    expect(emptyReasonText(after as NonNullable<typeof after>, 'zh')).toBe('截至2020年1月1日，所选文件未关联任何对象。');
  });

  it('gives the record’s own reason for a document no feature is cited about, in the interface language', () => {
    const quarantine = {
      id: 'ref-fruit-quarantine-agreement',
      signedDate: null,
      documentDate: null,
      unlinked: { vi: 'Không nêu địa điểm.', en: 'Names no place.', zh: '未指明地点。' },
    };
    const why = emptyAgreementReason({ ...NO_FILTERS, agreements: [quarantine.id] }, 0, [quarantine]);
    expect(why).toEqual({ reason: 'unlinked', why: [quarantine.unlinked] });
    expect(emptyReasonText(why as NonNullable<typeof why>, 'vi')).toBe(
      'Không đối tượng nào trên bản đồ gắn với văn bản đã chọn: Không nêu địa điểm.',
    );
    expect(emptyReasonText(why as NonNullable<typeof why>, 'zh')).toBe('地图上没有对象与所选文件关联：未指明地点。');
  });

  it('says nothing without an agreement filter, or before the count is known', () => {
    expect(emptyAgreementReason({ ...NO_FILTERS, kinds: ['route'] }, 0, agreements)).toBeNull();
    expect(emptyAgreementReason(banGioc, undefined, agreements)).toBeNull();
  });
});

describe('a status as last reported', () => {
  it('reads "theo văn bản 22/02/2023", "as reported on 22 Feb 2023", "据2023年2月22日文件"', () => {
    expect(reportedOn('2023-02-22', 'vi')).toBe('theo văn bản 22/02/2023');
    expect(reportedOn('2023-02-22', 'en')).toBe('as reported on 22 Feb 2023');
    expect(reportedOn('2023-02-22', 'zh')).toBe('据2023年2月22日文件');
  });

  it('keeps a partial date partial', () => {
    expect(reportedOn('2022-02', 'en')).toBe('as reported on Feb 2022');
    expect(reportedOn('2016', 'zh')).toBe('据2016年文件');
    expect(reportedOn('2022-02', 'vi')).toBe('theo văn bản 02/2022');
  });
});
