/**
 * The words that govern how a step reads its clause (geodata/READING.md): a cue phrase of the documents, the kind of
 * wording it is, and so the evidence grade a step resting on it carries. READING.md's table lists the same cues
 * (held equal by reading-cues.test.ts).
 */

import { normalizeText } from '../server/src/domain/text';
import type { EvidenceId, StatusId } from '../server/src/domain/vocabulary';

/**
 * `directive`: the parties ask for something to be done ("đẩy nhanh tiến độ xây dựng"): a step resting on it gives
 * the status the directive presupposes, never one it states. `proposal` ("kiến nghị") states a `proposed` step;
 * `agreement` ("thống nhất") states an `agreed` one; `reported` ("đã tổ chức") reports a thing done, and states the
 * status it reports.
 */
export type CueKind = 'directive' | 'proposal' | 'agreement' | 'reported';

export type Cue = { phrase: string; kind: CueKind };

export const READING_CUES: readonly Cue[] = [
  { phrase: 'đẩy nhanh tiến độ xây dựng', kind: 'directive' },
  { phrase: 'cùng thúc đẩy hoàn thiện', kind: 'directive' },
  { phrase: 'thúc đẩy', kind: 'directive' },
  { phrase: 'phối hợp', kind: 'directive' },
  { phrase: 'kiến nghị', kind: 'proposal' },
  { phrase: 'đề xuất', kind: 'proposal' },
  { phrase: 'đề nghị', kind: 'proposal' },
  { phrase: 'thống nhất', kind: 'agreement' },
  { phrase: 'nhất trí', kind: 'agreement' },
  { phrase: 'đồng ý', kind: 'agreement' },
  { phrase: 'đã tổ chức', kind: 'reported' },
  { phrase: 'đã được tổ chức', kind: 'reported' },
  { phrase: 'đã chính thức đi vào hoạt động', kind: 'reported' },
  { phrase: 'đã mở', kind: 'reported' },
];

/** The grade a step resting on each kind of cue carries. */
export const GRADE_OF_CUE: Record<CueKind, EvidenceId> = {
  directive: 'implied',
  proposal: 'stated',
  agreement: 'stated',
  reported: 'stated',
};

/** The one status a statement cue states; a directive or a report governs a step of any status (null). */
const STATUS_STATED: Record<CueKind, StatusId | null> = {
  directive: null,
  proposal: 'proposed',
  agreement: 'agreed',
  reported: null,
};

/** The stages a joint directive states (the commitment itself) rather than presupposes. */
const COMMITMENT_STAGES: ReadonlySet<StatusId> = new Set(['proposed', 'agreed']);

/** Words that promote a thing ("thúc đẩy tuyến du lịch"): they never make it `operating` on their own. */
export const PROMOTION_PHRASES: readonly string[] = ['thúc đẩy', 'quảng bá', 'xúc tiến'];

/** Text as the cues are looked for in it: NFC, whitespace collapsed, emphasis marks removed, lower case. */
export const cueText = (text: string) => normalizeText(text).toLocaleLowerCase('vi');

const escaped = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as whole words: not inside a longer word ("đã mở" is in "đã mở rộng", not in "đã mởx"). */
const wholeWords = (phrase: string, flags = 'u') => new RegExp(`(?<![\\p{L}\\p{N}])${escaped(cueText(phrase))}(?![\\p{L}\\p{N}])`, flags);

/**
 * How many words open a quote: a phrase leads the quote when it starts among them. Room for the subject, and a date
 * and place before it ("Ngày 11 tháng 02 năm 2026, tại thành phố Nam Ninh, Khu tự trị … (Trung Quốc) đã tổ chức" is
 * 22 words); a cue deeper in a long quote is a subordinate verb of its narrative ("Từ năm 2016 đến năm 2021, … tích
 * cực thúc đẩy khu vực biên giới … đạt được những thành quả tốt đẹp" reports, it does not direct).
 */
export const LEADING_WORDS = 25;

/** Where the quote's leading words end (the whole text when it is shorter). */
function leadingEnd(text: string): number {
  const word = /\S+/gu;
  let end = text.length;
  for (let count = 0; count < LEADING_WORDS; count++) {
    const match = word.exec(text);
    if (!match) return text.length;
    end = match.index + match[0].length;
  }
  return end;
}

type Found = Cue & { at: number };

/**
 * The cues that lead `quote` (start among its first LEADING_WORDS words), in the order they appear; at one place,
 * the longest ("cùng thúc đẩy hoàn thiện", not "thúc đẩy").
 */
function cuesIn(quote: string): Found[] {
  const text = cueText(quote);
  const end = leadingEnd(text);
  const found: Found[] = [];
  for (const cue of READING_CUES)
    for (const match of text.matchAll(wholeWords(cue.phrase, 'gu'))) if (match.index < end) found.push({ ...cue, at: match.index });
  found.sort((a, b) => a.at - b.at || b.phrase.length - a.phrase.length);
  // A cue inside a longer one found first ("thúc đẩy" inside "cùng thúc đẩy hoàn thiện") is the same words.
  const kept: Found[] = [];
  for (const cue of found) {
    const last = kept.at(-1);
    if (last && cue.at < last.at + cueText(last.phrase).length) continue;
    kept.push(cue);
  }
  return kept;
}

/**
 * The cue that governs a step of `status` resting on `quote`: the first cue of the quote that can govern that status
 * (a report governs any status, a directive only a stage past the commitment it makes; "kiến nghị" only a `proposed`
 * step, "thống nhất" only an `agreed` one, so "Thống nhất … cùng kiến nghị" governs a `proposed` step by "kiến nghị").
 * Null when the quote holds none.
 */
export function governingCue(quote: string, status: StatusId): Cue | null {
  const cue = cuesIn(quote).find((found) => {
    // The parties' joint directive is how they state a commitment ("Hai bên thống nhất cùng thúc đẩy" is what
    // `agreed` means): it grades only a stage it presupposes, past the commitment (being built, built, operating…).
    if (found.kind === 'directive') return !COMMITMENT_STAGES.has(status);
    const stated = STATUS_STATED[found.kind];
    return stated === null || stated === status;
  });
  return cue ? { phrase: cue.phrase, kind: cue.kind } : null;
}

/** True when a cue of `kind` leads `quote`. */
export function leadsWithCueOf(quote: string, kind: CueKind): boolean {
  return cuesIn(quote).some((cue) => cue.kind === kind);
}

/** The promotion phrase that leads `quote` ("thúc đẩy tuyến du lịch …"), or null. */
export function leadingPromotion(quote: string): string | null {
  const text = cueText(quote);
  const end = leadingEnd(text);
  return PROMOTION_PHRASES.find((phrase) => (wholeWords(phrase).exec(text)?.index ?? end) < end) ?? null;
}
