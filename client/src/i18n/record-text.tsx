import { indexTranslations, multilingualIn, type ShownText, shownIn, translationTableSchema } from '@domain/record-translations';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { fetchJson } from '../api/fetch-json';
import { htmlLang, type Language } from './language';
import { text as uiText } from './ui-text';

const EMPTY = indexTranslations([]);

/** The record's prose table, fetched once (it changes only with a release). */
function useTranslationIndex() {
  const table = useQuery({
    queryKey: ['translations'],
    queryFn: ({ signal }) => fetchJson('/api/translations', translationTableSchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(() => (table.data ? indexTranslations(table.data) : EMPTY), [table.data]);
}

/** The record's prose in one language: `show` for notes and briefing texts, `showName` for titles and names. */
export type RecordTextFns = {
  show: (value: string) => ShownText;
  showName: (value: { vi: string; en?: string | null; zh?: string | null }) => ShownText;
};

/** `show(text)`: a text of the record in the interface's language, or as written, said which. */
export function useRecordText(language: Language): RecordTextFns {
  const index = useTranslationIndex();
  const show = useCallback((value: string): ShownText => shownIn(index, value, language), [index, language]);
  const showName = useCallback(
    (value: { vi: string; en?: string | null; zh?: string | null }): ShownText => multilingualIn(index, value, language),
    [index, language],
  );
  return { show, showName };
}

/** A shown text as one string (for a tooltip, an option, a caption): a translation ends with its mark. */
export function asString(shown: ShownText, language: Language): string {
  return shown.translated ? `${shown.text} ${uiText('translatedMark', language)}` : shown.text;
}

/** After a translated text: says it is a translation, made with machine assistance, not the source's words. */
function TranslatedMark({ language }: { language: Language }) {
  return (
    <abbr className="translated" title={uiText('translatedWhy', language)}>
      {' '}
      {uiText('translatedMark', language)}
    </abbr>
  );
}

/** A shown text with its mark; a text left in another language says which, for screen readers and fonts. */
export function ShownTextView({ shown, language }: { shown: ShownText; language: Language }) {
  const other = shown.language && shown.language !== language ? shown.language : undefined;
  return (
    <>
      {other ? <span lang={htmlLang(other)}>{shown.text}</span> : shown.text}
      {shown.translated && <TranslatedMark language={language} />}
    </>
  );
}

/** A note, source or reason of the record in the interface's language (or as written, when not translated). */
export function RecordText({ text, language }: { text: string; language: Language }) {
  const { show } = useRecordText(language);
  return <ShownTextView shown={show(text)} language={language} />;
}

/** A title or name the record holds in several languages, in the interface's (translated where it has none). */
export function RecordName({ value, language }: { value: { vi: string; en?: string | null; zh?: string | null }; language: Language }) {
  const { showName } = useRecordText(language);
  return <ShownTextView shown={showName(value)} language={language} />;
}
