/** What the map of a page draws, as a user would see it: its pixels and the features a layer draws. */
import type { Page } from 'playwright-core';
import type { MapHandle } from '../browser/chromium';

declare global {
  interface Window {
    /** The pixels of the map's canvas, or of a PNG given as a data URL, read through a 2D copy (installed by readerIn). */
    __pixelsOf?: (png?: string) => Promise<{ data: Uint8ClampedArray; width: number; height: number }>;
  }
}

/** Installs `window.__pixelsOf` in the page (once): the one place tests read what the map, or an export, drew. */
export async function readerIn(page: Page): Promise<Page> {
  await page.evaluate(() => {
    window.__pixelsOf ??= async (png?: string) => {
      const image = new Image();
      if (png) image.src = png;
      else {
        const canvas = window.__borderAtlasMap?.getCanvas();
        if (!canvas) throw new Error('no map canvas');
        image.src = canvas.toDataURL('image/png');
      }
      await image.decode();
      const copy = document.createElement('canvas');
      copy.width = image.width;
      copy.height = image.height;
      const context = copy.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      return { data: context.getImageData(0, 0, copy.width, copy.height).data, width: copy.width, height: copy.height };
    };
  });
  return page;
}

/** Every 97th pixel of the map's canvas (or of a PNG given as a data URL), as "r,g,b". */
export async function canvasSamples(page: Page, png?: string): Promise<string[]> {
  return (await readerIn(page)).evaluate(async (source) => {
    const { data } = await (window.__pixelsOf as NonNullable<Window['__pixelsOf']>)(source);
    const samples: string[] = [];
    for (let index = 0; index < data.length; index += 4 * 97) samples.push(`${data[index]},${data[index + 1]},${data[index + 2]}`);
    return samples;
  }, png);
}

/** The share of samples that differ between two drawings of the same view. */
export const shareDiffering = (a: string[], b: string[]) => a.filter((sample, index) => sample !== b[index]).length / a.length;

/** How many features a layer of the map draws now (0 for a layer the style does not have, or hides). */
export const drawnIn = (page: Page, layer: string) =>
  page.evaluate((id) => {
    const map = window.__borderAtlasMap as MapHandle & { getLayer(id: string): unknown };
    return map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : 0;
  }, layer);

/** The notice on the map that the deployment's own basemap failed and the embedded one is drawn instead. */
export const basemapFallbackNotice = (page: Page) => page.locator('.basemap-fallback');
/** The legend's line naming the basemap drawn (none for the embedded one). */
export const legendBasemap = (page: Page) => page.locator('[data-legend="basemap"]');
