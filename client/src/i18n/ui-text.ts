import type { Language } from '../state/url-state';

/** Interface words, Vietnamese first. Vocabulary labels (statuses, kinds…) come from the shared module. */
const TEXT = {
  title: { vi: 'Bản đồ hợp tác biên giới phía Bắc', en: 'Northern border cooperation atlas', zh: '越南北部边境合作地图' },
  legend: { vi: 'Chú giải', en: 'Legend', zh: '图例' },
  symbols: { vi: 'Ký hiệu khác', en: 'Other symbols', zh: '其他符号' },
  status: { vi: 'Tình trạng', en: 'Status', zh: '状态' },
  level: { vi: 'Cấp', en: 'Level', zh: '级别' },
  kind: { vi: 'Loại', en: 'Kind', zh: '类别' },
  history: { vi: 'Diễn biến', en: 'History', zh: '进展' },
  noHistory: {
    vi: 'Văn bản chưa nêu bước tiến triển nào cho đối tượng này.',
    en: 'The documents record no step for this feature.',
    zh: '文件未记录该对象的任何进展。',
  },
  mentionedIn: { vi: 'Được nhắc đến tại', en: 'Mentioned in', zh: '提及于' },
  position: { vi: 'Vị trí', en: 'Position', zh: '位置' },
  source: { vi: 'Nguồn', en: 'Source', zh: '来源' },
  estimate: { vi: 'Ước lượng', en: 'Estimate', zh: '估算' },
  approximateWarning: {
    vi: 'Vị trí ước lượng, không phải điểm khảo sát.',
    en: 'Approximate position, not a surveyed point.',
    zh: '位置为估算，并非实测点。',
  },
  unlocated: {
    vi: 'Chưa xác định được vị trí; không vẽ trên bản đồ.',
    en: 'No position can be justified; not drawn on the map.',
    zh: '无法确定位置，未在地图上标出。',
  },
  sides: { vi: 'Hai bên', en: 'Both sides', zh: '双方' },
  related: { vi: 'Liên quan', en: 'Related', zh: '相关' },
  upgrade: { vi: 'Nâng cấp lên', en: 'Upgrade to', zh: '升格为' },
  currentLevel: { vi: 'cấp hiện tại', en: 'current level', zh: '现级别' },
  levelNotStated: { vi: 'chưa nêu cấp', en: 'level not stated', zh: '未说明级别' },
  close: { vi: 'Đóng', en: 'Close', zh: '关闭' },
  loading: { vi: 'Đang tải…', en: 'Loading…', zh: '加载中…' },
  approximate: { vi: 'Vị trí ước lượng (rỗng, có quầng)', en: 'Approximate position (hollow, with halo)', zh: '估算位置（空心并带光环）' },
  exact: { vi: 'Vị trí có nguồn (≤1 km)', en: 'Sourced position (≤1 km)', zh: '有来源位置（≤1公里）' },
  upgradeRing: { vi: 'Vòng ngoài: đang nâng cấp', en: 'Outer ring: upgrade under way', zh: '外圈：升格进行中' },
  schematic: {
    vi: 'Tuyến vẽ sơ đồ qua các điểm văn bản nêu, không theo đường thực tế',
    en: 'Lines are schematic: drawn through the places named, not along real roads',
    zh: '线路为示意：按文件所列地点连线，并非实际道路',
  },
  plannedRoute: { vi: 'Nét đứt: tuyến chưa hoạt động', en: 'Dashed: not yet operating', zh: '虚线：尚未运行' },
  pairing: { vi: 'Kết nghĩa, hợp tác giữa địa phương', en: 'Pairing between localities', zh: '地方友好结对' },
  onMap: { vi: 'trên bản đồ', en: 'on the map', zh: '个在地图上' },
  notLocated: { vi: 'chưa định vị', en: 'not located', zh: '个未定位' },
  marker: { vi: 'Mốc biên giới', en: 'Boundary marker', zh: '界碑' },
  clause: { vi: 'Điều khoản', en: 'Clause', zh: '条款' },
  features: { vi: 'đối tượng', en: 'features', zh: '个对象' },
  selectHint: {
    vi: 'Chọn một cửa khẩu trên bản đồ để xem diễn biến và điều khoản làm căn cứ.',
    en: 'Select a gate on the map to see its history and the clauses behind it.',
    zh: '在地图上选择口岸，查看其进展及所依据的条款。',
  },
  loadError: { vi: 'Không tải được dữ liệu', en: 'Could not load data', zh: '数据加载失败' },
  filters: { vi: 'Bộ lọc', en: 'Filters', zh: '筛选' },
  search: { vi: 'Tìm kiếm', en: 'Search', zh: '搜索' },
  searchPlaceholder: { vi: 'Tìm cửa khẩu, văn bản, điều khoản…', en: 'Find a gate, agreement, clause…', zh: '搜索口岸、文件、条款…' },
  hit_feature: { vi: 'Đối tượng', en: 'Feature', zh: '对象' },
  hit_agreement: { vi: 'Văn bản', en: 'Agreement', zh: '文件' },
  hit_clause: { vi: 'Điều khoản', en: 'Clause', zh: '条款' },
  read: { vi: 'Đọc văn bản', en: 'Read the document', zh: '阅读文件' },
  textNotHeld: { vi: 'Văn bản được dẫn chiếu, không lưu toàn văn', en: 'Referenced; text not held', zh: '仅被引用，未存全文' },
  clauseFeatures: { vi: 'Đối tượng được nêu', en: 'Features named', zh: '所涉对象' },
  showOnMap: { vi: 'Xem trên bản đồ', en: 'Show on map', zh: '在地图上显示' },
  period: { vi: 'Thời hạn', en: 'Period', zh: '期限' },
  parties: { vi: 'Các bên', en: 'Parties', zh: '各方' },
  openClause: { vi: 'Mở điều khoản trong văn bản', en: 'Open the clause in its document', zh: '在文件中打开条款' },
  draft: { vi: 'dự thảo', en: 'draft', zh: '草案' },
  clearFilters: { vi: 'Bỏ lọc', en: 'Clear filters', zh: '清除筛选' },
  agreements: { vi: 'Văn bản', en: 'Agreements', zh: '文件' },
  provinces: { vi: 'Tỉnh', en: 'Province', zh: '省份' },
  asOf: { vi: 'Tính đến ngày', en: 'As of', zh: '截至' },
  latest: { vi: 'Mới nhất', en: 'Latest', zh: '最新' },
  play: { vi: 'Phát', en: 'Play', zh: '播放' },
  pause: { vi: 'Dừng', en: 'Pause', zh: '暂停' },
  results: { vi: 'Kết quả', en: 'Results', zh: '结果' },
  noResults: { vi: 'Không có đối tượng nào khớp bộ lọc.', en: 'No feature matches the filters.', zh: '没有符合筛选条件的对象。' },
  changes: { vi: 'Thay đổi giữa hai ngày', en: 'What changed between two dates', zh: '两个日期之间的变化' },
  from: { vi: 'Từ', en: 'From', zh: '从' },
  to: { vi: 'Đến', en: 'To', zh: '到' },
  noChanges: { vi: 'Không có thay đổi.', en: 'No change.', zh: '无变化。' },
  notOnMap: { vi: 'không có trên bản đồ', en: 'not on the map', zh: '不在地图上' },
} as const;

export type TextKey = keyof typeof TEXT;
export const text = (key: TextKey, language: Language): string => TEXT[key][language];

/** Dates as planners write them: 22/02/2023 (vi), 2023-02-22 (en, zh). */
export function formatDate(isoDate: string, language: Language): string {
  if (language !== 'vi') return isoDate;
  const [year, month, day] = isoDate.split('-');
  return day ? `${day}/${month}/${year}` : month ? `${month}/${year}` : year;
}
