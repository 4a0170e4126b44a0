/**
 * Synthetic record folders for benchmarks (1 000, 10 000, 100 000 features…): the same files, in the
 * same formats, as geodata/record/, with made-up but realistically shaped content. Nothing in them is
 * real: every agreement, clause, feature and note says so.
 *
 *   npx tsx scripts/synthetic-record.ts <featureCount> <outDir> [seed]
 *   BORDER_ATLAS_RECORD_DIR=<outDir> npx tsx server/src/main.ts
 *
 * `<outDir>` receives the record (agreements.json, clauses/, features.json, status-events/,
 * provinces.json copied from the real record, a README.md marking it synthetic); the documents the
 * agreements cite go to `<outDir>/../documents/`, where the server looks for them. Use a fresh folder,
 * e.g. /tmp/syn-100k/record. The output depends only on (featureCount, seed): byte for byte.
 *
 * Shapes: points jittered a few km off a simplified Vietnam–China border line (clustered around
 * "hubs" like the real crossings); routes of 3–6 waypoints running inland from the border (crossing it
 * or not); pairings drawn as 2-waypoint lines between a town on each side; every feature with a status
 * has 3–6 steps in date order, each quoting its clause verbatim.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  Agreement,
  Clause,
  FeatureRecord,
  FeatureSide,
  Located,
  MultilingualName,
  StatusEvent,
  TransportMode,
} from '../server/src/domain/schemas';
import { KIND_BY_ID, type KindId, type LevelId, STATUS_IDS, type StatusId } from '../server/src/domain/vocabulary';

const projectRoot = join(import.meta.dirname, '..');
const REAL_PROVINCES = join(projectRoot, 'geodata', 'record', 'provinces.json');

export const SYNTHETIC_MARK = 'Synthetic benchmark record — not real data';
const AGREEMENT_COUNT = 20;

/** mulberry32: a tiny seeded PRNG, enough for shapes (not for anything secret). */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + (max - min) * next();
  const int = (min: number, max: number) => Math.floor(between(min, max + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let left = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      left -= weight;
      if (left < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
  return { next, between, int, chance, pick, weighted };
}
type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------------------------------------
// Geometry: a simplified border line, west (A Pa Chải tripoint) to east (Móng Cái).

type LonLat = [number, number];

const BORDER: readonly LonLat[] = [
  [102.14, 22.4],
  [102.48, 22.77],
  [103.0, 22.58],
  [103.96, 22.5],
  [104.37, 22.7],
  [104.98, 23.08],
  [105.33, 23.38],
  [106.2, 22.98],
  [106.71, 22.86],
  [106.55, 22.45],
  [106.72, 21.97],
  [107.35, 21.65],
  [107.97, 21.54],
];

const KM_PER_DEGREE = 111.32;
const kmPerLon = (lat: number) => KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);

/** Segment lengths in km, so positions along the line are spread evenly on the ground. */
const SEGMENT_KM = BORDER.slice(1).map(([lon, lat], index) => {
  const [lon0, lat0] = BORDER[index];
  const midLat = (lat + lat0) / 2;
  return Math.hypot((lon - lon0) * kmPerLon(midLat), (lat - lat0) * KM_PER_DEGREE);
});
const BORDER_KM = SEGMENT_KM.reduce((sum, km) => sum + km, 0);

type BorderPoint = {
  point: LonLat;
  /** Unit vector (east km, north km) pointing into Vietnam: right of the line as it runs west → east. */
  intoVietnam: [number, number];
  segment: number;
};

function borderAt(km: number): BorderPoint {
  let left = Math.min(Math.max(km, 0), BORDER_KM);
  let segment = 0;
  while (segment < SEGMENT_KM.length - 1 && left > SEGMENT_KM[segment]) {
    left -= SEGMENT_KM[segment];
    segment += 1;
  }
  const [lon0, lat0] = BORDER[segment];
  const [lon1, lat1] = BORDER[segment + 1];
  const f = left / SEGMENT_KM[segment];
  const point: LonLat = [lon0 + (lon1 - lon0) * f, lat0 + (lat1 - lat0) * f];
  const east = (lon1 - lon0) * kmPerLon(point[1]);
  const north = (lat1 - lat0) * KM_PER_DEGREE;
  const length = Math.hypot(east, north);
  // Right-hand normal of (east, north) is (north, -east): south of an eastward line, west of a southward one.
  return { point, intoVietnam: [north / length, -east / length], segment };
}

const round5 = (value: number) => Math.round(value * 1e5) / 1e5;

/** Moves `km` east and north from a point; stays inside the map's frame (lon 100–109, lat 20–25.5). */
function offset([lon, lat]: LonLat, eastKm: number, northKm: number): LonLat {
  const newLat = lat + northKm / KM_PER_DEGREE;
  const newLon = lon + eastKm / kmPerLon(lat);
  return [round5(Math.min(Math.max(newLon, 100.5), 108.5)), round5(Math.min(Math.max(newLat, 20.5), 25))];
}

/** `km` into Vietnam (negative: into China) from a border point, plus `alongKm` along the line. */
function beside(at: BorderPoint, km: number, alongKm = 0): LonLat {
  const [ve, vn] = at.intoVietnam;
  // Along the line = the normal turned a quarter left: (−north, east) of the normal.
  return offset(at.point, ve * km - vn * alongKm, vn * km + ve * alongKm);
}

/** Provinces by where a point sits on the line (the real ones the border runs through, roughly). */
function vietnamProvince({ point: [lon, lat], segment }: BorderPoint): string {
  if (segment <= 8) {
    if (lon < 102.35) return 'VN-71';
    if (lon < 103.6) return 'VN-01';
    if (lon < 104.45) return 'VN-02';
    if (lon < 105.6) return 'VN-03';
    return 'VN-04';
  }
  if (segment === 9) return lat > 22.35 ? 'VN-04' : 'VN-09';
  if (segment === 10) return 'VN-09';
  if (segment === 11) return lon < 107.3 ? 'VN-09' : 'VN-13';
  return 'VN-13';
}
const chinaProvince = ({ point: [lon] }: BorderPoint) => (lon < 105.6 ? 'CN-YN' : 'CN-GX');

// ---------------------------------------------------------------------------------------------
// Agreements, clauses and the documents they are verbatim in.

const AGREEMENT_KINDS: readonly Agreement['kind'][] = [
  'minutes',
  'memorandum',
  'minutes',
  'agreement',
  'joint_communique',
  'cooperation_plan',
  'minutes',
  'protocol',
  'letter',
  'submission',
  'memorandum',
  'memorandum',
  'note_verbale',
  'agreement',
  'minutes',
  'cooperation_plan',
  'treaty',
  'minutes',
  'joint_communique',
  'memorandum',
];

/** Sentences each status clause holds; a step quotes one of them. */
const STATUS_SENTENCES: Record<Exclude<StatusId, 'unknown'>, readonly string[]> = {
  proposed: [
    'Hai bên cùng kiến nghị cấp có thẩm quyền nghiên cứu mở các điểm hợp tác thử nghiệm nêu tại Phụ lục',
    'Phía Việt Nam đề xuất bổ sung các tuyến, lối mở và cặp cửa khẩu thử nghiệm vào kế hoạch hợp tác',
    'Phía Trung Quốc đề nghị sớm khảo sát, đánh giá các điểm hợp tác thử nghiệm dọc biên giới',
  ],
  agreed: [
    'Hai bên thống nhất cùng thúc đẩy các nội dung hợp tác thử nghiệm nêu tại Phụ lục',
    'Hai bên nhất trí phối hợp triển khai các cặp cửa khẩu, lối mở, tuyến và quan hệ kết nghĩa thử nghiệm',
    'Hai bên đồng ý đưa các điểm hợp tác thử nghiệm vào chương trình làm việc năm tới',
  ],
  under_construction: [
    'Hai bên đang khẩn trương xây dựng, hoàn thiện cơ sở hạ tầng tại các điểm thử nghiệm',
    'Các hạng mục công trình thử nghiệm đang được thi công theo đúng tiến độ đã thống nhất',
    'Hai bên tiếp tục đầu tư hoàn thiện hạ tầng kết nối tại các điểm hợp tác thử nghiệm',
  ],
  built: [
    'Cơ sở hạ tầng tại các điểm thử nghiệm đã cơ bản hoàn thành, đang chờ kiểm tra nghiệm thu',
    'Các công trình thử nghiệm đã xây dựng xong, hai bên đang hoàn thiện thủ tục nghiệm thu',
    'Hạ tầng kết nối thử nghiệm đã hoàn thành xây dựng',
  ],
  accepted: [
    'Hai bên đã hoàn thành kiểm tra nghiệm thu trong nước đối với các điểm thử nghiệm',
    'Các điểm hợp tác thử nghiệm đã được nghiệm thu theo quy định của mỗi nước',
    'Công tác nghiệm thu các hạng mục thử nghiệm đã hoàn thành',
  ],
  announced: [
    'Hai bên đã tổ chức lễ công bố mở các điểm hợp tác thử nghiệm',
    'Lễ công bố chính thức mở các cặp cửa khẩu, lối mở và tuyến thử nghiệm đã được tổ chức',
    'Hai bên đã công bố đưa các điểm hợp tác thử nghiệm vào hoạt động',
  ],
  operating: [
    'Các điểm hợp tác thử nghiệm hiện hoạt động ổn định, thông suốt',
    'Các tuyến, cặp cửa khẩu và quan hệ kết nghĩa thử nghiệm đang được duy trì hoạt động hiệu quả',
    'Hoạt động qua lại tại các điểm thử nghiệm diễn ra thuận lợi',
  ],
};
const STEPS = STATUS_IDS.filter((status): status is Exclude<StatusId, 'unknown'> => status !== 'unknown');
const UPGRADE_SENTENCES = [
  'Hai bên cùng kiến nghị Chính phủ hai nước nâng cấp các cặp cửa khẩu thử nghiệm lên cửa khẩu quốc tế',
  'Hai bên thống nhất thúc đẩy nâng cấp các điểm thông quan thử nghiệm lên cấp cao hơn',
];
const MENTION_SENTENCES = [
  'Hai bên điểm lại tình hình hợp tác tại các điểm thử nghiệm và các mốc giới liên quan',
  'Hai bên giao các cơ quan chức năng tiếp tục theo dõi các điểm thử nghiệm nêu tại Phụ lục',
];
/** Clause path of each status clause in every agreement, then the upgrade and the mention clauses. */
const statusClause = (status: Exclude<StatusId, 'unknown'>) => String(STEPS.indexOf(status) + 1);
const UPGRADE_CLAUSE = '8';
const MENTION_CLAUSES = ['9.1', '9.2'];

type SyntheticAgreement = Agreement & { documentDate: string };

function makeAgreements(random: Random): SyntheticAgreement[] {
  // Dates spread over 2015–2026, in id order; a few share a year, as real meetings do.
  const dates = Array.from({ length: AGREEMENT_COUNT }, (_, index) => {
    const year = 2015 + Math.floor((index * 12) / AGREEMENT_COUNT);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }).sort();
  return dates.map((date, index) => {
    const number = String(index + 1).padStart(3, '0');
    const kind = AGREEMENT_KINDS[index % AGREEMENT_KINDS.length];
    // Two drafts, one of them annexed to the submission before it (as in the real record).
    const draft = index === 10 || index === 15;
    const year = Number(date.slice(0, 4));
    const agreement: SyntheticAgreement = {
      id: `syn-${number}`,
      kind,
      draft,
      title: {
        vi: `Văn bản thử nghiệm số ${number} (dữ liệu giả lập, không phải dữ liệu thật)`,
        en: `Synthetic document ${number} (${SYNTHETIC_MARK})`,
        zh: `测试${number}`,
      },
      documentDate: date,
      signedDate: draft ? null : date,
      place: random.pick(['Hà Nội', 'Nam Ninh', 'Côn Minh', 'Lạng Sơn', 'Trực tuyến (online)']),
      parties: [
        { country: 'VN', name: { vi: 'Bên Việt Nam (thử nghiệm)', zh: null, en: 'Vietnamese party (synthetic)' } },
        { country: 'CN', name: { vi: 'Bên Trung Quốc (thử nghiệm)', zh: '测试', en: 'Chinese party (synthetic)' } },
      ],
      period: index % 4 === 0 ? { from: String(year), to: String(year + 4) } : null,
      sourceFile: `syn-${number}.txt`,
      ...(index === 10 ? { partOf: `syn-${String(index).padStart(3, '0')}` } : {}),
      note: `${SYNTHETIC_MARK}: generated by scripts/synthetic-record.ts.`,
    };
    return agreement;
  });
}

function makeClauses(agreement: Agreement): Clause[] {
  const clause = (path: string, label: Clause['label'], vi: string): Clause => ({
    id: `${agreement.id}:${path}`,
    agreementId: agreement.id,
    path: path.split('.'),
    label,
    text: { vi },
  });
  return [
    clause('0', { vi: 'Trích yếu', en: 'Subject line' }, `${agreement.title.vi}. ${SYNTHETIC_MARK}.`),
    ...STEPS.map((status, index) =>
      clause(statusClause(status), { vi: `Điều ${index + 1}`, en: `Article ${index + 1}` }, `${STATUS_SENTENCES[status].join('. ')}.`),
    ),
    clause(UPGRADE_CLAUSE, { vi: 'Điều 8', en: 'Article 8' }, `${UPGRADE_SENTENCES.join('. ')}.`),
    ...MENTION_CLAUSES.map((path, index) =>
      clause(path, { vi: `Điều 9, khoản ${index + 1}`, en: `Article 9, item ${index + 1}` }, `${MENTION_SENTENCES[index]}.`),
    ),
  ];
}

function makeDocument(agreement: Agreement, clauses: Clause[]): string {
  const body = clauses.map((clause) => `${clause.label.vi}. ${clause.text.vi}`);
  return [`${SYNTHETIC_MARK.toUpperCase()}`, '', agreement.title.vi, '', ...body.flatMap((line) => [line, ''])].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Features and their status steps.

const KIND_WEIGHTS: readonly (readonly [KindId, number])[] = [
  ['route', 20],
  ['pairing', 20],
  ['gate_pair', 15],
  ['marker', 15],
  ['bridge', 8],
  ['opening', 6],
  ['channel', 6],
  ['zone', 4],
  ['special_road', 3],
  ['market', 3],
];

const SHORT: Record<KindId, string> = {
  gate_pair: 'gate',
  channel: 'channel',
  opening: 'opening',
  market: 'market',
  special_road: 'road',
  marker: 'marker',
  route: 'route',
  pairing: 'pairing',
  cooperation: 'cooperation',
  zone: 'zone',
  bridge: 'bridge',
  programme: 'programme',
};

/** Synthetic names; Chinese only from 口岸测试线路友好 (the bundled font subset has them). */
const NAMES: Record<KindId, { vi: string; en: string; zh: string | null }> = {
  gate_pair: { vi: 'Cửa khẩu thử nghiệm', en: 'Synthetic gate', zh: '测试口岸' },
  channel: { vi: 'Lối thông quan thử nghiệm', en: 'Synthetic clearance channel', zh: '测试口岸' },
  opening: { vi: 'Lối mở thử nghiệm', en: 'Synthetic border opening', zh: null },
  market: { vi: 'Chợ biên giới thử nghiệm', en: 'Synthetic border market', zh: null },
  special_road: { vi: 'Đường chuyên dụng thử nghiệm', en: 'Synthetic freight road', zh: '测试线路' },
  marker: { vi: 'Mốc thử nghiệm', en: 'Synthetic boundary marker', zh: null },
  route: { vi: 'Tuyến thử nghiệm', en: 'Synthetic route', zh: '测试线路' },
  cooperation: { vi: 'Cơ chế hợp tác thử nghiệm', en: 'Synthetic cooperation mechanism', zh: null },
  pairing: { vi: 'Kết nghĩa thử nghiệm', en: 'Synthetic pairing', zh: '友好测试' },
  zone: { vi: 'Khu hợp tác thử nghiệm', en: 'Synthetic cooperation zone', zh: null },
  bridge: { vi: 'Cầu biên giới thử nghiệm', en: 'Synthetic border bridge', zh: null },
  programme: { vi: 'Cam kết chung thử nghiệm', en: 'Synthetic regional commitment', zh: null },
};

const nameOf = (kind: KindId, number: number, suffix?: { vi: string; en: string }): MultilingualName => {
  const base = NAMES[kind];
  return {
    vi: `${base.vi} ${number}${suffix ? ` ${suffix.vi}` : ''}`,
    zh: base.zh && !suffix ? `${base.zh}${number}` : null,
    en: `${base.en} ${number}${suffix ? ` ${suffix.en}` : ''}`,
  };
};

/** How far to trust a point: mostly estimates, some published coordinates. */
function locate(random: Random, coordinates: LonLat, what: string): Located {
  const sourced = random.chance(0.25);
  if (sourced) {
    return {
      coordinates,
      precision: random.weighted([
        ['exact', 2],
        ['1km', 5],
        ['5km', 3],
      ]),
      provenance: 'sourced',
      source: `${SYNTHETIC_MARK}: made-up published coordinate of ${what}.`,
    };
  }
  return {
    coordinates,
    precision: random.weighted([
      ['approximate', 4],
      ['5km', 1],
    ]),
    provenance: 'estimate',
    source: `${SYNTHETIC_MARK}: estimate, a point jittered a few km off a simplified border line (${what}).`,
  };
}

/** Where a crossing or a route's border point sits: near a hub (as real crossings cluster), else anywhere. */
function makeHubs(random: Random): number[] {
  return Array.from({ length: 40 }, () => random.between(0, BORDER_KM)).sort((a, b) => a - b);
}
const borderKm = (random: Random, hubs: number[]) =>
  random.chance(0.7) ? Math.min(Math.max(random.pick(hubs) + random.between(-8, 8), 0), BORDER_KM) : random.between(0, BORDER_KM);

type Placed = { id: string; at: BorderPoint; point: LonLat };

type Ladder = readonly Exclude<StatusId, 'unknown'>[];
const FULL_LADDER: Ladder = STEPS;
const SHORT_LADDER: Ladder = ['proposed', 'agreed', 'announced', 'operating'];
const RAIL_LADDER: Ladder = ['proposed', 'agreed', 'under_construction', 'built', 'operating'];

/** The level a crossing's steps concern, and the level an upgrade aims at. */
const LEVELS: Partial<Record<KindId, { level: LevelId | null; upgrade: LevelId }>> = {
  gate_pair: { level: 'bilateral', upgrade: 'international' },
  channel: { level: 'channel', upgrade: 'bilateral' },
  opening: { level: 'opening', upgrade: 'channel' },
  market: { level: 'market', upgrade: 'opening' },
  special_road: { level: null, upgrade: 'channel' },
};

type Step = Omit<StatusEvent, 'date' | 'agreementId' | 'clauseId' | 'quote'> & { clausePath: string; sentences: readonly string[] };

/** 3–6 steps, statuses never going back, sometimes stopping early, sometimes ending with an upgrade. */
function makeSteps(random: Random, featureId: string, kind: KindId, ladder: Ladder): Step[] {
  const count = random.int(3, 6);
  const levels = LEVELS[kind];
  const last = ladder.length - 1;
  const final = random.chance(0.55) ? last : random.int(0, last - 1);
  const upgrade = levels !== undefined && final === last && count >= 4 && random.chance(0.3);
  const baseCount = upgrade ? count - 1 : count;
  const first = final > 0 && random.chance(0.3) ? 1 : 0;
  const middle = Array.from({ length: baseCount - 2 }, () => random.int(first, final)).sort((a, b) => a - b);
  // Gates state their level in every step, or in none (commitments group steps by level).
  const level = levels && (kind !== 'gate_pair' || random.chance(0.6)) ? levels.level : null;
  const steps: Step[] = [first, ...middle, final].map((index) => {
    const status = ladder[index];
    return {
      featureId,
      status,
      level,
      evidence: random.chance(0.2) ? 'implied' : 'stated',
      clausePath: statusClause(status),
      sentences: STATUS_SENTENCES[status],
    };
  });
  if (upgrade && levels) {
    steps.push({
      featureId,
      status: random.pick(['proposed', 'agreed'] as const),
      level: levels.upgrade,
      subject: { vi: 'Nâng cấp (thử nghiệm)', en: 'Upgrade (synthetic)' },
      evidence: 'stated',
      clausePath: UPGRADE_CLAUSE,
      sentences: UPGRADE_SENTENCES,
      note: `${SYNTHETIC_MARK}.`,
    });
  }
  return steps;
}

const TRANSPORT: readonly (readonly [TransportMode, number])[] = [
  ['passenger', 3],
  ['freight', 3],
  ['rail', 2],
  ['tourism', 3],
  ['bus', 1],
  ['air', 1],
  ['ambulance', 1],
];

/** The keys in the order of the real features.json (undefined ones are left out when written). */
const inSchemaOrder = (f: FeatureRecord): FeatureRecord => ({
  id: f.id,
  kind: f.kind,
  pairingScale: f.pairingScale,
  name: f.name,
  sides: f.sides,
  provinces: f.provinces,
  location: f.location,
  waypoints: f.waypoints,
  schematic: f.schematic,
  unlocated: f.unlocated,
  route: f.route,
  relations: f.relations,
  mentionedIn: f.mentionedIn,
  note: f.note,
});

function createFeatureMaker(random: Random, agreements: SyntheticAgreement[]) {
  const hubs = makeHubs(random);
  /** Recent features of each kind, so channels, bridges, markets… can stand beside one. */
  const recent = new Map<KindId, Placed[]>();
  const remember = (kind: KindId, placed: Placed) => {
    const list = recent.get(kind) ?? [];
    list.push(placed);
    if (list.length > 50) list.shift();
    recent.set(kind, list);
  };
  const nearby = (kinds: KindId[]): Placed | null => {
    const lists = kinds.map((kind) => recent.get(kind) ?? []);
    const total = lists.reduce((sum, list) => sum + list.length, 0);
    if (total === 0) return null;
    let index = Math.floor(random.next() * total);
    for (const list of lists) {
      if (index < list.length) return list[index];
      index -= list.length;
    }
    return null;
  };
  const mentions = (p: number) =>
    random.chance(p)
      ? [...new Set(Array.from({ length: random.int(1, 2) }, () => `${random.pick(agreements).id}:${random.pick(MENTION_CLAUSES)}`))]
      : [];

  return function makeFeature(index: number): { feature: FeatureRecord; steps: Step[] } {
    const kind = random.weighted(KIND_WEIGHTS);
    const number = index + 1;
    const id = `syn-${SHORT[kind]}-${String(number).padStart(6, '0')}`;
    const feature: FeatureRecord = {
      id,
      kind,
      name: nameOf(kind, number),
      provinces: [],
      relations: [],
      mentionedIn: [],
      note: `${SYNTHETIC_MARK}.`,
    };
    let at = borderAt(borderKm(random, hubs));
    // Things that belong to another feature stand beside it (as the real record draws them).
    const anchorKinds: Partial<Record<KindId, { kinds: KindId[]; type: FeatureRecord['relations'][number]['type'] }>> = {
      channel: { kinds: ['gate_pair'], type: 'channel_of' },
      special_road: { kinds: ['gate_pair'], type: 'road_of' },
      bridge: { kinds: ['gate_pair', 'opening'], type: 'bridge_at' },
      market: { kinds: ['opening'], type: 'part_of' },
      opening: { kinds: ['marker'], type: 'located_by' },
    };
    const anchorRule = anchorKinds[kind];
    const anchor = anchorRule && random.chance(0.7) ? nearby(anchorRule.kinds) : null;
    if (anchorRule && anchor) {
      at = anchor.at;
      feature.relations.push({ type: anchorRule.type, target: anchor.id });
    }
    const vn = vietnamProvince(at);
    const cn = chinaProvince(at);
    let steps: Step[] = [];

    if (kind === 'route') {
      const crossing = random.chance(0.6);
      const gate = crossing && random.chance(0.5) ? nearby(['gate_pair']) : null;
      if (gate) {
        at = gate.at;
        feature.relations.push({ type: 'crosses_at', target: gate.id });
      }
      const count = random.int(3, 6);
      const sideSign = random.chance(0.5) ? 1 : -1;
      // Waypoints from the border inland: one side only, or a few on each side of the crossing.
      const before = crossing ? random.int(1, count - 2) : 0;
      const leg = (sign: number, steps: number) => {
        const points: LonLat[] = [];
        let km = 0;
        let along = 0;
        for (let step = 0; step < steps; step += 1) {
          km += random.between(8, 30);
          along += random.between(-10, 10);
          points.push(beside(at, sign * km, along));
        }
        return points;
      };
      const borderPoint = beside(at, random.between(-0.5, 0.5));
      const line = crossing
        ? [...leg(-sideSign, before).reverse(), borderPoint, ...leg(sideSign, count - 1 - before)]
        : [borderPoint, ...leg(sideSign, count - 1)];
      feature.waypoints = line.map((point, waypoint) => ({
        name: { vi: `Điểm ${waypoint + 1} tuyến ${number}`, zh: null, en: `Stop ${waypoint + 1} of route ${number}` },
        location: locate(random, point, `stop ${waypoint + 1}`),
      }));
      feature.schematic = true;
      const mode = random.weighted(TRANSPORT);
      feature.route = { mode };
      if (random.chance(0.4)) feature.route.number = String(random.int(1, 99)).padStart(2, '0');
      if (random.chance(0.15)) feature.route.variant = random.pick(['Một là (thử nghiệm)', 'Hai là (thử nghiệm)']);
      feature.provinces = crossing ? [vn, cn] : [sideSign > 0 ? vn : cn];
      steps = makeSteps(random, id, kind, mode === 'rail' ? RAIL_LADDER : SHORT_LADDER);
    } else if (kind === 'pairing') {
      const pairingScale = random.weighted([
        ['province', 2],
        ['district', 3],
        ['commune', 5],
      ] as const);
      feature.pairingScale = pairingScale;
      const reach = pairingScale === 'province' ? 60 : pairingScale === 'district' ? 25 : 8;
      const sides = [
        { country: 'VN' as const, province: vn, sign: 1, label: { vi: '(phía Việt Nam)', en: '(Vietnamese side)' } },
        { country: 'CN' as const, province: cn, sign: -1, label: { vi: '(phía Trung Quốc)', en: '(Chinese side)' } },
      ];
      feature.sides = sides.map(
        (side): FeatureSide => ({ country: side.country, name: nameOf(kind, number, side.label), province: side.province, location: null }),
      );
      if (random.chance(0.05)) {
        feature.unlocated = `${SYNTHETIC_MARK}: no position, as for real pairings whose communes cannot be placed.`;
      } else {
        feature.waypoints = sides.map((side) => ({
          name: nameOf(kind, number, side.label),
          location: locate(random, beside(at, side.sign * random.between(reach / 3, reach), random.between(-10, 10)), 'town'),
        }));
        feature.schematic = true;
      }
      feature.provinces = [vn, cn];
      feature.mentionedIn = mentions(0.15);
      steps = makeSteps(random, id, kind, SHORT_LADDER);
    } else if (kind === 'marker') {
      feature.location = locate(random, beside(at, random.between(-0.3, 0.3)), 'marker');
      feature.provinces = [vn, cn];
      feature.mentionedIn = mentions(0.6);
    } else {
      // Crossings, bridges, zones: a point a little inside Vietnam (or on the line).
      const point = anchor ? beside(anchor.at, random.between(-1, 1), random.between(-3, 3)) : beside(at, random.between(-1, 3));
      feature.location = locate(random, point, NAMES[kind].en.toLowerCase());
      feature.provinces = [vn, cn];
      if (kind === 'gate_pair' || kind === 'channel' || kind === 'opening' || kind === 'special_road') {
        const located = kind === 'gate_pair';
        feature.sides = [
          {
            country: 'VN',
            name: nameOf(kind, number, { vi: '(phía Việt Nam)', en: '(Vietnamese side)' }),
            province: vn,
            location: located ? locate(random, beside(at, random.between(0.2, 1.5)), 'Vietnamese side') : null,
          },
          {
            country: 'CN',
            name: nameOf(kind, number, { vi: '(phía Trung Quốc)', en: '(Chinese side)' }),
            province: cn,
            location: located ? locate(random, beside(at, -random.between(0.2, 1.5)), 'Chinese side') : null,
          },
        ];
      }
      feature.mentionedIn = mentions(kind === 'gate_pair' || kind === 'zone' ? 0.25 : 0.1);
      steps = makeSteps(random, id, kind, FULL_LADDER);
    }
    const point = feature.location?.coordinates ?? feature.waypoints?.[0].location.coordinates;
    if (point) remember(kind, { id, at, point });
    if (!KIND_BY_ID[kind].hasStatus) steps = [];
    return { feature: inSchemaOrder(feature), steps };
  };
}

/** Dates come from the agreements, so the steps' agreements are distinct and in date order. */
function dateSteps(random: Random, steps: Step[], agreements: SyntheticAgreement[]): StatusEvent[] {
  const chosen = new Set<number>();
  while (chosen.size < steps.length) chosen.add(random.int(0, agreements.length - 1));
  const ordered = [...chosen].sort((a, b) => a - b).map((index) => agreements[index]);
  return steps.map(({ clausePath, sentences, ...step }, index) => {
    const agreement = ordered[index];
    const { featureId, status, level, subject, evidence, note } = step;
    const event: StatusEvent = {
      featureId,
      date: agreement.documentDate,
      status,
      level,
      ...(subject ? { subject } : {}),
      evidence,
      agreementId: agreement.id,
      clauseId: `${agreement.id}:${clausePath}`,
      quote: random.pick(sentences),
      ...(note ? { note } : {}),
    };
    return event;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing.

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A JSON array written a batch at a time (no string near V8's 512 MB limit), formatted exactly as
 * JSON.stringify(array, null, 2) would: each batch is stringified as an array and its brackets dropped.
 */
function createArrayWriter(path: string) {
  const fd = openSync(path, 'w');
  let batch: unknown[] = [];
  let first = true;
  const flush = () => {
    if (batch.length === 0) return;
    const text = JSON.stringify(batch, null, 2);
    writeSync(fd, `${first ? '[\n' : ',\n'}${text.slice(2, -2)}`);
    first = false;
    batch = [];
  };
  return {
    push(value: unknown) {
      batch.push(value);
      if (batch.length >= 500) flush();
    },
    close() {
      flush();
      writeSync(fd, first ? '[]\n' : '\n]\n');
      closeSync(fd);
    },
  };
}

/** Refuses to write over anything that is not a synthetic record this script made. */
function prepareFolder(dir: string) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    const readme = join(dir, 'README.md');
    if (!existsSync(readme) || !readFileSync(readme, 'utf8').includes(SYNTHETIC_MARK)) {
      throw new Error(`${dir} is not empty and is not a synthetic record: refusing to write into it`);
    }
  }
  mkdirSync(join(dir, 'clauses'), { recursive: true });
  mkdirSync(join(dir, 'status-events'), { recursive: true });
  mkdirSync(join(dir, '..', 'documents'), { recursive: true });
}

/**
 * Writes a synthetic record of `featureCount` features into `dir` (and its documents into
 * `dir/../documents`), ready for `loadRecord` and BORDER_ATLAS_RECORD_DIR. Same arguments, same bytes.
 */
export function writeSyntheticRecord(dir: string, featureCount: number, seed = 1): { dir: string; features: number; events: number } {
  if (!Number.isInteger(featureCount) || featureCount < 0) throw new Error(`featureCount must be a whole number ≥ 0, not ${featureCount}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, not ${seed}`);
  const recordDir = resolve(dir);
  prepareFolder(recordDir);
  const random = createRandom(seed);
  const agreements = makeAgreements(random);

  writeFileSync(
    join(recordDir, 'README.md'),
    `# ${SYNTHETIC_MARK}\n\nGenerated by \`npx tsx scripts/synthetic-record.ts ${featureCount} <dir> ${seed}\` for benchmarks.\n` +
      'Every agreement, clause, feature and step here is made up. Documents are in ../documents.\n',
  );
  copyFileSync(REAL_PROVINCES, join(recordDir, 'provinces.json'));
  writeFileSync(join(recordDir, 'agreements.json'), pretty(agreements));
  for (const agreement of agreements) {
    const clauses = makeClauses(agreement);
    writeFileSync(join(recordDir, 'clauses', `${agreement.id}.json`), pretty(clauses));
    writeFileSync(join(recordDir, '..', 'documents', agreement.sourceFile ?? ''), makeDocument(agreement, clauses));
  }

  // One file of steps per agreement, as the real record keeps one per source document.
  const eventWriters = new Map(agreements.map((a) => [a.id, createArrayWriter(join(recordDir, 'status-events', `${a.id}.json`))]));
  const featureWriter = createArrayWriter(join(recordDir, 'features.json'));
  const makeFeature = createFeatureMaker(random, agreements);
  let events = 0;
  for (let index = 0; index < featureCount; index += 1) {
    const { feature, steps } = makeFeature(index);
    featureWriter.push(feature);
    for (const event of dateSteps(random, steps, agreements)) {
      eventWriters.get(event.agreementId)?.push(event);
      events += 1;
    }
  }
  featureWriter.close();
  for (const writer of eventWriters.values()) writer.close();
  return { dir: recordDir, features: featureCount, events };
}

if (process.argv[1] === import.meta.filename) {
  const [countArgument, outDir, seedArgument] = process.argv.slice(2);
  const count = Number(countArgument);
  if (!outDir || !Number.isInteger(count) || count < 0) {
    console.error('Usage: npx tsx scripts/synthetic-record.ts <featureCount> <outDir> [seed]');
    process.exit(2);
  }
  const started = performance.now();
  const result = writeSyntheticRecord(outDir, count, seedArgument === undefined ? 1 : Number(seedArgument));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.features} features, ${result.events} status events → ${result.dir} (documents in ../documents) in ${seconds} s`);
}
