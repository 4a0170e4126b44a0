import type { Language } from '../i18n/language';
import { ShownTextView, useRecordText } from '../i18n/record-text';

/** A step's or commitment's subject: the record gives Vietnamese and English; Chinese is its translation. */
export function SubjectText({ subject, language }: { subject: { vi: string; en: string }; language: Language }) {
  const { show } = useRecordText(language);
  if (language !== 'zh') return subject[language];
  return <ShownTextView shown={show(subject.en)} language={language} />;
}
