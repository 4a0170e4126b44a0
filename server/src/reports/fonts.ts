import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const fontsManifest = z.array(z.object({ family: z.string(), file: z.string(), weight: z.number().optional(), unicodeRange: z.string() }));

/**
 * @font-face rules for the fonts the app bundles (geodata/basemap/output/fonts, served under /basemap/fonts): a
 * printed report draws Vietnamese and Chinese on a machine without those fonts. None without a basemap folder.
 */
export function bundledFontFaces(basemapDir: string | undefined): string {
  const file = basemapDir ? join(basemapDir, 'fonts', 'fonts.json') : null;
  if (!file || !existsSync(file)) return '';
  return fontsManifest
    .parse(JSON.parse(readFileSync(file, 'utf8')))
    .map(
      (font) =>
        `@font-face{font-family:'${font.family}';src:url('/basemap/fonts/${font.file}') format('woff2');font-weight:${font.weight ?? 400};unicode-range:${font.unicodeRange};}`,
    )
    .join('\n');
}
