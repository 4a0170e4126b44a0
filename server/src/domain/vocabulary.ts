/**
 * The one place for the product's shared vocabulary: status steps, feature kinds, levels and
 * position precisions, with their order, colours and labels (vi first, then en, zh). The server,
 * the map style and the legend all import from here.
 */

export type Labels = { vi: string; en: string; zh: string };

/** Steps a gate, road, bridge or zone moves through, in order. `unknown` = no step recorded. */
export const STATUS_IDS = ['unknown', 'proposed', 'agreed', 'under_construction', 'built', 'accepted', 'announced', 'operating'] as const;
export type StatusId = (typeof STATUS_IDS)[number];

export type StatusDefinition = {
  id: StatusId;
  order: number;
  operating: boolean;
  /** Fill colour on the map and in the legend. Colour-blind-safe ramp: grey → purple → blue → green. */
  color: string;
  label: Labels;
  description: Labels;
};

export const STATUSES: readonly StatusDefinition[] = [
  {
    id: 'unknown',
    order: 0,
    operating: false,
    color: '#9aa0a6',
    label: { vi: 'Chưa rõ', en: 'Unknown', zh: '不详' },
    description: {
      vi: 'Văn bản không nêu tình trạng',
      en: 'The documents do not state a status',
      zh: '文件未说明状态',
    },
  },
  {
    id: 'proposed',
    order: 1,
    operating: false,
    color: '#c2a5cf',
    label: { vi: 'Đề xuất', en: 'Proposed', zh: '提议' },
    description: {
      vi: 'Được đề xuất hoặc kiến nghị lên cấp có thẩm quyền',
      en: 'Proposed, or recommended to the competent authorities',
      zh: '提出或向有关主管部门建议',
    },
  },
  {
    id: 'agreed',
    order: 2,
    operating: false,
    color: '#9970ab',
    label: { vi: 'Hai bên thống nhất', en: 'Agreed', zh: '双方商定' },
    description: {
      vi: 'Hai bên thống nhất cùng thúc đẩy',
      en: 'Both sides agreed to pursue it',
      zh: '双方一致同意共同推动',
    },
  },
  {
    id: 'under_construction',
    order: 3,
    operating: false,
    color: '#f1a340',
    label: { vi: 'Đang xây dựng', en: 'Under construction', zh: '建设中' },
    description: {
      vi: 'Đang xây dựng, hoàn thiện cơ sở hạ tầng',
      en: 'Infrastructure being built or completed',
      zh: '基础设施正在建设或完善',
    },
  },
  {
    id: 'built',
    order: 4,
    operating: false,
    color: '#e08214',
    label: { vi: 'Đã xây xong, chờ nghiệm thu', en: 'Built, awaiting acceptance', zh: '已建成，待验收' },
    description: {
      vi: 'Hạ tầng đã xong, đang kiểm tra nghiệm thu hoặc hoàn thiện thủ tục',
      en: 'Infrastructure in place; acceptance inspection or procedures under way',
      zh: '基础设施已建成，正在验收或办理手续',
    },
  },
  {
    id: 'accepted',
    order: 5,
    operating: false,
    color: '#92c5de',
    label: { vi: 'Đã nghiệm thu', en: 'Accepted', zh: '已验收' },
    description: {
      vi: 'Đã hoàn thành nghiệm thu trong nước',
      en: 'Domestic acceptance completed',
      zh: '已完成国内验收',
    },
  },
  {
    id: 'announced',
    order: 6,
    operating: false,
    color: '#4393c3',
    label: { vi: 'Đã công bố mở', en: 'Opening announced', zh: '已宣布开放' },
    description: {
      vi: 'Đã tổ chức lễ công bố mở hoặc nâng cấp',
      en: 'Opening or upgrade ceremony held',
      zh: '已举行开放或升格仪式',
    },
  },
  {
    id: 'operating',
    order: 7,
    operating: true,
    color: '#1b7837',
    label: { vi: 'Đang hoạt động', en: 'Operating', zh: '运行中' },
    description: {
      vi: 'Đang hoạt động',
      en: 'In operation',
      zh: '正在运行',
    },
  },
];

