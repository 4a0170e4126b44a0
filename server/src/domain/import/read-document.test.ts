/**
 * The reading rules an expert editor would state, each on sentences written for the test (never the
 * third-party evaluation texts, which the benchmark reads where they are).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecord } from '../../record/load-record';
import { readDocumentDate } from './document-date';
import { readDocument } from './read-document';
import { buildLinkIndex } from './suggest-links';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const record = loadRecord({ recordDir: join(root, 'geodata', 'record'), documentsDir: join(root, 'geodata', 'documents') });
const index = buildLinkIndex(
  record.features,
  record.provinces.map((p) => p.name.vi),
);

const read = (text: string) => readDocument(text, index);
/** "featureId status level rule" for every suggestion of the text. */
const steps = (text: string) =>
  read(text)
    .suggestions.flat()
    .map((s) => `${s.featureId} ${s.status} ${s.level} ${s.evidence.rule}`);

describe('status from the wording', () => {
  it('reads a ceremony that took place as announced, and one still to hold as agreed', () => {
    expect(steps('Sáng nay, hai tỉnh tổ chức Lễ công bố mở chính thức cặp cửa khẩu song phương Hoành Mô - Động Trung.')).toEqual([
      'hoanh-mo announced bilateral fact',
    ]);
    expect(steps('Lễ công bố mở chính thức cặp cửa khẩu Hoành Mô - Động Trung đã diễn ra tại cửa khẩu.')).toEqual([
      'hoanh-mo announced null fact',
    ]);
    // Aimed at ("sẽ", "thống nhất"), set for a year ("trong năm 2027"), or an item of a list of things to do.
    expect(steps('Hai Bên sẽ tổ chức Lễ công bố mở cặp cửa khẩu Hoành Mô - Động Trung.')[0]).toMatch(/^hoanh-mo agreed /);
    expect(steps('Trong năm 2027 tổ chức Lễ công bố chính thức cặp cửa khẩu Hoành Mô - Động Trung.')[0]).toMatch(/^hoanh-mo agreed /);
    expect(steps('Hai Bên trao đổi; Lễ công bố mở cửa chính thức cửa khẩu Lý Vạn - Thạc Long.')[0]).toMatch(
      /^ly-van agreed .* ceremony_planned$/,
    );
  });

  it('reads an aim that opens a list with a colon as governing every item of it', () => {
    expect(
      steps('Hai bên thống nhất tham mưu cấp có thẩm quyền: sớm hoàn thiện hồ sơ; tổ chức công bố nâng cấp cửa khẩu Chi Ma - Ái Điểm.'),
    ).toEqual(['chi-ma proposed null aimed']);
  });

  it('keeps a step said to be under way, even when pushed on', () => {
    expect(steps('Hai Bên thúc đẩy hoàn thiện cơ sở hạ tầng cặp cửa khẩu Hoành Mô - Động Trung.')).toEqual([
      'hoanh-mo under_construction null plain',
    ]);
    expect(steps('Hai Bên thúc đẩy triển khai xây dựng cửa khẩu Hoành Mô - Động Trung.')).toEqual(['hoanh-mo agreed null aimed']);
  });

  it('reads a crossing named by its designation and no step as operating at that level — implied, low confidence', () => {
    const [s] = read('Hàng hóa qua cửa khẩu quốc tế Hữu Nghị tăng mạnh.').suggestions.flat();
    expect(s).toMatchObject({ featureId: 'huu-nghi', status: 'operating', level: 'international', confidence: 'low' });
    expect(s.evidence.rule).toBe('implied');
    // "X là cửa khẩu quốc tế …" designates it too.
    expect(steps('Hữu Nghị là cửa khẩu quốc tế lớn nhất.')).toEqual(['huu-nghi operating international implied']);
    // The object of a step is not designated as existing: "mở lối thông quan …", "nâng cấp cửa khẩu …".
    expect(steps('Tỉnh đề nghị mở lối thông quan Bản Khoòng.')[0]).toMatch(/^ban-khoong proposed /);
  });

  it('gives the owner of a part that a step happened to its designation, not the step', () => {
    expect(steps('Tổ chức lễ công bố mở chính thức đường chuyên dụng thuộc cặp cửa khẩu quốc tế Hữu Nghị - Hữu Nghị Quan.')).toContain(
      'huu-nghi operating international implied',
    );
  });
});

describe('partnerships named by their parties', () => {
  it('reads provinces that act together as their partnership at work, each pairing of a list', () => {
    expect(steps('Ngày 3/3, các tỉnh Lạng Sơn, Cao Bằng (Việt Nam) và Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) họp.')).toEqual([
      'pairing-lang-son-guangxi operating null implied',
      'pairing-cao-bang-guangxi operating null implied',
    ]);
    expect(steps('UBND tỉnh Quảng Ninh phối hợp với Chính quyền nhân dân Khu tự trị dân tộc Choang Quảng Tây kiểm tra biên giới.')).toEqual(
      ['pairing-quang-ninh-guangxi operating null implied'],
    );
  });

  it('does not read a place that only locates another as a party', () => {
    // A prefecture in Yunnan is not Yunnan; a city in a province is not the province; "tại" is where.
    expect(steps('Tỉnh Lai Châu phối hợp với châu Hồng Hà (tỉnh Vân Nam, Trung Quốc) tuần tra.')).toEqual([]);
    expect(steps('Hội nghị tổ chức tại thành phố Hạ Long, tỉnh Quảng Ninh với Khu tự trị dân tộc Choang Quảng Tây.')).toEqual([]);
    expect(steps('Thành phố Lạng Sơn và Quảng Tây trao đổi đoàn.')).toEqual([]);
  });

  it('leaves a partnership being set up to its own wording', () => {
    expect(steps('Kiến nghị ký kết thỏa thuận thiết lập quan hệ giữa huyện Mường Nhé và huyện Giang Thành.')[0]).toMatch(
      /^pairing-muong-nhe-giang-thanh (proposed|null) /,
    );
  });
});

