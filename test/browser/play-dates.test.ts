import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import type { FeatureCollectionResponse } from '../../server/src/domain/api';
import { STATUS_BY_ID } from '../../server/src/domain/vocabulary';
import { readerIn } from '../helpers/map-canvas';
import { appInBrowser, artifactsDir, drawnOnDate, type MapHandle, openPage, waitForMapIdle } from './chromium';

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

const near = (colour: number[], hex: string) =>
  [1, 3, 5].every((at, channel) => Math.abs(colour[channel] - Number.parseInt(hex.slice(at, at + 2), 16)) <= 12);

describe('the record played through its dates ("Phát")', () => {
  it('draws each feature in its status of the date reached, and a feature only once the record knows it', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2023-03-01', app.outsideRequests);
    const position = ((await (await fetch(`${app.baseUrl}/api/features?id=a-pa-chai`)).json()) as FeatureCollectionResponse).features[0]
      .geometry?.coordinates as [number, number];
    const play = page.locator('.time-slider button.play');
    const shownDate = () => new URL(page.url()).searchParams.get('asOf') ?? '';
    const seen: { date: string; drawn: Record<string, unknown>; aPaChaiGreen: boolean }[] = [];
    // Two stops on the way: while built (mid-2023), and once operating and A Pa Chải known (2026).
    for (const [index, from] of ['2023-06-01', '2026-03-01'].entries()) {
      await play.click();
      await expect
        .poll(() => Number(shownDate().replaceAll('-', '')), { timeout: 60_000, interval: 50 })
        .toBeGreaterThanOrEqual(Number(from.replaceAll('-', '')));
      await play.click();
      expect(await play.getAttribute('aria-pressed')).toBe('false');
      await waitForMapIdle(page);
      const date = shownDate();
      const expected = await statusesOn(date);
      // What the map draws: the layers' own expression over the tile and the feature state the map was given.
      await expect
        .poll(async () => Object.fromEntries(await Promise.all(FEATURES.map(async (id) => [id, await drawnOnDate(page, app.baseUrl, id)]))))
        .toEqual(expected);
      const green = (await coloursAt(page, position)).some((colour) => near(colour, STATUS_BY_ID.operating.color));
      seen.push({ date, drawn: expected, aPaChaiGreen: green });
      await page.screenshot({ path: join(artifactsDir, `play-${index + 1}-${date}.png`) });
    }
    // The two stops differ as the documents say: Lý Vạn built, then operating; A Pa Chải absent, then drawn operating.
    expect(seen.map((stop) => stop.drawn)).toEqual([
      { 'ly-van': 'built', 'a-pa-chai': undefined },
      { 'ly-van': 'operating', 'a-pa-chai': 'operating' },
    ]);
    expect(seen.map((stop) => stop.aPaChaiGreen)).toEqual([false, true]);
    expect(await play.textContent()).toContain(text('play', 'vi'));
    await page.close();
  });
});
