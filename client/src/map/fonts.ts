import type { ExpressionSpecification, FontFacesSpecification } from 'maplibre-gl';
import { CJK_FALLBACK_FILES } from '../cjk-fallback-fonts';
import type { FontFile } from './basemap-data';

/** The one font stack every label uses; its files cover Latin, Vietnamese and the Chinese we use. */
export const LABEL_FONT = 'Noto Sans Regular';

/** Style state every label size is multiplied by: 1 at a desk, larger on a projector. */
export const LABEL_SCALE_STATE = 'labelScale';
/** Labels in presentation mode: legible from the back of a meeting room. */
export const PRESENTATION_LABEL_SCALE = 1.5;

/** A label size (a number or a non-zoom expression) times the label scale. */
export const scaledLabel = (size: number | ExpressionSpecification): ExpressionSpecification => [
  '*',
  ['global-state', LABEL_SCALE_STATE],
  size,
];

/**
 * MapLibre 6 draws labels from these files through the browser (no glyph server): each file
 * is downloaded only when a character in its unicode-range is drawn.
 */
export function fontFaces(files: readonly FontFile[], baseUrl: string): FontFacesSpecification {
  return {
    [LABEL_FONT]: files
      .filter((file) => (file.weight ?? 400) === 400)
      .map((file) => ({
        url: new URL(`/basemap/fonts/${file.file}`, baseUrl).href,
        'unicode-range': file.unicodeRange.split(',').map((range) => range.trim()),
      }))
      // MapLibre takes the first file that covers a character: the project's subset first, then the rest
      // of Chinese (names the record gains later, as an import's new places).
      .concat(
        CJK_FALLBACK_FILES.map((file) => ({
          url: new URL(file.url, baseUrl).href,
          'unicode-range': file.unicodeRange.split(',').map((range) => range.trim()),
        })),
      ),
  };
}
