import { CJK_FALLBACK_FILES } from './cjk-fallback-fonts';
import type { FontFile } from './map/basemap-data';
import { BUNDLED_FONTS_STYLE_ID, bundledFontFaceCss } from './ui-font-faces';

const UI_CJK_FALLBACK_FAMILY = 'Border Atlas UI CJK full';

/** The rest of Chinese: every other character, in files fetched only when one is drawn (cjk-fallback-fonts.ts). */
function fallbackFontFaceCss(): string {
  return CJK_FALLBACK_FILES.map(
    (file) =>
      `@font-face{font-family:'${UI_CJK_FALLBACK_FAMILY}';src:url('${file.url}') format('woff2');font-weight:400;font-display:swap;unicode-range:${file.unicodeRange};}`,
  ).join('\n');
}

/** The page's fonts: the bundled ones where the page does not have them already (ui-font-faces.ts), then the fallback. */
export function registerUiFonts(files: readonly FontFile[]) {
  if (document.getElementById('ui-fonts')) return;
  if (!document.getElementById(BUNDLED_FONTS_STYLE_ID)) {
    const bundled = document.createElement('style');
    bundled.id = BUNDLED_FONTS_STYLE_ID;
    bundled.textContent = bundledFontFaceCss(files);
    document.head.append(bundled);
  }
  const style = document.createElement('style');
  style.id = 'ui-fonts';
  style.textContent = fallbackFontFaceCss();
  document.head.append(style);
}
