import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import { featureDetailResponse } from '../../server/src/domain/api';
import { projectRoot } from '../helpers/app';
import { artifactsDir, drawnOnDate, type MapHandle, openPage, signInThroughHeader, storeAppInBrowser, waitForMapIdle } from './chromium';

const app = storeAppInBrowser();
/** A document of our own in the seeds' style (the suggestions were not tuned on it). */
const minutes = readFileSync(join(projectRoot, 'test', 'fixtures', 'import', '2026-minutes-lao-cai.txt'), 'utf8');

const drawnStatus = (page: Page, id: string, property?: 'status' | 'upgradeStatus') => drawnOnDate(page, app.baseUrl, id, property);

describe('importing a new agreement', () => {
  it('pastes minutes, reviews every suggestion, adds a place by clicking the map, saves; the map shows the new steps as of the date', async () => {
    const { browser, baseUrl, db, credentials, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    expect(await page.locator('.import-open').count()).toBe(0); // visitors import nothing
    await signInThroughHeader(page, credentials);
    await page.locator('.import-open').click();
    const panel = page.locator('.import-panel');

    await panel.locator('#import-text').fill(minutes);
    await panel.locator('#import-kind').selectOption('minutes');
    await panel
      .locator('#import-titleVi')
      .fill('Biên bản Phiên họp lần thứ 11 Nhóm Công tác liên hợp Lào Cai, Lai Châu, Điện Biên, Tuyên Quang – Vân Nam');
    await panel
      .locator('#import-titleEn')
      .fill('Minutes of the 11th Joint Working Group, Lào Cai, Lai Châu, Điện Biên, Tuyên Quang – Yunnan');
    await panel.locator('#import-documentDate').fill('2026-11-18');
    await panel.locator('input[name="party-0"]').fill('Tỉnh Lào Cai');
    await panel.locator('input[name="party-1"]').fill('Tỉnh Vân Nam');
    await panel.getByRole('button', { name: text('readDocument', 'vi') }).click();

    // Segmented into the document's own structure, with suggestions to review.
    const clause = (path: string) => panel.locator(`.import-clause[data-clause-path="${path}"]`);
    await clause('I.2').waitFor();
    expect(await panel.locator('.import-clause').evaluateAll((items) => items.map((li) => li.getAttribute('data-clause-path')))).toEqual([
      '0',
      'I.1',
      'I.2',
      'II.1.a',
      'II.1.b',
      'II.2',
      'III.1',
      'III.2',
    ]);
    const card = (path: string, id: string) => clause(path).locator(`.suggestion[data-feature-id="${id}"]`);
    expect(await card('I.2', 'a-pa-chai').locator('select[name="status"]').inputValue()).toBe('announced');
    expect(await card('II.2', 'route-01-vn-1').locator('select[name="status"]').inputValue()).toBe('proposed');
    const save = panel.getByRole('button', { name: text('saveImport', 'vi') });
    expect(await save.isDisabled()).toBe(true); // nothing is saved before every suggestion is reviewed

    // Review: the pairing's "duy trì" is no step — changed to a mention; A Pa Chải's infrastructure
    // sentence rejected (its status is the ceremony); the rest accepted. A Pa Chải's quote mistyped first.
    await card('I.1', 'pairing-lao-cai-yunnan').locator('select[name="status"]').selectOption('');
    await card('I.2', 'a-pa-chai').locator('textarea[name="quote"]').fill('đã khai trương cửa khẩu song phương A Pa Chải');
    await card('II.1.b', 'a-pa-chai')
      .getByRole('button', { name: `✗ ${text('reject', 'vi')}` })
      .click();
    for (const [path, id] of [
      ['II.1.b', 'marker-2'],
      ['II.1.b', 'marker-3'],
      ['II.2', 'route-01-vn-1'],
    ]) {
      await card(path, id)
        .getByRole('button', { name: `✓ ${text('accept', 'vi')}` })
        .click();
    }
    expect(await card('I.2', 'a-pa-chai').getAttribute('class')).toContain('accept'); // changing a suggestion accepts it

    // Bản Vược – Bá Sái is not in the record: added as a new place, positioned by a click on the map.
    await clause('II.1.a')
      .getByRole('button', { name: `＋ ${text('addPlace', 'vi')}` })
      .click();
    const place = clause('II.1.a').locator('.new-place');
    await place.locator('input[name="placeName"]').fill('Bản Vược – Bá Sái');
    await place.locator('input[name="placeNameZh"]').fill('坝洒');
    await place.locator('select[name="placeKind"]').selectOption('gate_pair');
    await place.locator('select[name="placeProvince"]').selectOption('VN-02');
    await place.locator('select[name="placeStatus"]').selectOption('agreed');
    await place.locator('select[name="placeLevel"]').selectOption('bilateral');
    await place
      .locator('textarea[name="placeQuote"]')
      .fill(
        'Tỉnh Lào Cai và tỉnh Vân Nam tiếp tục thúc đẩy nâng cấp cửa khẩu phụ Bản Vược (Việt Nam) – Bá Sái (Trung Quốc) thành cửa khẩu chính',
      );
    await place.locator('button.pick').click();
    const target: [number, number] = [103.78, 22.62];
    const point = await page.evaluate((lngLat) => (window.__borderAtlasMap as MapHandle).project(lngLat), target);
    const canvas = await page.locator('.map canvas').boundingBox();
    if (!canvas) throw new Error('no map canvas');
    await page.mouse.click(canvas.x + point.x, canvas.y + point.y);
    await place.getByText('22.62', { exact: false }).waitFor();
    expect(await page.locator('.draft-place').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'import-review.png') });

    // The server refuses the mistyped quote; the refusal is shown on its card and nothing is saved.
    expect(await save.isDisabled()).toBe(false);
    const agreementsBefore = (await db.query('SELECT id FROM agreements')).length;
    await save.click();
    await card('I.2', 'a-pa-chai').locator('.field-error').waitFor();
    expect(await card('I.2', 'a-pa-chai').locator('.field-error').textContent()).toMatch(/not found in the text of clause/);
    expect((await db.query('SELECT id FROM agreements')).length).toBe(agreementsBefore);
    await card('I.2', 'a-pa-chai')
      .locator('textarea[name="quote"]')
      .fill(
        'Tỉnh Điện Biên và tỉnh Vân Nam đã tổ chức Lễ công bố mở cửa khẩu song phương A Pa Chải (Việt Nam) – Long Phú (Trung Quốc) ngày 20/01/2026',
      );
    await save.click();
    await panel.getByText(text('imported', 'vi')).first().waitFor();

    // Saved: the map as of the document's date draws the new steps and the new place (approximate).
    await panel.getByRole('button', { name: new RegExp(text('showOnMapAsOf', 'vi')) }).click();
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2026-11-18');
    await page.locator('.reader').waitFor();
    await waitForMapIdle(page);
    await expect.poll(() => drawnStatus(page, 'ban-vuoc-ba-sai'), { timeout: 20_000 }).toBe('agreed');
    // A Pa Chải operates as an opening; the bilateral gate's opening is announced: drawn as its upgrade ring.
    expect(await drawnStatus(page, 'a-pa-chai')).toBe('operating');
    expect(await drawnStatus(page, 'a-pa-chai', 'upgradeStatus')).toBe('announced');
    const placeDetail = featureDetailResponse.parse(await (await fetch(`${baseUrl}/api/features/ban-vuoc-ba-sai`)).json());
    expect(placeDetail.properties.approximate).toBe(true);
    expect(placeDetail.record.location?.precision).toBe('5km');
    expect(placeDetail.record.location?.coordinates[0]).toBeCloseTo(target[0], 1);
    expect(placeDetail.record.location?.coordinates[1]).toBeCloseTo(target[1], 1);
    await page.screenshot({ path: join(artifactsDir, 'import-saved.png') });

    // The day before, neither step exists yet.
    await page.locator('input.time-date').fill('2026-11-17');
    await waitForMapIdle(page, { needPoints: false });
    expect(await drawnStatus(page, 'ban-vuoc-ba-sai')).toBeUndefined();
    expect(await drawnStatus(page, 'a-pa-chai', 'upgradeStatus')).not.toBe('announced');

    // Steps recorded by the editor, citing the new clauses; the rejected suggestion left no trace.
    const aPaChai = featureDetailResponse.parse(await (await fetch(`${baseUrl}/api/features/a-pa-chai`)).json());
    const added = aPaChai.history.filter((step) => step.recordedBy === credentials.username);
    expect(added.map((step) => [step.date, step.status, step.clauseId])).toEqual([['2026-11-18', 'announced', '2026-11-18-minutes:I.2']]);
    const marker = featureDetailResponse.parse(await (await fetch(`${baseUrl}/api/features/marker-2`)).json());
    expect(marker.record.mentionedIn.map((m) => m.clauseId)).toContain('2026-11-18-minutes:II.1.b');
    expect(outsideRequests).toEqual([]);
    await page.close();
  }, 240_000);
});