/** What a feature is. A gate's level can change over time; its kind does not. */
export const KIND_IDS = [
  'gate_pair',
  'channel',
  'opening',
  'market',
  'special_road',
  'marker',
  'route',
  'pairing',
  'cooperation',
  'zone',
  'bridge',
  'programme',
] as const;
export type KindId = (typeof KIND_IDS)[number];

export type KindDefinition = { id: KindId; label: Labels; hasStatus: boolean };

export const KINDS: readonly KindDefinition[] = [
  { id: 'gate_pair', hasStatus: true, label: { vi: 'Cặp cửa khẩu', en: 'Border gate pair', zh: '口岸' } },
  { id: 'channel', hasStatus: true, label: { vi: 'Lối thông quan', en: 'Clearance channel', zh: '通道' } },
  { id: 'opening', hasStatus: true, label: { vi: 'Lối mở', en: 'Border opening', zh: '边境便道' } },
  { id: 'market', hasStatus: true, label: { vi: 'Chợ biên giới', en: 'Border market', zh: '边民互市点' } },
  {
    id: 'special_road',
    hasStatus: true,
    label: { vi: 'Đường chuyên dụng vận chuyển hàng hóa', en: 'Dedicated freight road', zh: '货运专用通道' },
  },
  { id: 'marker', hasStatus: false, label: { vi: 'Mốc biên giới', en: 'Boundary marker', zh: '界碑' } },
  { id: 'route', hasStatus: true, label: { vi: 'Tuyến', en: 'Route', zh: '线路' } },
  { id: 'pairing', hasStatus: true, label: { vi: 'Kết nghĩa', en: 'Pairing', zh: '友好结对' } },
  /**
   * A standing cooperation between provinces (Spring meeting and Joint Working Committee, annual
   * conference, cooperation plan): the documents never call these "kết nghĩa" (audit D15).
   */
  { id: 'cooperation', hasStatus: true, label: { vi: 'Cơ chế hợp tác', en: 'Cooperation mechanism', zh: '合作机制' } },
  { id: 'zone', hasStatus: true, label: { vi: 'Khu hợp tác', en: 'Cooperation zone', zh: '合作区' } },
  { id: 'bridge', hasStatus: true, label: { vi: 'Cầu biên giới', en: 'Border bridge', zh: '界河桥' } },
  /**
   * A commitment the documents make for the border region without naming a place (a pilot smart gate, cross-border
   * industrial parks, modern agricultural zones): listed, filtered, counted and exported, never drawn (audit-2 B-D3–D5).
   */
  {
    id: 'programme',
    hasStatus: true,
    label: { vi: 'Cam kết chung (không nêu địa điểm)', en: 'Regional commitment (no place named)', zh: '区域性承诺（未指明地点）' },
  },
];

