/** What the map of a page draws, as a user would see it: its pixels and the features a layer draws. */
import type { Page } from 'playwright-core';
import type { MapHandle } from '../browser/chromium';

/** Every 97th pixel of the map's canvas, as "r,g,b". */
export async function canvasSamples(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const canvas = window.__borderAtlasMap?.getCanvas();
    if (!canvas) throw new Error('no map canvas');
    const image = new Image();
    image.src = canvas.toDataURL('image/png');
    await image.decode();
    const copy = document.createElement('canvas');
    copy.width = image.width;
    copy.height = image.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const samples: string[] = [];
    for (let index = 0; index < data.length; index += 4 * 97) samples.push(`${data[index]},${data[index + 1]},${data[index + 2]}`);
    return samples;
  });
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
