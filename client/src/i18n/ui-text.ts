// A relative path, not @domain: vite.config.ts loads this table (the page's static shell) before aliases apply.
import { formatDate } from '../../../server/src/domain/date-text';
import type { EmptyReason } from '../filters/empty-reason';
import type { Language } from './language';

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
  routeDirection: {
    vi: 'Chiều tuyến theo thứ tự văn bản nêu',
    en: 'Direction, in the order the documents list the places',
    zh: '方向（按文件所列地点顺序）',
  },
  sidesLinked: { vi: 'Hai bên của cặp cửa khẩu (khi phóng to)', en: 'The two sides of a pair (zoomed in)', zh: '口岸双方（放大时）' },
  zoneArea: {
    vi: 'Khu hợp tác: vùng vẽ quy ước (văn bản không nêu ranh giới)',
    en: 'Cooperation zone: area drawn by convention (no extent in the documents)',
    zh: '合作区：示意范围（文件未说明边界）',
  },
  routeWaypoints: { vi: 'Lộ trình', en: 'Itinerary', zh: '线路' },
  pairingEnds: { vi: 'Hai đầu', en: 'The two ends', zh: '两端' },
  routeNumber: { vi: 'Tuyến số', en: 'Route', zh: '线路编号' },
  showDirection: { vi: 'Chạy hướng đi', en: 'Show direction', zh: '显示方向' },
  stopDirection: { vi: 'Dừng chuyển động', en: 'Stop motion', zh: '停止动画' },
  compareWith: { vi: 'So sánh với', en: 'Compare with', zh: '对比' },
  length: { vi: 'Độ dài', en: 'Length', zh: '长度' },
  crossing: { vi: 'Qua cửa khẩu', en: 'Crossing', zh: '经过口岸' },
  briefings: { vi: 'Trình bày', en: 'Briefings', zh: '汇报' },
  steps: { vi: 'bước', en: 'steps', zh: '步' },
  previousStep: { vi: 'Trước', en: 'Previous', zh: '上一步' },
  nextStep: { vi: 'Tiếp', en: 'Next', zh: '下一步' },
  present: { vi: 'Toàn màn hình', en: 'Present', zh: '全屏演示' },
  exitPresentation: { vi: 'Thoát trình chiếu', en: 'Exit presentation', zh: '退出演示' },
  emptyBriefing: { vi: 'Chưa có bước nào.', en: 'No steps yet.', zh: '尚无步骤。' },
  moveUp: { vi: 'Lên', en: 'Move up', zh: '上移' },
  moveDown: { vi: 'Xuống', en: 'Move down', zh: '下移' },
  rename: { vi: 'Đổi tên bước', en: 'Rename step', zh: '重命名' },
  deleteStep: { vi: 'Xóa bước', en: 'Delete step', zh: '删除步骤' },
  stepTitle: { vi: 'Tiêu đề bước', en: 'Step title', zh: '步骤标题' },
  stepText: { vi: 'Nội dung ngắn', en: 'Short text', zh: '简短说明' },
  saveScreenAsStep: { vi: 'Lưu màn hình hiện tại thành bước', en: 'Save the current screen as a step', zh: '将当前画面保存为步骤' },
  exportJson: { vi: 'Xuất JSON', en: 'Export JSON', zh: '导出JSON' },
  importJson: { vi: 'Nhập JSON', en: 'Import JSON', zh: '导入JSON' },
  newBriefing: { vi: 'Tên buổi trình bày mới', en: 'New briefing title', zh: '新汇报标题' },
  deleteBriefing: { vi: 'xóa', en: 'delete', zh: '删除' },
  confirmDelete: { vi: 'Xóa buổi trình bày này?', en: 'Delete this briefing?', zh: '删除此汇报？' },
  briefingsEditorsOnly: {
    vi: 'Biên tập viên đăng nhập để tạo, sửa và xóa buổi trình bày.',
    en: 'Editors sign in to create, edit and delete briefings.',
    zh: '编辑登录后可创建、修改和删除汇报。',
  },
  edit: { vi: 'Sửa', en: 'Edit', zh: '编辑' },
  exportPng: { vi: 'Xuất ảnh PNG', en: 'Export PNG', zh: '导出PNG' },
  exportSize: { vi: 'Kích thước ảnh', en: 'Image size', zh: '图片尺寸' },
  plannedRoute: { vi: 'Nét đứt: tuyến chưa hoạt động', en: 'Dashed: not yet operating', zh: '虚线：尚未运行' },
  pairing: { vi: 'Kết nghĩa (xã, huyện)', en: 'Pairing (communes, districts)', zh: '友好结对（乡、县）' },
  cooperation: { vi: 'Cơ chế hợp tác (cấp tỉnh)', en: 'Cooperation mechanism (provinces)', zh: '合作机制（省级）' },
  positionsDisagree: { vi: 'Các nguồn lệch nhau về vị trí', en: 'Sources disagree on the position', zh: '来源位置不一致' },
  alsoReported: { vi: 'Nguồn khác đặt ở vị trí khác', en: 'Other sources place it elsewhere', zh: '其他来源所标位置' },
  zhInferred: { vi: '(suy đoán)', en: '(inferred)', zh: '（推断）' },
  dateUnreadable: { vi: 'Không đọc được ngày. Ví dụ:', en: 'Not a date we can read. For example:', zh: '无法识别的日期。例如：' },
  dateOutOfRange: { vi: 'Ngày nằm ngoài khoảng', en: 'Date outside', zh: '日期超出范围' },
  mapLabel: { vi: 'Bản đồ', en: 'Map', zh: '地图' },
  pickDate: { vi: 'Chọn ngày trên lịch', en: 'Pick a date on a calendar', zh: '在日历上选择日期' },
  translatedMark: { vi: '(bản dịch)', en: '(translation)', zh: '（译文）' },
  translatedWhy: {
    vi: 'Bản dịch do nhóm biên soạn thực hiện với hỗ trợ của máy, không phải lời văn của nguồn.',
    en: "Translated by the record's editors with machine assistance; not the source's own words.",
    zh: '由记录编辑借助机器翻译，并非来源原文。',
  },
  zhInferredWhy: {
    vi: 'Tên tiếng Trung này là cách đọc của chúng tôi, không tìm thấy trong nguồn',
    en: 'This Chinese name is our reading, not found in a source',
    zh: '此中文名称为推断所得，来源中未见',
  },
  basis: { vi: 'Căn cứ', en: 'Basis', zh: '依据' },
  citedIn: { vi: 'dẫn tại', en: 'cited in', zh: '引用于' },
  citedAbout: { vi: 'Được dẫn chiếu về', en: 'Cited about', zh: '被引用所涉对象' },
  datesSource: { vi: 'Ngày tháng theo nguồn ngoài văn bản', en: 'Dates from a source outside the documents', zh: '日期来源（文件以外）' },
  onMap: { vi: 'trên bản đồ', en: 'on the map', zh: '个在地图上' },
  notLocated: { vi: 'chưa định vị', en: 'not located', zh: '个未定位' },
  recordedBy: { vi: 'Ghi nhận bởi', en: 'Recorded by', zh: '记录人' },
  mapThinned: {
    vi: 'Ở tỉ lệ này bản đồ chỉ vẽ đối tượng quan trọng nhất mỗi khu vực — phóng to để thấy tất cả; danh sách và số liệu vẫn tính đủ.',
    en: 'At this scale the map draws only the most important feature in each area — zoom in to see them all; the lists and counts include every one.',
    zh: '在此比例尺下，地图每个区域只绘制最重要的对象——放大可查看全部；列表和统计包含所有对象。',
  },
  marker: { vi: 'Mốc biên giới', en: 'Boundary marker', zh: '界碑' },
  clause: { vi: 'Điều khoản', en: 'Clause', zh: '条款' },
  features: { vi: 'đối tượng', en: 'features', zh: '个对象' },
  selectHint: {
    vi: 'Chọn một cửa khẩu trên bản đồ để xem diễn biến và điều khoản làm căn cứ.',
    en: 'Select a gate on the map to see its history and the clauses behind it.',
    zh: '在地图上选择口岸，查看其进展及所依据的条款。',
  },
  loadError: { vi: 'Không tải được dữ liệu', en: 'Could not load data', zh: '数据加载失败' },
  basemapName: { vi: 'Bản đồ nền', en: 'Basemap', zh: '底图' },
  ownBasemapFailed: {
    vi: 'Không tải được bản đồ nền đã cấu hình; đang hiển thị bản đồ nền có sẵn.',
    en: 'The configured basemap could not be loaded; showing the built-in basemap.',
    zh: '无法加载所配置的底图，现显示内置底图。',
  },
  filters: { vi: 'Bộ lọc', en: 'Filters', zh: '筛选' },
  progress: { vi: 'Tiến độ cửa khẩu', en: 'Gate progress', zh: '口岸进展' },
  byProvince: { vi: 'Theo tỉnh', en: 'By province', zh: '按省份' },
  byAgreement: { vi: 'Theo văn bản', en: 'By agreement', zh: '按文件' },
  stalledCount: {
    vi: 'Cam kết đình trệ (hơn 2 năm không tiến triển)',
    en: 'Stalled commitments (no progress for over 2 years)',
    zh: '停滞的承诺（两年以上无进展）',
  },
  stalledOnly: { vi: 'Chỉ cam kết đình trệ', en: 'Stalled commitments only', zh: '仅停滞的承诺' },
  overdueOnly: { vi: 'Chỉ cam kết quá hạn', en: 'Overdue commitments only', zh: '仅逾期的承诺' },
  notOverdueOnly: { vi: 'Không có cam kết quá hạn', en: 'No overdue commitment', zh: '无逾期的承诺' },
  overdueCount: {
    vi: 'Cam kết quá hạn (mốc thời gian đã qua, chưa có văn bản báo đạt)',
    en: 'Overdue commitments (deadline passed, no document reports it met)',
    zh: '逾期的承诺（期限已过，尚无文件报告达成）',
  },
  overdue: { vi: 'Quá hạn', en: 'Overdue', zh: '逾期' },
  overdueLegend: {
    vi: 'Quá hạn: mốc thời gian văn bản đặt ra đã qua, chưa văn bản nào báo đã đạt',
    en: 'Overdue: a deadline a document set has passed, and no document reports it met',
    zh: '逾期：文件设定的期限已过，尚无文件报告达成',
  },
  target: { vi: 'Mục tiêu', en: 'Target', zh: '目标' },
  progressTimeline: { vi: 'Dòng thời gian tiến độ', en: 'Progress timeline', zh: '进展时间线' },
  progressTimelineHelp: {
    vi: 'Mỗi dòng một đối tượng: màu là tình trạng giữa các văn bản, vạch là văn bản nhắc lại, hình thoi là mốc thời gian (đỏ: quá hạn). Bấm một đoạn để mở điều khoản.',
    en: 'A row per feature: colours are its status between documents, ticks the documents restating it, diamonds its deadlines (red: overdue). Click a span to open its clause.',
    zh: '每行一个对象：颜色为各文件之间的状态，短线为重申的文件，菱形为期限（红色：逾期）。点击色段打开条款。',
  },
  downloadSvg: { vi: 'Tải SVG', en: 'Download SVG', zh: '下载SVG' },
  downloadPng: { vi: 'Tải PNG', en: 'Download PNG', zh: '下载PNG' },
  provinceReports: { vi: 'Báo cáo in theo tỉnh', en: 'Printable report by province', zh: '按省可打印报告' },
  openTimeline: { vi: 'Xem dòng thời gian tiến độ', en: 'Open the progress timeline', zh: '查看进展时间线' },
  importTarget: { vi: 'Ghi kèm hạn văn bản đặt ra', en: 'Record the deadline the text sets', zh: '一并记录文件设定的期限' },
  targetBy: { vi: 'hạn', en: 'by', zh: '期限' },
  targetState_met: { vi: 'đã đạt', en: 'met', zh: '已达成' },
  targetState_upcoming: { vi: 'chưa đến hạn', en: 'not yet due', zh: '未到期' },
  targetState_dueThisYear: { vi: 'đến hạn trong năm nay', en: 'due this year', zh: '今年到期' },
  targetState_overdue: { vi: 'quá hạn', en: 'overdue', zh: '逾期' },
  daysLate: { vi: 'ngày trễ', en: 'days late', zh: '天' },
  targetMoved: { vi: 'đã lùi hạn so với lần trước', en: 'moved later than before', zh: '较前次推迟' },
  targetEarlier: { vi: 'Hạn đã nêu trước đó', en: 'Earlier deadlines', zh: '此前的期限' },
  notStalledOnly: { vi: 'Không có cam kết đình trệ', en: 'No stalled commitment', zh: '无停滞的承诺' },
  commitments: { vi: 'Cam kết', en: 'Commitments', zh: '承诺' },
  firstMade: { vi: 'Lần đầu', en: 'First made', zh: '首次提出' },
  restated: { vi: 'Nhắc lại', en: 'Restated', zh: '再次提及' },
  achieved: { vi: 'Đã đạt', en: 'Achieved', zh: '已实现' },
  stalled: { vi: 'Đình trệ', en: 'Stalled', zh: '停滞' },
  stepProgress: { vi: 'Tiến triển', en: 'Progress', zh: '新进展' },
  stepProgressWhy: {
    vi: 'Vẫn ở cùng giai đoạn, nhưng có điều đã thay đổi so với bước trước: không tính là nhắc lại',
    en: 'At the same stage, but something moved since the step before: not counted as a restatement',
    zh: '仍处于同一阶段，但较上一步有所推进：不算作再次提及',
  },
  stepProgress_addressee: { vi: 'Nơi nhận', en: 'Addressee', zh: '提交对象' },
  stepProgress_deadline: { vi: 'Thời hạn', en: 'Deadline', zh: '时限' },
  stepProgress_scope: { vi: 'Phạm vi', en: 'Scope', zh: '范围' },
  stalledWhy: {
    vi: 'Nhắc lại ở cùng giai đoạn sau hơn hai năm',
    en: 'Restated at the same stage after more than two years',
    zh: '两年多后仍在同一阶段被再次提及',
  },
  search: { vi: 'Tìm kiếm', en: 'Search', zh: '搜索' },
  searchPlaceholder: { vi: 'Tìm cửa khẩu, văn bản, điều khoản…', en: 'Find a gate, agreement, clause…', zh: '搜索口岸、文件、条款…' },
  hit_province: { vi: 'Tỉnh (lọc theo tỉnh)', en: 'Province (filter by it)', zh: '省份（按省筛选）' },
  hit_feature: { vi: 'Đối tượng', en: 'Feature', zh: '对象' },
  searchNothing: { vi: 'Không tìm thấy', en: 'Nothing found for', zh: '未找到' },
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
  referencedDocuments: {
    vi: 'Văn bản được dẫn chiếu (không lưu toàn văn)',
    en: 'Referenced documents (text not held)',
    zh: '引用文件（未收录全文）',
  },
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
  showMore: { vi: 'Hiện thêm', en: 'Show more', zh: '显示更多' },
  listCapped: {
    vi: 'thu hẹp bằng bộ lọc để xem phần còn lại',
    en: 'narrow with the filters to see the rest',
    zh: '请用筛选缩小范围以查看其余',
  },
  downloadData: { vi: 'Tải dữ liệu', en: 'Download data', zh: '下载数据' },
  historyCsv: { vi: 'Diễn biến (CSV)', en: 'Status history (CSV)', zh: '进展记录（CSV）' },
  downloadDataHint: {
    vi: 'Các đối tượng đang hiển thị, theo ngày và bộ lọc đã chọn; tên tiếng Việt, Anh, Trung.',
    en: 'The features shown, for the chosen date and filters; names in Vietnamese, English and Chinese.',
    zh: '当前显示的对象，按所选日期和筛选条件；含越、英、中文名称。',
  },
  allFeatures: { vi: 'Tất cả đối tượng', en: 'All features', zh: '全部对象' },
  exportPdf: { vi: 'Tải gói PDF', en: 'PDF pack', zh: '导出PDF' },
  packSubtitle: { vi: 'Gói tài liệu thuyết trình', en: 'Briefing pack', zh: '汇报材料' },
  exportedOn: { vi: 'Ngày xuất', en: 'Exported on', zh: '导出日期' },
  citedClauses: { vi: 'Điều khoản được trích dẫn', en: 'Clauses cited', zh: '引用条款' },
  noCitations: {
    vi: 'Không có điều khoản nào cho các đối tượng của bước này.',
    en: 'No clause stands behind the features of this step.',
    zh: '本步骤的对象没有引用条款。',
  },
  continued: { vi: 'tiếp theo', en: 'continued', zh: '续' },
  page: { vi: 'Trang', en: 'Page', zh: '页' },
  step: { vi: 'Bước', en: 'Step', zh: '步骤' },
  stepsHeading: { vi: 'Các bước', en: 'Steps', zh: '步骤' },
  stepCount: { vi: 'Số bước', en: 'Number of steps', zh: '步骤数' },
  selected: { vi: 'Đối tượng được chọn', en: 'Selected', zh: '选中对象' },
  packFooter: {
    vi: 'Border Atlas · trích nguyên văn từ các văn bản; vị trí ước lượng được ghi rõ trên bản đồ',
    en: 'Border Atlas · clauses quoted verbatim from the documents; approximate positions are marked on the map',
    zh: 'Border Atlas · 条款原文引自文件；估算位置已在地图上标明',
  },
  signIn: { vi: 'Đăng nhập biên tập', en: 'Editor sign-in', zh: '编辑登录' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out', zh: '退出' },
  username: { vi: 'Tên đăng nhập', en: 'Username', zh: '用户名' },
  password: { vi: 'Mật khẩu', en: 'Password', zh: '密码' },
  signedInAs: { vi: 'Biên tập viên', en: 'Editor', zh: '编辑' },
  cancel: { vi: 'Hủy', en: 'Cancel', zh: '取消' },
  recordStep: { vi: 'Ghi nhận bước tình trạng mới', en: 'Record a new status step', zh: '记录新的状态进展' },
  stepDate: { vi: 'Ngày của văn bản', en: 'Date of the document', zh: '文件日期' },
  evidence: { vi: 'Căn cứ', en: 'Evidence', zh: '依据' },
  agreement: { vi: 'Văn bản', en: 'Agreement', zh: '文件' },
  quote: { vi: 'Trích nguyên văn', en: 'Verbatim quote', zh: '原文引用' },
  stepNote: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)', zh: '备注（可选）' },
  choose: { vi: '— chọn —', en: '— choose —', zh: '— 请选择 —' },
  quoteFound: { vi: 'Có nguyên văn trong điều khoản', en: 'Found word for word in the clause', zh: '条款中有此原文' },
  quoteNotFound: {
    vi: 'Không có nguyên văn trong điều khoản: chép đúng từng chữ',
    en: 'Not found in the clause: copy its words exactly',
    zh: '条款中无此原文：请逐字照录',
  },
  required: { vi: 'Bắt buộc', en: 'Required', zh: '必填' },
  save: { vi: 'Lưu', en: 'Save', zh: '保存' },
  saving: { vi: 'Đang lưu…', en: 'Saving…', zh: '保存中…' },
  stepSaved: { vi: 'Đã lưu bước mới.', en: 'The new step is saved.', zh: '新进展已保存。' },
  conflict: {
    vi: 'Đối tượng vừa được người khác thay đổi. Xem các bước hiện có bên dưới; nội dung bạn nhập vẫn được giữ — kiểm tra rồi lưu lại.',
    en: 'Someone changed this feature meanwhile. Its current steps are below; your input is kept — check it and save again.',
    zh: '该对象刚被他人修改。当前进展见下方；您的输入已保留——请核对后重新保存。',
  },
  currentSteps: { vi: 'Các bước hiện có', en: 'Current steps', zh: '现有进展' },
  notSaved: { vi: 'Chưa lưu', en: 'Not saved', zh: '未保存' },
  wrongCredentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.', zh: '用户名或密码错误。' },
  tooManyAttempts: {
    vi: 'Đăng nhập sai quá nhiều lần: chờ 15 phút rồi thử lại.',
    en: 'Too many sign-in attempts: wait 15 minutes and try again.',
    zh: '登录尝试次数过多：请等待15分钟后再试。',
  },
  insecureConnection: {
    vi: 'Trang này mở qua HTTP không mã hóa: trình duyệt sẽ không giữ phiên đăng nhập. Hãy mở bằng địa chỉ https://, hoặc nhờ quản trị viên đặt BORDER_ATLAS_PLAIN_HTTP=true (mạng nội bộ) hay BORDER_ATLAS_TRUST_PROXY (sau proxy HTTPS).',
    en: 'This page is open over plain HTTP: the browser will not keep the sign-in. Open its https:// address, or ask the administrator to set BORDER_ATLAS_PLAIN_HTTP=true (intranet) or BORDER_ATLAS_TRUST_PROXY (behind an HTTPS proxy).',
    zh: '本页面通过未加密的 HTTP 打开：登录无法保持。请用 https:// 打开本页面，或请管理员设置 BORDER_ATLAS_PLAIN_HTTP=true（内网）或 BORDER_ATLAS_TRUST_PROXY（经 HTTPS 网关访问时）。',
  },
  sessionNotKept: {
    vi: 'Máy chủ đã nhận đăng nhập nhưng trình duyệt không giữ phiên: không thể biên tập tại địa chỉ này. Hãy mở bằng địa chỉ https:// hoặc liên hệ quản trị viên.',
    en: 'The server accepted the sign-in but the browser did not keep the session: editing cannot work at this address. Open its https:// address or contact the administrator.',
    zh: '登录已被接受，而本机没有保存会话凭据：在此页面无法编辑。请用 https:// 打开本页面，或联系管理员。',
  },
  signInOtherOrigin: {
    vi: 'Chỉ đăng nhập được tại địa chỉ chính thức của trang: hãy mở trang bằng địa chỉ quản trị viên đã cung cấp.',
    en: "Sign-in is accepted only at the site's own address: open the app at the address your administrator gave you.",
    zh: '本系统只接受在正式页面上登录：请按管理员提供的网页打开本系统。',
  },
  signInPausedOverall: {
    vi: 'Máy chủ tạm dừng đăng nhập vì có quá nhiều lần đăng nhập sai: hãy thử lại sau, hoặc đăng nhập từ trình duyệt bạn đã từng đăng nhập vào đây.',
    en: 'Sign-in is paused on this server after too many failed attempts from all addresses: try again later, or sign in from a browser you have signed in with here before.',
    zh: '登录失败次数过多，本系统已暂停登录：请过一段时间再试，或使用您曾在此登录过的浏览器登录。',
  },
  signInBusy: {
    vi: 'Máy chủ đang bận kiểm tra các lượt đăng nhập: hãy thử lại sau vài giây.',
    en: 'The server is busy checking sign-ins: try again in a few seconds.',
    zh: '正在检查的登录过多：请等待后再试。',
  },
  signInInvalid: {
    vi: 'Tên đăng nhập hoặc mật khẩu không hợp lệ.',
    en: 'The username or password is not valid input.',
    zh: '用户名或密码格式不正确。',
  },
  signInFailed: { vi: 'Đăng nhập không thành công', en: 'Sign-in failed', zh: '登录失败' },
  documentDated: { vi: 'Văn bản ghi ngày', en: 'The document is dated', zh: '文件日期' },
  dateNotDocument: {
    vi: 'Ngày của bước phải là ngày của văn bản được trích',
    en: 'A step carries the date of the document it cites',
    zh: '进展日期须为所引文件的日期',
  },
  importDocument: { vi: 'Nhập văn bản mới', en: 'Import a document', zh: '导入新文件' },
  documentText: { vi: 'Nội dung văn bản (dán vào đây)', en: 'Text of the document (paste it here)', zh: '文件正文（粘贴于此）' },
  uploadFile: { vi: 'hoặc tải tệp .txt, .md, .docx', en: 'or upload a .txt, .md or .docx file', zh: '或上传 .txt、.md、.docx 文件' },
  documentKind: { vi: 'Loại văn bản', en: 'Kind of document', zh: '文件类型' },
  titleVi: { vi: 'Tên văn bản (tiếng Việt)', en: 'Title (Vietnamese)', zh: '标题（越南语）' },
  titleEn: { vi: 'Tên (tiếng Anh)', en: 'Title (English)', zh: '标题（英语）' },
  titleZh: { vi: 'Tên (tiếng Trung, nếu có)', en: 'Title (Chinese, if any)', zh: '标题（中文，如有）' },
  signedDate: { vi: 'Ngày ký (nếu khác)', en: 'Signed (if different)', zh: '签署日期（如不同）' },
  signedPlace: { vi: 'Nơi ký', en: 'Place', zh: '签署地点' },
  periodFrom: { vi: 'Giai đoạn từ', en: 'Period from', zh: '期限自' },
  periodTo: { vi: 'đến', en: 'to', zh: '至' },
  readDocument: { vi: 'Đọc và phân đoạn', en: 'Read and segment', zh: '读取并分段' },
  reviewSuggestions: { vi: 'Xem xét gợi ý', en: 'Review the suggestions', zh: '审核建议' },
  accept: { vi: 'Chấp nhận', en: 'Accept', zh: '接受' },
  reject: { vi: 'Bỏ qua', en: 'Reject', zh: '拒绝' },
  mentionOnly: { vi: 'Chỉ nhắc đến (không đổi tình trạng)', en: 'Mention only (no status step)', zh: '仅提及（不改变状态）' },
  foundAs: { vi: 'Tìm thấy', en: 'Found', zh: '识别为' },
  importWarning_backwards: {
    vi: 'Sẽ lùi tình trạng trên bản đồ so với văn bản trước',
    en: 'Would move it back on the map',
    zh: '将使地图上的状态倒退',
  },
  importWarning_contradicts_later: {
    vi: 'Trái với một văn bản sau ghi nhận tình trạng thấp hơn',
    en: 'Contradicts a later document that records an earlier stage',
    zh: '与记录较早阶段的后续文件相矛盾',
  },
  importWarning_repeats: { vi: 'Trùng với bước đã ghi nhận', en: 'Repeats a step already recorded', zh: '与已记录的步骤重复' },
  importRecordedBefore: { vi: 'đã ghi nhận', en: 'recorded', zh: '已记录' },
  briefingExitRestored: {
    vi: 'Đã rời buổi trình bày: màn hình trở lại như trước khi bắt đầu (ngày, bộ lọc, lựa chọn).',
    en: 'Left the briefing: the screen is back as it was before it (date, filters, selection).',
    zh: '已退出演示：屏幕恢复到开始前的状态（日期、筛选、选择）。',
  },
  briefingExitToday: {
    vi: 'Đã rời buổi trình bày: bản đồ hôm nay, không bộ lọc.',
    en: 'Left the briefing: today’s map, with no filter.',
    zh: '已退出演示：显示今天的地图，无筛选。',
  },
  skipLinks: { vi: 'Đi nhanh tới', en: 'Skip to', zh: '跳转到' },
  skipToMap: { vi: 'Tới bản đồ', en: 'Skip to the map', zh: '跳到地图' },
  tools: { vi: 'Công cụ', en: 'Tools', zh: '工具' },
  tabProgress: { vi: 'Tiến độ', en: 'Progress', zh: '进展' },
  tabFilters: { vi: 'Lọc & kết quả', en: 'Filters & results', zh: '筛选与结果' },
  tabChanges: { vi: 'Thay đổi', en: 'Changes', zh: '变化' },
  tabBriefings: { vi: 'Trình bày', en: 'Briefings', zh: '汇报' },
  tabDocuments: { vi: 'Văn bản', en: 'Documents', zh: '文件' },
  sidebarTabs: { vi: 'Các mục của thanh bên', en: 'Sidebar sections', zh: '侧栏栏目' },
  skipToResults: { vi: 'Tới danh sách kết quả', en: 'Skip to the results', zh: '跳到结果列表' },
  skipToTime: { vi: 'Tới thanh thời gian', en: 'Skip to the time slider', zh: '跳到时间滑块' },
  stackedHere: { vi: 'Tại điểm này có', en: 'Here on the map', zh: '此处有' },
  progressBeforeFilters: {
    vi: 'Đếm theo ngày đang xem, chưa áp dụng các bộ lọc khác.',
    en: 'Counted as of the date shown, before the other filters.',
    zh: '按所示日期统计，未应用其他筛选。',
  },
  unknownIdsDropped: {
    vi: 'Đường dẫn nêu văn bản hoặc tỉnh không có trong dữ liệu, đã bỏ khỏi bộ lọc',
    en: 'The link names documents or provinces the record lacks; left out of the filters',
    zh: '链接中的文件或省份不在数据中，已从筛选中移除',
  },
  activeFilters: { vi: 'Bộ lọc đang áp dụng', en: 'Filters applied', zh: '当前筛选' },
  removeFilter: { vi: 'Bỏ bộ lọc', en: 'Remove the filter', zh: '移除筛选' },
  playSpeed: { vi: 'Tốc độ phát', en: 'Playing speed', zh: '播放速度' },
  playLoop: { vi: 'Phát lặp lại', en: 'Play in a loop', zh: '循环播放' },
  previousDocument: { vi: 'Văn bản trước', en: 'Previous document', zh: '上一份文件' },
  nextDocument: { vi: 'Văn bản sau', en: 'Next document', zh: '下一份文件' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence', zh: '置信度' },
  confidence_high: { vi: 'cao', en: 'high', zh: '高' },
  confidence_medium: { vi: 'trung bình', en: 'medium', zh: '中' },
  confidence_low: { vi: 'thấp', en: 'low', zh: '低' },
  cueWords: { vi: 'Từ chỉ tình trạng', en: 'Status words', zh: '表示状态的词' },
  importRule_fact: { vi: 'việc đã xảy ra', en: 'something that happened', zh: '已发生的事' },
  importRule_plain: { vi: 'lời văn trực tiếp', en: 'plain wording', zh: '直接表述' },
  importRule_goal: { vi: 'mục tiêu, kế hoạch', en: 'a goal or plan', zh: '目标或计划' },
  importRule_aimed: { vi: 'điều hướng tới', en: 'what is aimed at', zh: '所追求的' },
  importRule_ceremony_planned: { vi: 'lễ dự kiến tổ chức', en: 'a ceremony still to be held', zh: '拟举行的仪式' },
  importRule_implied: { vi: 'suy ra từ cách gọi tên', en: 'implied by how it is named', zh: '由名称推断' },
  importRule_none: { vi: 'chỉ nhắc tên', en: 'named only', zh: '仅提及名称' },
  mapChange: { vi: 'Trên bản đồ', en: 'On the map', zh: '地图上' },
  mapUnchanged: { vi: 'không đổi (chỉ nhắc tên)', en: 'unchanged (a mention only)', zh: '不变（仅提及）' },
  nothingRecorded: { vi: 'chưa có bước nào', en: 'no step yet', zh: '尚无进展' },
  reviewed: { vi: 'đã xem xét', en: 'reviewed', zh: '已审核' },
  acceptConfident: {
    vi: 'Chấp nhận các gợi ý tin cậy cao, không cảnh báo',
    en: 'Accept every high-confidence suggestion without a warning',
    zh: '接受所有无警告的高置信度建议',
  },
  reviewKeys: { vi: 'Phím tắt trên thẻ đang chọn', en: 'Keys on the card in hand', zh: '当前卡片的快捷键' },
  keyChange: { vi: 'sửa', en: 'change', zh: '修改' },
  keyNext: { vi: 'thẻ sau', en: 'next card', zh: '下一张' },
  keyPrevious: { vi: 'thẻ trước', en: 'previous card', zh: '上一张' },
  documentPane: { vi: 'Văn bản, các tên và từ được nhận ra', en: 'The document, names and words found', zh: '文件及识别出的名称和词语' },
  newPlaceCard: { vi: 'Địa điểm chưa có trong dữ liệu', en: 'A place the record lacks', zh: '数据中没有的地点' },
  undecided: { vi: 'gợi ý chưa xem xét', en: 'suggestions not yet reviewed', zh: '条建议尚未审核' },
  noSuggestion: { vi: 'Không có gợi ý', en: 'No suggestion', zh: '无建议' },
  addPlace: { vi: 'Thêm địa điểm mới', en: 'Add a new place', zh: '添加新地点' },
  placeName: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)', zh: '名称（越南语）' },
  placeNameZh: { vi: 'Tên tiếng Trung', en: 'Chinese name', zh: '中文名称' },
  placeNameEn: { vi: 'Tên tiếng Anh', en: 'English name', zh: '英文名称' },
  province: { vi: 'Tỉnh', en: 'Province', zh: '省' },
  precision: { vi: 'Độ chính xác', en: 'Precision', zh: '精度' },
  pickOnMap: { vi: 'Chọn vị trí trên bản đồ', en: 'Pick the position on the map', zh: '在地图上选择位置' },
  picking: { vi: 'Bấm vào bản đồ để đặt vị trí…', en: 'Click the map to place it…', zh: '请点击地图放置…' },
  positionMissing: { vi: 'Chưa có vị trí', en: 'No position yet', zh: '尚无位置' },
  remove: { vi: 'Xóa', en: 'Remove', zh: '删除' },
  saveImport: { vi: 'Lưu văn bản và các bước đã chấp nhận', en: 'Save the document and the accepted steps', zh: '保存文件及已接受的进展' },
  imported: { vi: 'Đã lưu văn bản', en: 'Document saved', zh: '文件已保存' },
  showOnMapAsOf: { vi: 'Xem bản đồ tại ngày', en: 'Show the map as of', zh: '查看地图日期' },
  back: { vi: 'Quay lại', en: 'Back', zh: '返回' },
  clickedEstimate: {
    vi: 'Vị trí chọn trên bản đồ là ước lượng: tối đa ≈5 km.',
    en: 'A position clicked on the map is an estimate: ≈5 km at best.',
    zh: '地图上点选的位置为估算：最多约5公里。',
  },
  correct: { vi: 'Đính chính', en: 'Correct', zh: '更正' },
  correcting: { vi: 'Đính chính bước', en: 'Correcting the step of', zh: '更正进展' },
  correctedBy: { vi: 'Đã được đính chính bởi bước ngày', en: 'Corrected by the step of', zh: '已由以下进展更正：' },
  corrects: { vi: 'Đính chính bước ngày', en: 'Corrects the step of', zh: '更正以下进展：' },
  movedTo: {
    vi: 'Văn bản không nêu nơi này; cách đọc đã chuyển sang:',
    en: 'The text does not name this place; the reading moved to:',
    zh: '文本未指明此地；该解读已移至：',
  },
  offlineNoChange: {
    vi: 'Không có mạng: không thể thay đổi gì, và không có gì được giữ lại để gửi sau.',
    en: 'No network: nothing can be changed, and nothing is kept to send later.',
    zh: '无网络：无法进行任何修改，也不会保留待稍后发送。',
  },
  correctionWhy: {
    vi: 'Lý do đính chính (bắt buộc)',
    en: 'Why the earlier step was wrong (required)',
    zh: '更正理由（必填）',
  },
} as const;

