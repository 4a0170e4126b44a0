import type { ApiFeature } from '../domain/api';
import { formatDate } from '../domain/date-text';
import type { Agreement, Province, StatusEvent } from '../domain/schemas';
import { dueDate, targetsOf } from '../domain/targets';
import { KIND_BY_ID, STATUS_BY_ID, STATUSES } from '../domain/vocabulary';
import { escapeHtml } from '../http/escape-html';
import { provinceMapSvg, type ReportBasemap } from './report-map';

type Language = 'vi' | 'en' | 'zh';

const WORDS = {
  title: { vi: 'Báo cáo tiến độ hợp tác biên giới', en: 'Border cooperation progress report', zh: '边境合作进展报告' },
  asOf: { vi: 'Tính đến ngày', en: 'As of', zh: '截至' },
  counts: { vi: 'Số đối tượng theo tình trạng', en: 'Features by status', zh: '按状态统计' },
  overdue: { vi: 'Cam kết quá hạn', en: 'Overdue commitments', zh: '逾期的承诺' },
  noneOverdue: {
    vi: 'Không có cam kết nào quá hạn tính đến ngày này.',
    en: 'No commitment is overdue on this date.',
    zh: '截至该日没有逾期的承诺。',
  },
  features: { vi: 'Các đối tượng', en: 'Features', zh: '各对象' },
  name: { vi: 'Tên', en: 'Name', zh: '名称' },
  kind: { vi: 'Loại', en: 'Kind', zh: '类别' },
  status: { vi: 'Tình trạng', en: 'Status', zh: '状态' },
  lastReported: { vi: 'Văn bản gần nhất', en: 'Last reported', zh: '最近文件' },
  deadline: { vi: 'Hạn', en: 'Deadline', zh: '期限' },
  clause: { vi: 'Điều khoản', en: 'Clause', zh: '条款' },
  daysLate: { vi: 'ngày trễ', en: 'days late', zh: '天' },
  map: { vi: 'Xem trên bản đồ', en: 'See on the map', zh: '在地图上查看' },
  mapCaption: {
    vi: 'Các đối tượng đã định vị, màu theo tình trạng, số theo bảng dưới; vòng rỗng nét đứt: vị trí ước tính.',
    en: 'Located features coloured by status, numbered as in the table below; hollow with a dashed ring: an estimated position.',
    zh: '已定位的对象，按状态着色，编号同下表；空心虚线圈：估计位置。',
  },
  source: {
    vi: 'Nguồn: hồ sơ Border Atlas, mỗi tình trạng theo điều khoản văn bản dẫn kèm; không văn bản nào báo đạt thì chưa coi là đạt.',
    en: 'Source: the Border Atlas record, each status as the cited clause reads; a deadline no document reports met is not taken as met.',
    zh: '来源：Border Atlas 数据记录，各状态依所引条款；无文件报告达成的期限不视为已达成。',
  },
} as const;

const nameOf = (name: { vi: string; en: string; zh: string | null }, language: Language) =>
  language === 'zh' ? (name.zh ?? name.vi) : name[language];

export type ProvinceReportInput = {
  province: Province;
  features: readonly ApiFeature[];
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>;
  agreements: ReadonlyMap<string, Agreement>;
  date: string;
  language: Language;
  origin: string;
  /** @font-face rules for the bundled fonts (report fonts.ts): the page draws Vietnamese and Chinese offline. */
  fontFaces: string;
  /** The embedded basemap for the report's map (report-map.ts); null prints the report without it. */
  basemap: ReportBasemap | null;
};

/**
 * One printable page (A4, HTML and CSS only) for a province as of a date, for the planner's monthly report upward:
 * the counts by status, every overdue commitment with the clause and words that set it, and each feature's status
 * with the document it was last reported in and its deadline. Every figure is the API's for that date.
 */
