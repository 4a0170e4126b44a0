import type { StatusId } from '../vocabulary';

/** A deadline a sentence sets, as a step's `target` takes it (domain/schemas.ts), `reach` null when its verb is not one we know. */
export type TargetReading = { by: string; cue: string; reach: Exclude<StatusId, 'unknown' | 'proposed'> | null; at: [number, number] };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const YEAR = '(20\\d{2})';

/**
 * Wordings of a deadline in Vietnamese administrative prose, most precise first; each gives the period in the
 * form a target keeps (2026-06-30, 2026-06, 2026-Q2, 2026-H1, 2026). "trước năm 2030" is before 2030: 2029.
 */
const PERIODS: { pattern: RegExp; by: (m: RegExpExecArray) => string | null }[] = [
  {
    pattern: new RegExp(`(?:trước|chậm nhất|không muộn hơn)\\s+(?:ngày\\s+)?(\\d{1,2})[/.-](\\d{1,2})[/.-]${YEAR}`, 'iu'),
    by: (m) => iso(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    pattern: new RegExp(`(?:trong|trước|vào|đến)\\s+(?:cuối\\s+)?tháng\\s+(\\d{1,2})(?:\\s+năm\\s+|/)${YEAR}`, 'iu'),
    by: (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${m[1].padStart(2, '0')}` : null),
  },
  {
    pattern: new RegExp(`quý\\s+(I{1,3}|IV|[1-4])(?:\\s+năm\\s+|/|\\s+)${YEAR}`, 'iu'),
    by: (m) => `${m[2]}-Q${ROMAN[m[1].toLowerCase()] ?? Number(m[1])}`,
  },
  {
    pattern: new RegExp(`(?:nửa|6 tháng|sáu tháng)\\s+(đầu|cuối)\\s+năm\\s+${YEAR}`, 'iu'),
    by: (m) => `${m[2]}-${m[1].toLowerCase() === 'đầu' ? 'H1' : 'H2'}`,
  },
  { pattern: new RegExp(`trước\\s+năm\\s+${YEAR}`, 'iu'), by: (m) => String(Number(m[1]) - 1) },
  { pattern: new RegExp(`(?:trong|vào|đến|cuối)\\s+năm\\s+${YEAR}`, 'iu'), by: (m) => m[1] },
];

/** The status a deadline aims at, from the verb before it (furthest first): what a planner checks the next document for. */
const AIMS: [RegExp, TargetReading['reach']][] = [
  [/đi vào hoạt động|mở cửa(?! khẩu)|chính thức mở|(?<!công bố )mở chính thức|vận hành|khai trương|(?<!lối )thông quan/iu, 'operating'],
  // Procedures to open completed: the opening can be announced.
  [/công bố|lễ công bố|hoàn (?:thành|thiện) (?:các )?thủ tục (?:mở|phê duyệt)/iu, 'announced'],
  [/nghiệm thu/iu, 'accepted'],
  [/hoàn thành (?:xây dựng|các dự án|dự án|công trình)|hoàn thiện (?:cơ sở hạ tầng|công trình)/iu, 'built'],
  [/khởi công|triển khai xây dựng|xây dựng/iu, 'under_construction'],
  [/ký kết|ký thỏa thuận|thống nhất ký/iu, 'agreed'],
];

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : null;
}

/**
 * The deadline a sentence sets, if it sets one: the first dated wording (a day, month, quarter, half-year or year
 * after "trong / vào / đến / trước"), and its aim — the words after it up to the next clause break when they name
 * one ("trong năm 2023 tổ chức Lễ công bố"), else the words before it back to the last clause break — verbatim,
 * with the status that aim reaches. A sentence that only reports what was done
 * ("năm 2025 đã hoàn thành") sets none.
 */
export function readTarget(sentence: string): TargetReading | null {
  for (const { pattern, by } of PERIODS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const period = by(match);
    if (!period) continue;
    const end = match.index + match[0].length;
    // "…, trong năm 2027 tổ chức Lễ công bố": the aim may follow its deadline, up to the next clause break.
    const after = sentence.slice(end);
    const trail = after.slice(0, after.search(/[;:.]|$/u));
    // … but not a purpose ("… trong năm 2026 để kết nối, vận hành …": the deadline is the works', not the purpose's).
    const purpose = /^[\s,]*(?:để|nhằm)\s/iu.test(trail);
    const following = purpose ? undefined : AIMS.filter(([aim]) => aim.test(trail)).map(([, status]) => status)[0];
    if (following) {
      const to = end + trail.trimEnd().length;
      return { by: period, cue: sentence.slice(match.index, to), reach: following, at: [match.index, to] };
    }
    // Else the aim before it: back to the previous clause break (";", ":" or a sentence end).
    const before = sentence.slice(0, match.index);
    const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('. ')) + 1;
    const lead = sentence.slice(start, match.index);
    if (/(?:^|\s)đã\s+(?:được\s+)?(?:hoàn thành|khai trương|công bố|mở|đi vào)/iu.test(lead)) return null;
    // The furthest status the aim names ("công bố và đi vào hoạt động": operating).
    const reach = AIMS.filter(([aim]) => aim.test(lead)).map(([, status]) => status)[0] ?? null;
    const from = start + (sentence.slice(start).length - sentence.slice(start).trimStart().length);
    return { by: period, cue: sentence.slice(from, end), reach, at: [from, end] };
  }
  return null;
}