export type TextKey = keyof typeof TEXT;
export const text = (key: TextKey, language: Language): string => TEXT[key][language];

/** "theo văn bản 22/02/2023", "as reported on 22 Feb 2023", "据2023年2月22日文件": a status is as last reported, not a fact of today. */
export function reportedOn(isoDate: string, language: Language): string {
  const date = formatDate(isoDate, language);
  return { vi: `theo văn bản ${date}`, en: `as reported on ${date}`, zh: `据${date}文件` }[language];
}

/** Why an agreement filter shows nothing (filters/empty-reason.ts), in the interface's language. */
export function emptyReasonText(why: EmptyReason, language: Language): string {
  if (why.reason === 'excluded') {
    const n = why.linked;
    if (language === 'vi') return `Có ${n} đối tượng gắn với văn bản đã chọn, nhưng không đối tượng nào qua được các bộ lọc khác.`;
    if (language === 'zh') return `所选文件关联${n}个对象，在其他筛选条件下没有一个符合。`;
    return `${n} ${n === 1 ? 'feature is' : 'features are'} linked to the selected document, but none passes the other filters.`;
  }
  if (why.reason === 'unlinked') {
    const lead = {
      vi: 'Không đối tượng nào trên bản đồ gắn với văn bản đã chọn: ',
      en: 'No feature on the map is linked to the selected document: ',
      zh: '地图上没有对象与所选文件关联：',
    }[language];
    return lead + why.why.map((text) => text[language]).join(' ');
  }
  if (why.reason === 'datedAfter') {
    const [dated, shown] = [formatDate(why.dated, language), formatDate(why.asOf, language)];
    if (language === 'vi') return `Văn bản đã chọn ghi ngày ${dated}, sau ngày đang xem (${shown}): chưa gắn với đối tượng nào.`;
    if (language === 'zh') return `所选文件日期为${dated}，在所选日期${shown}之后。`;
    return `The selected document is dated ${dated}, after the date shown (${shown}): it is linked to no feature yet.`;
  }
  if (why.asOf) {
    const shown = formatDate(why.asOf, language);
    if (language === 'vi') return `Văn bản đã chọn không gắn với đối tượng nào tính đến ngày ${shown}.`;
    if (language === 'zh') return `截至${shown}，所选文件未关联任何对象。`;
    return `The selected document is linked to no feature as of ${shown}.`;
  }
  if (language === 'vi') return 'Văn bản đã chọn không gắn với đối tượng nào trong dữ liệu.';
  if (language === 'zh') return '所选文件未关联任何对象。';
  return 'The selected document is linked to no feature in the record.';
}

