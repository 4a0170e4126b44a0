import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDate, text } from '../../client/src/i18n/ui-text';
import { artifactsDir, openPage, openTab, signInThroughHeader, storeAppInBrowser } from './chromium';

const app = storeAppInBrowser();

afterAll(() => {
  expect(app.outsideRequests).toEqual([]);
});

describe('briefings for a visitor', () => {
  it('plays a briefing and offers its PDF pack, but no control that changes briefings', async () => {
    const { browser, baseUrl, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/?briefing=a-pa-chai-long-phu&step=1', outsideRequests);
    const player = page.locator('.briefing-player');
    await player.waitFor();
    await openTab(page, 'briefings');
    await page.locator('.briefings li[data-briefing-id="lang-son-2023-2026"]').waitFor();
    expect(await page.locator('.briefings li').count()).toBe(2);
    // Playing: next step, the PDF pack and the JSON export are there.
    await player.getByRole('button', { name: text('nextStep', 'vi') }).click();
    await page.waitForFunction(() => document.querySelector('.briefing-player')?.getAttribute('data-step') === '2');
    expect(await player.getByRole('button', { name: text('exportPdf', 'vi') }).isEnabled()).toBe(true);
    expect(await player.locator('a.export-json').getAttribute('href')).toBe('/api/briefings/a-pa-chai-long-phu');
    // Changing: nothing to click, and a word on who can.
    expect(await player.getByRole('button', { name: text('edit', 'vi'), exact: true }).count()).toBe(0);
    expect(await page.locator('.new-briefing, .import-briefing, .delete-briefing, .briefing-editor').count()).toBe(0);
    expect(await page.getByLabel(text('newBriefing', 'vi')).count()).toBe(0);
    expect(await page.locator('.briefings-hint').textContent()).toBe(text('briefingsEditorsOnly', 'vi'));
    // And the API refuses a visitor's write anyway.
    const status = await page.evaluate(
      async () =>
        (
          await fetch('/api/briefings', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ title: { vi: 'X' }, steps: [] }),
          })
        ).status,
    );
    expect(status).toBe(401);
    await page.screenshot({ path: join(artifactsDir, 'briefings-visitor.png') });
    await page.close();
  });
});

