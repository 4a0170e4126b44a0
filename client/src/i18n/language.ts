/** The UI's languages: Vietnamese first, then English and Chinese. */
export type Language = 'vi' | 'en' | 'zh';
const LANGUAGES: readonly Language[] = ['vi', 'en', 'zh'];
export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** A language's `lang` attribute (Chinese as written in mainland China, as the record's Chinese names). */
export const htmlLang = (language: Language): string => (language === 'zh' ? 'zh-CN' : language);
