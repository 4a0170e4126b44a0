import { z } from 'zod';
import type { Agreement, FeatureRecord, Located, Province, StatusEvent } from './schemas';

/**
 * The record's own prose (notes, position sources, reasons, subjects, clause labels, titles) is written once,
 * in the language its editor wrote it in: English for the notes, Vietnamese for labels and briefings. Its
 * other languages live in one table, keyed by the original text (as gettext keys by its msgid), so the record
 * files are untouched and a text an editor adds later simply shows as written until it is translated.
 *
 * Every entry is a translation made with machine assistance and read by the record's editors, not a text from
 * a source: the UI marks it as such. Verbatim quotes inside a note stay in their language.
 */
const TEXT_LANGUAGES = ['vi', 'en', 'zh'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

const translationEntry = z.strictObject({
  /** The language the record holds the text in: its value is the key. */
  from: z.enum(TEXT_LANGUAGES),
  vi: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
  zh: z.string().min(1).optional(),
});
type TranslationEntry = z.infer<typeof translationEntry>;

export const translationTableSchema = z.array(translationEntry).superRefine((entries, context) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const original = entry[entry.from];
    if (!original) {
      context.addIssue({ code: 'custom', path: [index], message: `entry has no ${entry.from} text (its original)` });
      return;
    }
    if (seen.has(original)) context.addIssue({ code: 'custom', path: [index], message: `duplicate original: ${original}` });
    seen.add(original);
  });
});
export type TranslationTable = z.infer<typeof translationTableSchema>;

/**
 * A text of the record to show in a language: the text itself, or its translation, said to be one; `language`
 * is the language of `text` when it is known (an editor's new note is not in the table).
 */
export type ShownText = { text: string; translated: boolean; language?: TextLanguage };

/** Original text → entry, built once per table. */
export type TranslationIndex = ReadonlyMap<string, TranslationEntry>;

export function indexTranslations(table: TranslationTable): TranslationIndex {
  return new Map(table.map((entry) => [entry[entry.from] as string, entry]));
}

/**
 * `text` in `language`: the table's translation when it has one, else the text as the record holds it (an
 * untranslated text is never hidden nor guessed).
 */
export function shownIn(index: TranslationIndex, text: string, language: TextLanguage): ShownText {
  const entry = index.get(text);
  if (!entry) return { text, translated: false };
  const translation = entry.from !== language ? entry[language] : undefined;
  return translation ? { text: translation, translated: true, language } : { text, translated: false, language: entry.from };
}

/**
 * A name or title the record holds in several languages (`zh` may be null): the record's own words in the
 * language when it has them, else the table's translation of its Vietnamese (then English) text.
 */
export function multilingualIn(
  index: TranslationIndex,
  value: { vi: string; en?: string | null; zh?: string | null },
  language: TextLanguage,
): ShownText {
  const own = value[language];
  if (own) return { text: own, translated: false, language };
  const fromVi = shownIn(index, value.vi, language);
  if (fromVi.translated) return fromVi;
  if (value.en) {
    const fromEn = shownIn(index, value.en, language);
    if (fromEn.translated) return fromEn;
  }
  return { text: value.vi, translated: false, language: 'vi' };
}

/** A text of the record that the UI shows, with the language it is written in and where it is. */
export type RecordProse = {
  text: string;
  from: TextLanguage;
  where: string;
  /** The languages the table must give (the record holds the others itself); all but `from` when absent. */
  needs?: TextLanguage[];
};

type ProseSource = {
  agreements: Agreement[];
  features: FeatureRecord[];
  events: StatusEvent[];
  provinces: Province[];
};

