/** The UI's languages: Vietnamese first, then English and Chinese. */
export type Language = 'vi' | 'en' | 'zh';
const LANGUAGES: readonly Language[] = ['vi', 'en', 'zh'];
export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);