/** How many features the changes tab lists between two dates (already formatted); it says so on the map too. */
export function changesCountText(total: number, from: string, to: string, language: Language): string {
  if (total === 0) return `${TEXT.noChanges[language]} (${from} – ${to})`;
  if (language === 'vi') return `${total} đối tượng thay đổi từ ${from} đến ${to}, được đánh dấu trên bản đồ.`;
  if (language === 'zh') return `${from}至${to}期间有${total}个对象发生变化，已在地图上标出。`;
  return `${total} ${total === 1 ? 'feature' : 'features'} changed from ${from} to ${to}, marked on the map.`;
}

/** Dates are written by i18n/dates.ts (Intl, the language's own form). */
export { formatDate };

type Names = { vi: string; zh: string | null; en: string };

/** A document's title in the chosen language; Vietnamese where it has no Chinese title. */
export const titleIn = (title: Names, language: Language): string => (language === 'zh' ? (title.zh ?? title.vi) : title[language]);

/** A name in the chosen language; where no Chinese name is known, the Vietnamese one stands in. */
export const nameIn = (name: Names, language: Language): string => (language === 'zh' ? (name.zh ?? name.vi) : name[language]);

/**
 * The notice of a record shown without a network: "Ngoại tuyến — bản ghi đã lưu lúc 14:05 07/12/2026; không thể
 * sửa đổi." `savedAt` is when the oldest answer shown was saved (ISO time), null when the browser only says it
 * is offline.
 */
export function offlineNotice(savedAt: string | null, language: Language): string {
  if (!savedAt) {
    return {
      vi: 'Ngoại tuyến — không có mạng; không thể sửa đổi.',
      en: 'Offline — no network; changes cannot be made.',
      zh: '离线——无网络；无法修改。',
    }[language];
  }
  const saved = new Date(savedAt);
  const day = `${saved.getFullYear()}-${String(saved.getMonth() + 1).padStart(2, '0')}-${String(saved.getDate()).padStart(2, '0')}`;
  const time = `${String(saved.getHours()).padStart(2, '0')}:${String(saved.getMinutes()).padStart(2, '0')}`;
  const date = formatDate(day, language);
  return {
    vi: `Ngoại tuyến — đang xem bản ghi đã lưu lúc ${time} ngày ${date}; không thể sửa đổi.`,
    en: `Offline — showing the record as saved at ${time} on ${date}; changes cannot be made.`,
    zh: `离线——显示${date} ${time}保存的记录；无法修改。`,
  }[language];
}