export function provinceReportHtml({
  province,
  features,
  eventsByFeature,
  agreements,
  date,
  language,
  origin,
  fontFaces,
  basemap,
}: ProvinceReportInput): string {
  const w = (key: keyof typeof WORDS) => WORDS[key][language];
  const withStatus = features.filter((f) => KIND_BY_ID[f.properties.kind].hasStatus && f.properties.status);
  const counts = STATUSES.map((s) => ({ status: s, count: withStatus.filter((f) => f.properties.status === s.id).length })).filter(
    (c) => c.count > 0,
  );
  const overdue = withStatus.flatMap((feature) =>
    targetsOf(eventsByFeature.get(feature.id) ?? [], date)
      .filter((t) => t.state === 'overdue')
      .map((t) => ({ feature, target: t })),
  );
  const rows = withStatus
    .map((feature, index) => {
      const p = feature.properties;
      const targets = targetsOf(eventsByFeature.get(feature.id) ?? [], date);
      const deadline = targets
        .map((t) => `${escapeHtml(t.by)} (${escapeHtml(t.state === 'overdue' ? `${t.daysLate} ${w('daysLate')}` : t.state)})`)
        .join('; ');
      const agreement = p.reportedIn ? agreements.get(p.reportedIn) : undefined;
      return `<tr data-feature-id="${escapeHtml(feature.id)}"><td class="number">${index + 1}</td><td>${escapeHtml(nameOf(p.name, language))}</td><td>${escapeHtml(KIND_BY_ID[p.kind].label[language])}</td><td><span class="dot" style="background:${STATUS_BY_ID[p.status ?? 'unknown'].color}"></span>${escapeHtml(STATUS_BY_ID[p.status ?? 'unknown'].label[language])}</td><td>${p.since ? escapeHtml(formatDate(p.since, language)) : '—'}${agreement ? ` · ${escapeHtml(agreement.id)}` : ''}</td><td>${deadline || '—'}</td></tr>`;
    })
    .join('\n');
  const overdueItems = overdue
    .map(({ feature, target }) => {
      const given = target.setBy.target as NonNullable<StatusEvent['target']>;
      return `<li data-feature-id="${escapeHtml(feature.id)}"><strong>${escapeHtml(nameOf(feature.properties.name, language))}</strong>: ${escapeHtml(STATUS_BY_ID[target.reach].label[language])} · ${w('deadline').toLowerCase()} ${escapeHtml(target.by)} (${escapeHtml(formatDate(dueDate(target.by), language))}) · <strong>${target.daysLate} ${w('daysLate')}</strong><br><span class="cite">${w('clause')} ${escapeHtml(target.setBy.clauseId)} (${escapeHtml(formatDate(target.setBy.date, language))}): <q lang="vi">${escapeHtml(given.cue)}</q></span></li>`;
    })
    .join('\n');
  const mapLink = `${origin}/?province=${encodeURIComponent(province.code)}&asOf=${date}${language === 'vi' ? '' : `&lang=${language}`}`;
  const provinceName = nameOf({ ...province.name, zh: province.name.zh ?? null }, language);
  return `<!doctype html>
<html lang="${language === 'zh' ? 'zh-CN' : language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${w('title')} — ${provinceName} — ${formatDate(date, language)}`)}</title>
<style>
${fontFaces}
@page { size: A4; margin: 16mm 14mm; }
body { font-family: 'Noto Sans', 'Noto Sans SC', sans-serif; color: #2b2d42; font-size: 11pt; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 12.5pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #dedbd2; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { font-size: 9.5pt; color: #4a4e5c; } .dot { display: inline-block; width: 8pt; height: 8pt; border-radius: 50%; margin-right: 4pt; vertical-align: baseline; }
ul.overdue { padding-left: 5mm; } ul.overdue li { margin-bottom: 2mm; } .cite { color: #4a4e5c; font-size: 9.5pt; }
.report-map { margin: 4mm 0 0; break-inside: avoid; } .report-map svg { display: block; width: 100%; height: auto; }
.report-map figcaption, td.number { font-size: 8.5pt; color: #4a4e5c; }
.meta { color: #4a4e5c; } tr { break-inside: avoid; } footer { margin-top: 8mm; font-size: 8.5pt; color: #4a4e5c; }
</style>
</head>
<body>
<h1>${escapeHtml(w('title'))} — ${escapeHtml(provinceName)}</h1>
<p class="meta">${escapeHtml(w('asOf'))} <strong data-as-of="${date}">${escapeHtml(formatDate(date, language))}</strong> · <a href="${escapeHtml(mapLink)}">${escapeHtml(w('map'))}</a></p>
${
  basemap
    ? provinceMapSvg(
        basemap,
        province.code,
        withStatus.map((feature, index) => ({ feature, number: index + 1 })),
        w('mapCaption'),
      )
    : ''
}
<h2>${escapeHtml(w('counts'))}</h2>
<table class="counts"><tbody>${counts.map((c) => `<tr data-status="${c.status.id}"><td><span class="dot" style="background:${c.status.color}"></span>${escapeHtml(c.status.label[language])}</td><td>${c.count}</td></tr>`).join('')}</tbody></table>
<h2>${escapeHtml(w('overdue'))} (${overdue.length})</h2>
${overdue.length > 0 ? `<ul class="overdue">${overdueItems}</ul>` : `<p>${escapeHtml(w('noneOverdue'))}</p>`}
<h2>${escapeHtml(w('features'))} (${withStatus.length})</h2>
<table class="features"><thead><tr><th>#</th><th>${w('name')}</th><th>${w('kind')}</th><th>${w('status')}</th><th>${w('lastReported')}</th><th>${w('deadline')}</th></tr></thead><tbody>
${rows}
</tbody></table>
<footer>${escapeHtml(w('source'))}</footer>
</body>
</html>`;
}
