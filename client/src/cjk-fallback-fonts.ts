import ranges from '@fontsource/noto-sans-sc/unicode.json';

/**
 * The whole of Noto Sans SC (@fontsource, 400), split by Google Fonts into ~100 files by unicode-range:
 * behind the project's own subset, for Chinese the record does not hold yet (an imported document, a new
 * place's name). The browser and MapLibre fetch a file only when a character in its range is drawn, so
 * nothing is downloaded until such text appears. SIL Open Font License 1.1.
 */
const FILE_URLS: Record<string, string> = import.meta.env
  ? import.meta.glob<string>('../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-[0-9]*-400-normal.woff2', {
      query: '?url',
      import: 'default',
      eager: true,
    })
  : // Outside Vite (a benchmark script building the style under tsx): no files to point at.
    {};

/** The subsets that are not Chinese (Latin, Vietnamese, Cyrillic): the project's Noto Sans draws those. */
const NOT_CJK = new Set(['latin', 'latin-ext', 'vietnamese', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext']);

export type CjkFallbackFile = { url: string; unicodeRange: string };

export const CJK_FALLBACK_FILES: readonly CjkFallbackFile[] = Object.entries(ranges as Record<string, string>).flatMap(
  ([subset, unicodeRange]) => {
    if (NOT_CJK.has(subset)) return [];
    const name = subset.replace(/^\[(\d+)\]$/, '$1');
    const url = Object.entries(FILE_URLS).find(([path]) => path.endsWith(`/noto-sans-sc-${name}-400-normal.woff2`))?.[1];
    return url ? [{ url, unicodeRange }] : [];
  },
);