function locatedProse(located: Located | null | undefined, where: string): RecordProse[] {
  if (!located) return [];
  const texts: RecordProse[] = [{ text: located.source, from: 'en', where: `${where}.source` }];
  if (located.marks) texts.push({ text: located.marks, from: 'en', where: `${where}.marks` });
  if (located.note) texts.push({ text: located.note, from: 'en', where: `${where}.note` });
  for (const other of located.alsoReported ?? []) {
    texts.push({ text: other.source, from: 'en', where: `${where}.alsoReported.source` });
    if (other.marks) texts.push({ text: other.marks, from: 'en', where: `${where}.alsoReported.marks` });
  }
  return texts;
}

/**
 * Every text of the record a reader sees that needs the other languages: the English notes, sources and
 * reasons; the English subjects' Chinese; titles and parties the record holds no Chinese for. (Clause labels
 * are structure, not wording: client/src/i18n/clause-label.ts makes their Chinese by rule.) `npm run
 * geodata:check` asks the table for each of them.
 */
export function recordProse(record: ProseSource): RecordProse[] {
  const texts: RecordProse[] = [];
  const en = (text: string | undefined, where: string) => {
    if (text) texts.push({ text, from: 'en', where });
  };
  for (const feature of record.features) {
    const at = `features/${feature.id}`;
    en(feature.note, `${at}.note`);
    en(feature.unlocated, `${at}.unlocated`);
    texts.push(...locatedProse(feature.location, `${at}.location`));
    feature.sides?.forEach((side, i) => {
      en(side.note, `${at}.sides[${i}].note`);
      texts.push(...locatedProse(side.location, `${at}.sides[${i}].location`));
    });
    feature.waypoints?.forEach((point, i) => {
      texts.push(...locatedProse(point.location, `${at}.waypoints[${i}].location`));
    });
    for (const relation of feature.relations) en(relation.note, `${at}.relations.${relation.type}.note`);
    for (const citation of feature.citations ?? []) en(citation.note, `${at}.citations.${citation.clauseId}.note`);
  }
  for (const event of record.events) {
    const at = `steps/${event.featureId}@${event.date}`;
    en(event.note, `${at}.note`);
    if (event.subject) texts.push({ text: event.subject.en, from: 'en', where: `${at}.subject`, needs: ['zh'] });
  }
  for (const agreement of record.agreements) {
    const at = `agreements/${agreement.id}`;
    en(agreement.note, `${at}.note`);
    en(agreement.datesSource, `${at}.datesSource`);
    if (!agreement.title.zh) texts.push({ text: agreement.title.vi, from: 'vi', where: `${at}.title`, needs: ['zh'] });
    agreement.parties.forEach((party, i) => {
      if (!party.name.zh) texts.push({ text: party.name.vi, from: 'vi', where: `${at}.parties[${i}]`, needs: ['zh'] });
    });
  }
  for (const province of record.provinces) en(province.mergedInto?.source, `provinces/${province.code}.mergedInto.source`);
  return texts;
}

/** Briefing texts the record ships (titles and step texts, in Vietnamese) that need English and Chinese. */
export function briefingProse(briefing: {
  id: string;
  title: { vi: string; en?: string };
  steps: { title: string; text: string }[];
}): RecordProse[] {
  const at = `briefings/${briefing.id}`;
  const texts: RecordProse[] = [
    { text: briefing.title.vi, from: 'vi', where: `${at}.title`, needs: briefing.title.en ? ['zh'] : ['en', 'zh'] },
  ];
  briefing.steps.forEach((step, i) => {
    texts.push({ text: step.title, from: 'vi', where: `${at}.steps[${i}].title` });
    if (step.text) texts.push({ text: step.text, from: 'vi', where: `${at}.steps[${i}].text` });
  });
  return texts;
}

/** Which languages `prose` lacks in the table (empty when it is fully translated). */
export function missingLanguages(index: TranslationIndex, prose: RecordProse): TextLanguage[] {
  const entry = index.get(prose.text);
  const needs = prose.needs ?? TEXT_LANGUAGES.filter((language) => language !== prose.from);
  return needs.filter((language) => !entry?.[language]);
}
