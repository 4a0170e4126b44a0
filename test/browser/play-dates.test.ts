import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import type { FeatureCollectionResponse } from '../../server/src/domain/api';
import { STATUS_BY_ID } from '../../server/src/domain/vocabulary';
import { readerIn } from '../helpers/map-canvas';
import { appInBrowser, artifactsDir, drawnOnDate, type MapHandle, openPage, openTools, waitForMapIdle } from './chromium';

const app = appInBrowser();

/** Lý Vạn goes from built to operating while the record plays; A Pa Chải is not on the map until the record knows it. */
const FEATURES = ['ly-van', 'a-pa-chai'];

/** Each feature's status on a date, as the API gives it (undefined: not in the record yet). */
async function statusesOn(asOf: string): Promise<Record<string, string | undefined>> {
  const answer = (await (
    await fetch(`${app.baseUrl}/api/features?asOf=${asOf}&id=${FEATURES.join(',')}`)
  ).json()) as FeatureCollectionResponse;
  return Object.fromEntries(FEATURES.map((id) => [id, answer.features.find((f) => f.id === id)?.properties.status ?? undefined]));
}

/** The colours drawn within 3 px of a feature's point, as [r, g, b]. */
async function coloursAt(page: Page, lngLat: [number, number]): Promise<number[][]> {
  const point = await page.evaluate((at) => (window.__borderAtlasMap as MapHandle).project(at), lngLat);
  return (await readerIn(page)).evaluate(
    async ({ x, y }) => {
      const { data, width } = await (window.__pixelsOf as NonNullable<Window['__pixelsOf']>)();
      const ratio = window.devicePixelRatio;
      const colours: number[][] = [];
      for (let dy = -3; dy <= 3; dy += 1)
        for (let dx = -3; dx <= 3; dx += 1) {
          const index = (Math.round((y + dy) * ratio) * width + Math.round((x + dx) * ratio)) * 4;
          colours.push([data[index], data[index + 1], data[index + 2]]);
        }
      return colours;
    },
    { x: point.x, y: point.y },
  );
}

/** How many pixels of a PNG saved through the export button have the operating colour (gates, zones drawn so). */
async function operatingPixelsInExport(page: Page, name: string): Promise<number> {
  await openTools(page);
  await page.getByLabel('Kích thước ảnh').selectOption('slide');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Xuất ảnh PNG' }).click(),
  ]);
  const path = join(artifactsDir, name);
  await download.saveAs(path);
  const dataUrl = `data:image/png;base64,${readFileSync(path).toString('base64')}`;
  const operating = STATUS_BY_ID.operating.color;
  return (await readerIn(page)).evaluate(
    async ({ png, hex }) => {
      const { data } = await (window.__pixelsOf as NonNullable<Window['__pixelsOf']>)(png);
      const want = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (want.every((value, channel) => Math.abs(data[i + channel] - value) <= 12)) count += 1;
      return count;
    },
    { png: dataUrl, hex: operating },
  );
}

const near = (colour: number[], hex: string) =>
  [1, 3, 5].every((at, channel) => Math.abs(colour[channel] - Number.parseInt(hex.slice(at, at + 2), 16)) <= 12);

describe('the record played through its dates ("Phát")', () => {
  it('draws each feature in its status of the date reached, and a feature only once the record knows it', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2023-03-01', app.outsideRequests);
    const position = ((await (await fetch(`${app.baseUrl}/api/features?id=a-pa-chai`)).json()) as FeatureCollectionResponse).features[0]
      .geometry?.coordinates as [number, number];
    const play = page.locator('.time-slider button.play');
    const shownDate = () => new URL(page.url()).searchParams.get('asOf') ?? '';
    const seen: { date: string; drawn: Record<string, unknown>; aPaChaiGreen: boolean; exported: number }[] = [];
    // Two stops on the way: while built (mid-2023), and once operating and A Pa Chải known (2026).
    for (const [index, from] of ['2023-06-01', '2026-03-01'].entries()) {
      // Played, and paused from the page itself on the render that reaches the date (the slider's aria-valuetext, watched as
      // React writes it: one 15-day tick at most past it, however slow the frames; the address is written once it settles).
      const reached = await page.evaluate(
        (target) =>
          new Promise<string>((resolve) => {
            const button = document.querySelector('.time-slider button.play') as HTMLButtonElement;
            const range = document.querySelector('.time-slider input[type="range"]') as HTMLInputElement;
            const observer = new MutationObserver(() => {
              const [day, month, year] = (range.getAttribute('aria-valuetext') ?? '').split('/');
              const date = year ? `${year}-${month}-${day}` : '9999-12-31';
              if (date < target) return;
              observer.disconnect();
              button.click();
              resolve(date);
            });
            observer.observe(range, { attributes: true, attributeFilter: ['aria-valuetext'] });
            button.click();
          }),
        from,
      );
      await expect.poll(shownDate).toBe(reached);
      await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
      await waitForMapIdle(page);
      const date = shownDate();
      const expected = await statusesOn(date);
      // What the map draws: the layers' own expression over the tile and the feature state the map was given.
      await expect
        .poll(async () => Object.fromEntries(await Promise.all(FEATURES.map(async (id) => [id, await drawnOnDate(page, app.baseUrl, id)]))))
        .toEqual(expected);
      const green = (await coloursAt(page, position)).some((colour) => near(colour, STATUS_BY_ID.operating.color));
      await page.screenshot({ path: join(artifactsDir, `play-${index + 1}-${date}.png`) });
      // The PNG export draws the same date: the features the record counts operating by then, in their colour.
      const exported = await operatingPixelsInExport(page, `play-${index + 1}-export.png`);
      seen.push({ date, drawn: expected, aPaChaiGreen: green, exported });
    }
    // The two stops differ as the documents say: Lý Vạn built, then operating; A Pa Chải absent, then drawn operating.
    expect(
      seen.map((stop) => stop.drawn),
      JSON.stringify(seen),
    ).toEqual([
      { 'ly-van': 'built', 'a-pa-chai': undefined },
      { 'ly-van': 'operating', 'a-pa-chai': 'operating' },
    ]);
    expect(seen.map((stop) => stop.aPaChaiGreen)).toEqual([false, true]);
    // More is operating by 2026 (Lý Vạn, A Pa Chải, Móng Cái…), and the export shows it; it shows 2023's operating gates too.
    expect(seen[0].exported).toBeGreaterThan(0);
    expect(seen[1].exported).toBeGreaterThan(seen[0].exported * 1.2);
    expect(await play.textContent()).toContain(text('play', 'vi'));
    await page.close();
  }, 240_000);
});
