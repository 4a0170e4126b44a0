import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import { artifactsDir, openPage, signInThroughHeader, storeAppInBrowser } from './chromium';

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
