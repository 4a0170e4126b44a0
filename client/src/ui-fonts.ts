import { CJK_FALLBACK_FILES } from './cjk-fallback-fonts';
import type { FontFile } from './map/basemap-data';

/** Latin and Vietnamese faces (two weights) under one family; Chinese under its own. */
const UI_FONT_FAMILY = 'Border Atlas UI';
const UI_CJK_FONT_FAMILY = 'Border Atlas UI CJK';
/** Every other Chinese character, in files fetched only when one is drawn (cjk-fallback-fonts.ts). */
const UI_CJK_FALLBACK_FAMILY = 'Border Atlas UI CJK full';

/**
 * The page uses the same bundled Noto files as the map, so Vietnamese and Chinese render the same
 * on machines without CJK fonts. Chinese has one weight: kept in a family of its own, bold text
 * falls back to it (synthesised) instead of matching no face and drawing boxes.
 */
function uiFontFaceCss(files: readonly FontFile[]): string {
  return files
    .map((file) => {
      const family = file.family === 'Noto Sans SC' ? UI_CJK_FONT_FAMILY : UI_FONT_FAMILY;
      return `@font-face{font-family:'${family}';src:url('/basemap/fonts/${file.file}') format('woff2');font-weight:${file.weight ?? 400};font-display:swap;unicode-range:${file.unicodeRange};}`;
    })
    .concat(
      CJK_FALLBACK_FILES.map(
        (file) =>
          `@font-face{font-family:'${UI_CJK_FALLBACK_FAMILY}';src:url('${file.url}') format('woff2');font-weight:400;font-display:swap;unicode-range:${file.unicodeRange};}`,
      ),
    )
    .join('\n');
}

export function registerUiFonts(files: readonly FontFile[]) {
  if (document.getElementById('ui-fonts')) return;
  const style = document.createElement('style');
  style.id = 'ui-fonts';
  style.textContent = uiFontFaceCss(files);
  document.head.append(style);
}