/** Legal level of a crossing, lowest to highest rank. */
export const LEVEL_IDS = ['special_road', 'market', 'opening', 'channel', 'bilateral', 'international'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export type LevelDefinition = { id: LevelId; rank: number; label: Labels };

export const LEVELS: readonly LevelDefinition[] = [
  {
    id: 'special_road',
    rank: 0,
    label: { vi: 'Đường chuyên dụng', en: 'Dedicated road', zh: '专用通道' },
  },
  { id: 'market', rank: 1, label: { vi: 'Chợ biên giới', en: 'Border market', zh: '边民互市点' } },
  { id: 'opening', rank: 2, label: { vi: 'Lối mở', en: 'Opening', zh: '边境便道' } },
  { id: 'channel', rank: 3, label: { vi: 'Lối thông quan', en: 'Clearance channel', zh: '通道' } },
  { id: 'bilateral', rank: 4, label: { vi: 'Song phương', en: 'Bilateral', zh: '双边口岸' } },
  { id: 'international', rank: 5, label: { vi: 'Quốc tế', en: 'International', zh: '国际口岸' } },
];

/** How far a position can be trusted. */
export const PRECISION_IDS = ['exact', '1km', '5km', 'approximate'] as const;
export type PrecisionId = (typeof PRECISION_IDS)[number];

export type PrecisionDefinition = { id: PrecisionId; approximate: boolean; label: Labels };

export const PRECISIONS: readonly PrecisionDefinition[] = [
  { id: 'exact', approximate: false, label: { vi: 'Chính xác', en: 'Exact', zh: '精确' } },
  { id: '1km', approximate: false, label: { vi: 'Sai số ≈1 km', en: 'Within ≈1 km', zh: '误差约1公里' } },
  { id: '5km', approximate: true, label: { vi: 'Sai số ≈5 km', en: 'Within ≈5 km', zh: '误差约5公里' } },
  {
    id: 'approximate',
    approximate: true,
    label: { vi: 'Vị trí ước lượng', en: 'Approximate', zh: '大致位置' },
  },
];

export const EVIDENCE_IDS = ['stated', 'implied'] as const;
export type EvidenceId = (typeof EVIDENCE_IDS)[number];

export const EVIDENCE_LABELS: Record<EvidenceId, Labels> = {
  stated: { vi: 'Văn bản nêu rõ', en: 'Stated in the text', zh: '文中明确' },
  implied: {
    vi: 'Suy ra từ cách văn bản gọi tên',
    en: 'Implied by how the text describes it',
    zh: '由文中表述推断',
  },
};

/**
 * What can move on a commitment between two of its steps at the same stage (a step's `progress`): to whom it is
 * addressed, its deadline, its scope. Their labels are the interface's (client/src/i18n/ui-text.ts).
 */
export const PROGRESS_MOVE_IDS = ['addressee', 'deadline', 'scope'] as const;

const byId = <T extends { id: string }>(list: readonly T[]) =>
  Object.fromEntries(list.map((item) => [item.id, item])) as Record<T['id'], T>;

export const STATUS_BY_ID = byId(STATUSES);
export const KIND_BY_ID = byId(KINDS);
export const LEVEL_BY_ID = byId(LEVELS);
export const PRECISION_BY_ID = byId(PRECISIONS);

/** Route modes: colour on the map and labels. Lines are dashed until the route operates. */
export const TRANSPORT_MODES = [
  { id: 'passenger', color: '#1f5fa8', label: { vi: 'Tuyến khách', en: 'Passenger route', zh: '客运线路' } },
  { id: 'bus', color: '#1f5fa8', label: { vi: 'Xe khách', en: 'Bus', zh: '客车' } },
  { id: 'freight', color: '#a0522d', label: { vi: 'Tuyến hàng hóa', en: 'Freight route', zh: '货运线路' } },
  { id: 'rail', color: '#3a3a3a', label: { vi: 'Đường sắt', en: 'Railway', zh: '铁路' } },
  { id: 'air', color: '#7b3fa0', label: { vi: 'Đường bay', en: 'Air route', zh: '航线' } },
  { id: 'tourism', color: '#2e8b57', label: { vi: 'Du lịch', en: 'Tourism', zh: '旅游' } },
  { id: 'ambulance', color: '#c0392b', label: { vi: 'Cấp cứu', en: 'Ambulance', zh: '急救' } },
] as const;

/** Kinds of document (agreementSchema.kind), with their labels (an editor picks one when importing). */
export const AGREEMENT_KIND_IDS = [
  'submission',
  'letter',
  'memorandum',
  'minutes',
  'joint_communique',
  'cooperation_plan',
  'note_verbale',
  'treaty',
  'protocol',
  'agreement',
] as const;
export type AgreementKindId = (typeof AGREEMENT_KIND_IDS)[number];

export const AGREEMENT_KIND_LABELS: Record<AgreementKindId, Labels> = {
  minutes: { vi: 'Biên bản', en: 'Minutes', zh: '会议纪要' },
  joint_communique: { vi: 'Thông cáo chung', en: 'Joint communiqué', zh: '联合公报' },
  memorandum: { vi: 'Biên bản ghi nhớ', en: 'Memorandum', zh: '备忘录' },
  cooperation_plan: { vi: 'Kế hoạch hợp tác', en: 'Cooperation plan', zh: '合作计划' },
  agreement: { vi: 'Hiệp định / Thỏa thuận', en: 'Agreement', zh: '协定' },
  protocol: { vi: 'Nghị định thư', en: 'Protocol', zh: '议定书' },
  treaty: { vi: 'Hiệp ước', en: 'Treaty', zh: '条约' },
  note_verbale: { vi: 'Công hàm', en: 'Note verbale', zh: '照会' },
  letter: { vi: 'Công văn', en: 'Letter', zh: '公函' },
  submission: { vi: 'Tờ trình', en: 'Submission', zh: '呈文' },
};
