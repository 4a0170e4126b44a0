/** A bundled font file as geodata/basemap/output/fonts/fonts.json lists it (served under /basemap/fonts). */
type BundledFont = { file: string; family: string; weight?: number; unicodeRange: string };

/** Latin and Vietnamese faces (two weights) under one family; Chinese under its own. */
const UI_FONT_FAMILY = 'Border Atlas UI';
const UI_CJK_FONT_FAMILY = 'Border Atlas UI CJK';

/**
 * @font-face rules for the bundled Noto files the page draws its words with, the same files as the map's, so
 * Vietnamese and Chinese render the same on machines without CJK fonts. Written into the page itself at build time
 * (vite.config.ts), so the first paint before any script already has them. Chinese has one weight: kept in a family
 * of its own, bold text falls back to it (synthesised) instead of matching no face and drawing boxes; it waits for
 * its file (font-display: block, a few milliseconds from the app's own server) rather than flash boxes.
 */
export function bundledFontFaceCss(files: readonly BundledFont[]): string {
  return files
    .map((file) => {
      const cjk = file.family === 'Noto Sans SC';
      return `@font-face{font-family:'${cjk ? UI_CJK_FONT_FAMILY : UI_FONT_FAMILY}';src:url('/basemap/fonts/${file.file}') format('woff2');font-weight:${file.weight ?? 400};font-display:${cjk ? 'block' : 'swap'};unicode-range:${file.unicodeRange};}`;
    })
    .join('\n');
}

/** The id of the page's <style> that holds them (the app adds it itself where the page lacks it, as in development). */
export const BUNDLED_FONTS_STYLE_ID = 'ui-fonts-bundled';
