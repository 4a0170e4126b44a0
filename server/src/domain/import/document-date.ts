/**
 * The date a new document gives itself or its event, for the import form: the first day it names
 * outside brackets ("Ngày 28/02/2024, …", "sáng 27/5/2025", "Ngày 24 tháng 3 năm 2027", "2025年2月19日",
 * "từ ngày 19-21/2" → its first day), or the year it reports as of ("Tính đến năm 2024"). A day written
 * without its year takes the year the text refers to elsewhere ("vào tháng 2/2024", "Gặp gỡ đầu Xuân
 * 2025", another full date) when it names one; otherwise it stays without a year ("--05-27"). Null when
 * the text names no day: an editor fills it in.
 */

const pad = (n: number) => String(n).padStart(2, '0');

type Day = { at: number; day: number; month: number; year: number | null };

const VI_NUMERIC = /(?<![\p{L}\p{N}/.-])(?:ngày\s+)?(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\/(\d{1,2})(?:\/(\d{4}))?(?![\p{N}/])/giu;
const VI_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/giu;
const ZH = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/gu;
/** Years the text refers to as past or present: "tháng 2/2024", "Xuân 2025", "năm 2024", "13/12/2023". */
const YEAR_REFERENCE = /(?:tháng\s+\d{1,2}\/|Xuân\s+|năm\s+|\d{1,2}\/\d{1,2}\/)(\d{4})(?!\d)/giu;
/** A year the text aims at is not the document's: "dự kiến cuối năm 2025", "trong năm 2026", "đến năm 2030". */
const TARGET_BEFORE = /(?:dự kiến|phấn đấu|kế hoạch|cuối|đầu|trong|đến|trước|sau|giai đoạn|nửa đầu|nửa cuối)\s+(?:\S+\s+)?$/iu;
const AS_OF = /tính\s+đến\s+(?:(?:ngày|hết)\s+)?(?:tháng\s+\d{1,2}\s+)?năm\s+(\d{4})/iu;

/** Character ranges inside brackets, where dates are asides ("(ngày 20/10/2015 - 20/10/2025)"). */
function bracketed(text: string): (at: number) => boolean {
  const ranges: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(' || c === '（') stack.push(i);
    else if ((c === ')' || c === '）') && stack.length > 0) ranges.push([stack.pop() as number, i]);
    else if (c === '\n') stack.length = 0;
  }
  return (at) => ranges.some(([from, to]) => at > from && at < to);
}

const valid = (d: Day) => d.day >= 1 && d.day <= 31 && d.month >= 1 && d.month <= 12;

export function readDocumentDate(text: string): string | null {
  const inBrackets = bracketed(text);
  const days: Day[] = [];
  for (const m of text.matchAll(VI_NUMERIC)) {
    // Marker numbers ("mốc 1088/3") and ratios are not days: a day stands after "ngày"/"sáng"/a line start,
    // or carries its year.
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const introduced = /ngày\s*$/iu.test(m[0].slice(0, 5)) || /(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\s*$|(?:^|\n)\s*$/iu.test(before);
    if (!introduced && !m[3]) continue;
    days.push({ at: m.index, day: Number(m[1]), month: Number(m[2]), year: m[3] ? Number(m[3]) : null });
  }
  for (const m of text.matchAll(VI_WORDS))
    days.push({ at: m.index, day: Number(m[1]), month: Number(m[2]), year: m[3] ? Number(m[3]) : null });
  for (const m of text.matchAll(ZH)) days.push({ at: m.index, day: Number(m[3]), month: Number(m[2]), year: m[1] ? Number(m[1]) : null });
  const first = days.filter((d) => valid(d) && !inBrackets(d.at)).sort((a, b) => a.at - b.at)[0];
  if (!first) {
    const asOf = AS_OF.exec(text);
    return asOf ? asOf[1] : null;
  }
  if (first.year !== null) return `${first.year}-${pad(first.month)}-${pad(first.day)}`;
  const years = new Set<number>();
  for (const m of text.matchAll(YEAR_REFERENCE)) {
    if (inBrackets(m.index) || TARGET_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    years.add(Number(m[1]));
  }
  // One year referred to: the day is in it. Several: the text does not say which.
  return years.size === 1 ? `${[...years][0]}-${pad(first.month)}-${pad(first.day)}` : `--${pad(first.month)}-${pad(first.day)}`;
}
