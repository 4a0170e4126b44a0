import type { Language } from './language';

/** The parts of a clause's English label ("Section II, item 1, sub-item a") in Chinese, by rule. */
const PART_RULES: [RegExp, (...groups: string[]) => string][] = [
  [/^Section ([IVXLC]+|\d+)$/, (n) => `第${n}部分`],
  [/^Part (\d+)$/, (n) => `第${n}部分`],
  [/^[Ii]tem \((\d+)\)$/, (n) => `第(${n})点`],
  [/^[Ii]tem (\S+)$/, (n) => `第${n}点`],
  [/^[Ss]ub-item (\S+)$/, (n) => `${n}目`],
  [/^[Pp]aragraph (\S+)$/, (n) => `第${n}段`],
  [/^[Hh]eading (\S+)$/, (n) => `标题${n}`],
  [/^[Bb]ullet (\d+)$/, (n) => `第${n}个要点`],
  [/^Request (\d+)$/, (n) => `第${n}项请求`],
  [/^[Pp]reamble$/, () => '序言'],
  [/^Closing$/, () => '结尾'],
  [/^Opening paragraph$/, () => '开头段'],
  [/^introduction$/, () => '引言'],
  [/^final paragraph$/, () => '最后一段'],
  [/^Subject line$/, () => '事由'],
  [/^closing common part$/, () => '结尾共同部分'],
  [/^(.+) part$/, (name) => `${name}部分`],
];

/**
 * A clause's label in the language shown. The record gives Vietnamese and English; Chinese is made from
 * the English by the rules above — labels are structure (section, item, paragraph), not wording — and a
 * part no rule knows stays in English rather than being guessed.
 */
export function clauseLabelIn(label: { vi: string; en: string }, language: Language): string {
  if (language !== 'zh') return label[language];
  return label.en
    .split(', ')
    .map((part) => {
      for (const [pattern, make] of PART_RULES) {
        const match = pattern.exec(part);
        if (match) return make(...match.slice(1));
      }
      return part;
    })
    .join('，');
}