describe('names that are not the feature', () => {
  it('does not take a city, a commune, a zone or twinned cities for the gate of that name', () => {
    expect(steps('UBND thành phố Móng Cái làm việc với đoàn.')).toEqual([]);
    expect(steps('Đoàn thăm thôn Chi Ma và xã Yên Khoái.')).toEqual([]);
    expect(steps('Khu kinh tế cửa khẩu Hoành Mô - Đồng Văn thu hút đầu tư.')).toEqual([]);
    expect(steps('Kỷ niệm quan hệ thành phố hữu nghị Móng Cái - Đông Hưng.')).toEqual([]);
  });

  it('tells channels of one name apart by their markers, and finds a road by its markers alone', () => {
    // The record's Tân Thanh – Pò Chài road lies at markers 1088/2–1089: a channel of that name at 1090–1091 is another place.
    const other = read('Công bố mở lối thông quan Tân Thanh (Việt Nam) - Pò Chài (Trung Quốc) khu vực mốc 1090 - 1091.');
    expect(other.suggestions.flat().map((s) => s.featureId)).not.toContain('tan-thanh-po-chai');
    expect(other.newPlaces.map((p) => [p.name, p.kind])).toEqual([
      ['lối thông quan Tân Thanh (Việt Nam) - Pò Chài (Trung Quốc)', 'channel'],
    ]);
    expect(steps('Đã mở đường chuyên dụng vận chuyển hàng hóa khu vực mốc 1088/3 - 1089.')).toContain(
      'tan-thanh-po-chai operating null fact',
    );
  });
});

describe('new places', () => {
  it('offers each designated place the record lacks once, with its kind, level and step', () => {
    const reading = read(
      'Tỉnh đề xuất mở cặp cửa khẩu chính Nậm Cúm - Mãn Mỹ (Trung Quốc). Cặp cửa khẩu chính Nậm Cúm - Mãn Mỹ có vị trí thuận lợi.',
    );
    expect(reading.newPlaces).toEqual([
      expect.objectContaining({
        name: 'cặp cửa khẩu chính Nậm Cúm - Mãn Mỹ (Trung Quốc)',
        kind: 'gate_pair',
        level: 'bilateral',
        status: 'proposed',
      }),
    ]);
  });

  it('names a railway or a bridge after a gate without taking it for the gate', () => {
    const reading = read('Hai bên thúc đẩy xây dựng tuyến đường sắt quốc tế đoạn Móng Cái - Đông Hưng.');
    expect(reading.suggestions.flat().map((s) => s.featureId)).not.toContain('mong-cai');
    expect(reading.newPlaces.map((p) => [p.name, p.kind, p.status])).toEqual([
      ['tuyến đường sắt quốc tế đoạn Móng Cái - Đông Hưng', 'route', 'agreed'],
    ]);
  });

  it('is not offered for a country, and a province after the dash only locates the place', () => {
    expect(read('Có 19 cửa khẩu Việt Nam với Trung Quốc.').newPlaces).toEqual([]);
    expect(read('Cửa khẩu Nậm Cúm – Lai Châu là cửa khẩu phụ.').newPlaces.map((p) => p.name)).toEqual(['Cửa khẩu Nậm Cúm']);
  });
});

describe('the document date', () => {
  it('reads the first day the text names outside brackets, with its year', () => {
    expect(readDocumentDate('Ngày 28/02/2024, tại thành phố Bắc Hải đã diễn ra hội nghị.')).toBe('2024-02-28');
    expect(readDocumentDate('Hội nghị (kỷ niệm ngày 20/10/2015) diễn ra sáng 27/5/2025.')).toBe('2025-05-27');
    expect(readDocumentDate('Ngày 24 tháng 3 năm 2027, các Bên họp.')).toBe('2027-03-24');
    expect(readDocumentDate('2025年2月19日，会议举行。')).toBe('2025-02-19');
  });

  it('takes the year the text refers to for a day without one, or leaves the year out', () => {
    expect(readDocumentDate('Ngày 25/6, lễ công bố diễn ra, sau chuyến thăm vào tháng 2/2024.')).toBe('2024-06-25');
    expect(readDocumentDate('Ngày 27/5, lễ công bố diễn ra tại khu vực mốc 1088/3.')).toBe('--05-27');
    // A year aimed at is not the document's.
    expect(readDocumentDate('Ngày 3/4, hai bên thống nhất, dự kiến cuối năm 2025 hoàn thành.')).toBe('--04-03');
  });

  it('reads a report "as of" a year, and nothing from a text without a day', () => {
    expect(readDocumentDate('Tính đến năm 2024, có 19 cửa khẩu.')).toBe('2024');
    expect(readDocumentDate('Dự kiến cuối năm 2025 cửa khẩu sẽ đi vào hoạt động.')).toBeNull();
  });
});
