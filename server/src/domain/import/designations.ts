import type { KindId, LevelId } from '../vocabulary';

/** Gate designations, each also as a pair ("cặp cửa khẩu …"); the bare "cửa khẩu" last, so longer ones win. */
const GATE_DESIGNATIONS: [string, LevelId | null][] = [
  ['quốc tế', 'international'],
  ['song phương', 'bilateral'],
  ['chính', 'bilateral'],
  ['quốc gia', 'bilateral'],
  ['phụ', null],
  ['', null],
];

/**
 * How the documents designate a place, in one table: the words, the kind of feature they introduce and
 * the level they state (null: none). New places are recognised by them (new-place-mentions.ts) and an
 * upgrade's level read from them ("nâng cấp … lên cửa khẩu quốc tế", suggest-links.ts). Longer first.
 */
export const DESIGNATIONS: readonly (readonly [text: string, kind: KindId, level: LevelId | null])[] = [
  ...GATE_DESIGNATIONS.flatMap(([words, level]): [string, KindId, LevelId | null][] => [
    [`cặp cửa khẩu ${words}`.trim(), 'gate_pair', level],
    [`cửa khẩu ${words}`.trim(), 'gate_pair', level],
  ]),
  ['lối thông quan', 'channel', 'channel'],
  ['lối mở', 'opening', 'opening'],
  ['chợ biên giới', 'market', 'market'],
  ['đường chuyên dụng', 'special_road', 'special_road'],
  ['tuyến đường sắt', 'route', null],
  ['đường sắt', 'route', null],
  ['khu hợp tác kinh tế qua biên giới', 'zone', null],
  ['cầu', 'bridge', null],
];