describe('editing briefings', () => {
  it('signs in, creates a briefing, saves the current screen as steps, reorders and deletes a step, deletes it; a bad import is explained', async () => {
    const { browser, baseUrl, db, credentials, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/?feature=huu-nghi&asOf=2026-02-11&view=106.7,21.98,9', outsideRequests);
    await openTab(page, 'briefings');
    expect(await page.getByLabel(text('newBriefing', 'vi')).count()).toBe(0);
    await signInThroughHeader(page, credentials);
    await page.getByLabel('Tên buổi trình bày mới').fill('Hữu Nghị cho lãnh đạo');
    await page.getByLabel('Tên buổi trình bày mới').press('Enter');
    const player = page.locator('.briefing-player');
    await player.waitFor();
    await player.getByRole('button', { name: 'Sửa' }).click();
    const addStep = async (title: string) => {
      await player.getByLabel('Tiêu đề bước').fill(title);
      await player.getByRole('button', { name: 'Lưu màn hình hiện tại thành bước' }).click();
      await player.locator('.briefing-editor li', { hasText: title }).waitFor();
    };
    await addStep('Cổng Hữu Nghị');
    await addStep('Bối cảnh');
    await player.getByRole('button', { name: 'Lên: Bối cảnh' }).click();
    await page.waitForFunction(() => document.querySelector('.briefing-editor li')?.textContent?.startsWith('Bối cảnh'));
    await player.getByRole('button', { name: 'Xóa bước: Cổng Hữu Nghị' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.briefing-editor li').length === 1);
    const saved = await page.evaluate(async () => (await fetch('/api/briefings/huu-nghi-cho-lanh-dao')).json());
    expect(saved.steps).toHaveLength(1);
    expect(saved.steps[0]).toMatchObject({ title: 'Bối cảnh', feature: 'huu-nghi', filters: { asOf: '2026-02-11' }, view: { zoom: 9 } });
    await page.screenshot({ path: join(artifactsDir, 'briefings-editor.png') });

    await page.locator('.import-briefing input[type="file"]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ title: { vi: 'X' }, steps: [{ title: 'a', view: { lng: 999, lat: 0, zoom: 1 } }] })),
    });
    expect(await page.locator('.import-error').textContent()).toMatch(/bad\.json: .*"steps\.0\.view\.lng"/);

    // Deleted from the list, after confirming.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('.briefings li[data-briefing-id="huu-nghi-cho-lanh-dao"] .delete-briefing').click();
    await page.locator('.briefings li[data-briefing-id="huu-nghi-cho-lanh-dao"]').waitFor({ state: 'detached' });
    expect((await fetch(`${baseUrl}/api/briefings/huu-nghi-cho-lanh-dao`)).status).toBe(404);

    // Every change, by the signed-in editor, is in the store's log: created, five saves, deleted.
    const log = await db.query<{ actor: string; action: string }>(
      "SELECT actor, action FROM changes WHERE entity = 'briefing' AND entity_id = 'huu-nghi-cho-lanh-dao' ORDER BY id",
    );
    expect(log.map((entry) => entry.action)).toEqual(['create', 'replace', 'replace', 'replace', 'replace', 'delete']);
    expect(new Set(log.map((entry) => entry.actor))).toEqual(new Set([credentials.username]));
    await page.close();
  });
});

describe('the date on the map', () => {
  it('is stamped on the map, in presentation mode too (where the slider is hidden), clear of the legend and the card', async () => {
    const { browser, baseUrl, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/?briefing=a-pa-chai-long-phu&step=1&present=1', outsideRequests);
    await page.locator('.briefing-player').waitFor();
    const stamp = page.locator('.as-of-stamp');
    await expect.poll(() => stamp.getAttribute('data-as-of')).toBe('2024-07-09');
    expect(await stamp.textContent()).toBe(`${text('asOf', 'vi')} 09/07/2024`);
    expect(await stamp.isVisible()).toBe(true);
    expect(await page.locator('.time-slider').isVisible()).toBe(false);
    const boxes = await page.evaluate(() =>
      ['.as-of-stamp', '.legend', '.briefing-player', '.maplibregl-ctrl-top-right'].map((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box ? { left: box.left, right: box.right, top: box.top, bottom: box.bottom } : null;
      }),
    );
    await page.screenshot({ path: join(artifactsDir, 'presenting-as-of.png') });
    const [stampBox, ...others] = boxes;
    if (!stampBox) throw new Error('no stamp');
    for (const other of others) {
      if (!other || other.right === other.left) continue; // not shown
      const overlap =
        stampBox.left < other.right && other.left < stampBox.right && stampBox.top < other.bottom && other.top < stampBox.bottom;
      expect(overlap, JSON.stringify(boxes)).toBe(false);
    }
    await page.screenshot({ path: join(artifactsDir, 'presenting-as-of.png') });
    await page.close();
  });
});

describe('leaving a briefing', () => {
  /** The query of the page's URL, as name → value (the map's view left out: it moves with the map). */
  const query = (url: string) => Object.fromEntries([...new URL(url).searchParams].filter(([name]) => name !== 'view'));

  it('gives back the screen as it was before it: date, filters, selection; and says so', async () => {
    const { browser, baseUrl, outsideRequests } = app;
    const before = '/?kind=gate_pair,market&province=VN-04&asOf=2025-03-01&feature=tra-linh';
    const page = await openPage(browser, baseUrl, before, outsideRequests);
    await openTab(page, 'briefings');
    await expect.poll(() => query(page.url()).tab).toBe('briefings');
    const planned = query(page.url());
    expect(planned).toMatchObject({
      kind: 'gate_pair,market',
      province: 'VN-04',
      asOf: '2025-03-01',
      feature: 'tra-linh',
      tab: 'briefings',
    });
    await page.locator('.briefings li[data-briefing-id="lang-son-2023-2026"] button').first().click();
    const player = page.locator('.briefing-player');
    await player.waitFor();
    // The step applies its own screen (Lạng Sơn, 2023) …
    await expect.poll(() => query(page.url()).asOf).toBe('2023-02-22');
    expect(query(page.url()).province).toBe('VN-09');
    await player.getByRole('button', { name: text('nextStep', 'vi') }).click();
    await expect.poll(() => query(page.url()).feature).toBe('tan-thanh-po-chai');
    // … and leaving it gives the planner's back, with a word on it.
    await player.getByRole('button', { name: text('close', 'vi'), exact: true }).click();
    await expect.poll(() => query(page.url())).toEqual(planned);
    const notice = page.locator('.briefing-exit');
    expect(await notice.getAttribute('data-exit')).toBe('restored');
    expect(await notice.textContent()).toContain(text('briefingExitRestored', 'vi'));
    expect(await page.locator('input.time-date').inputValue()).toBe(formatDate('2025-03-01', 'vi')); // 01/03/2025
    await page.screenshot({ path: join(artifactsDir, 'briefing-left-restored.png') });
    await page.close();
  });

  it('opened from a link (no screen before it), leaving gives today’s map with no filter, and says so', async () => {
    const { browser, baseUrl, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/?briefing=a-pa-chai-long-phu&step=3&lang=en', outsideRequests);
    const player = page.locator('.briefing-player');
    await player.waitFor();
    await expect.poll(() => query(page.url()).agreement).toBe('000-vn,000-cn');
    await page.keyboard.press('Escape');
    await expect.poll(() => query(page.url())).toEqual({ lang: 'en' });
    const notice = page.locator('.briefing-exit');
    expect(await notice.getAttribute('data-exit')).toBe('today');
    expect(await notice.textContent()).toContain(text('briefingExitToday', 'en'));
    await page.close();
  });
});

describe('presenting on every screen', () => {
  it.each([
    ['phone', 390, 844],
    ['tablet', 1024, 768],
    ['laptop', 1440, 900],
  ])('on a %s (%i×%i) the card reads as text, its buttons within the screen, the date clear of it', async (name, width, height) => {
    const { browser, baseUrl, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/?briefing=a-pa-chai-long-phu&step=1&present=1', outsideRequests);
    await page.setViewportSize({ width, height });
    const player = page.locator('.briefing-player');
    await player.waitFor();
    await expect.poll(() => page.locator('.app.presenting').count()).toBe(1);
    const textBox = await player.locator('.briefing-text').boundingBox();
    expect(textBox?.width).toBeGreaterThan(300);
    // Lines of words, not a word per line: the step's text takes a few lines at most.
    const lineHeight = await player.locator('.briefing-text').evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    expect((textBox?.height ?? 0) / lineHeight).toBeLessThan(7);
    for (const button of await player.locator('.briefing-controls button').all()) {
      const box = await button.boundingBox();
      if (!box) throw new Error('a button of the card is not shown');
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
    const [card, stamp] = [await player.boundingBox(), await page.locator('.as-of-stamp').boundingBox()];
    if (!card || !stamp) throw new Error('card or date not shown');
    const overlap =
      card.x < stamp.x + stamp.width && stamp.x < card.x + card.width && card.y < stamp.y + stamp.height && stamp.y < card.y + card.height;
    expect(overlap).toBe(false);
    await page.screenshot({ path: join(artifactsDir, `presenting-${name}.png`) });
    // The next step by the card's own button.
    await player.getByRole('button', { name: text('nextStep', 'vi') }).click();
    await expect.poll(() => player.getAttribute('data-step')).toBe('2');
    await page.close();
  });
});
