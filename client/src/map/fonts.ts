import type { FontFacesSpecification } from 'maplibre-gl';
import type { FontFile } from './basemap-data';

/** The one font stack every label uses; its files cover Latin, Vietnamese and the Chinese we use. */
export const LABEL_FONT = 'Noto Sans Regular';

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
      })),
  };
}
