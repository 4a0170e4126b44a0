import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate, text } from '../../client/src/i18n/ui-text';
import { featureDetailResponse } from '../../server/src/domain/api';
import { artifactsDir, drawnOnDate, openPage, openTools, storeAppInBrowser, waitForMapIdle } from './chromium';

const app = storeAppInBrowser();

const detail = async (id: string) => featureDetailResponse.parse(await (await fetch(`${app.baseUrl}/api/features/${id}`)).json());
const drawnStatus = (page: Page, id: string) => drawnOnDate(page, app.baseUrl, id);

/** Another editor's session, outside the browser (a colleague saving at the same time). */
async function colleagueSession() {
  const response = await fetch(`${app.baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(app.credentials),
  });
  expect(response.status).toBe(200);
  const cookie = String(response.headers.get('set-cookie')).split(';')[0];
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

describe('recording a status change from the feature panel', () => {
  it('signs in, refuses an unfounded step beside its fields, survives a concurrent edit, saves, and the map redraws as of the date', async () => {
    const { browser, baseUrl, credentials, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/?feature=po-peo&asOf=2026-10-15', outsideRequests);
    const panel = page.locator('aside.panel[data-feature-id="po-peo"]');
    await panel.waitFor();
    // A visitor reads everything and changes nothing.
    expect(await page.locator('.record-step').count()).toBe(0);
    expect(await drawnStatus(page, 'po-peo')).toBe('agreed');

    // Sign in (in the header's tools): a wrong password is refused in the page's language, then the right one.
    await openTools(page);
    await page.getByRole('button', { name: text('signIn', 'vi') }).click();
    await page.locator('#sign-in-form input[name="username"]').fill(credentials.username);
    await page.locator('#sign-in-form input[name="password"]').fill('not the password');
    await page.locator('#sign-in-form button[type="submit"]').click();
    await page.getByText(text('wrongCredentials', 'vi')).waitFor();
    await page.locator('#sign-in-form input[name="password"]').fill(credentials.password);
    await page.locator('#sign-in-form button[type="submit"]').click();
    await page.locator('.editor-name').waitFor();
    expect(await page.locator('.editor-name').textContent()).toContain('Biên tập viên');

    // The form: nothing filled → each required field says so, nothing is sent.
    const before = await detail('po-peo');
    await page.locator('.record-step').click();
    const form = page.locator('form.step-form');
    await form.locator('button[type="submit"]').click();
    for (const field of ['date', 'status', 'agreementId', 'clauseId', 'quote']) {
      expect(await form.locator(`[data-field="${field}"] .field-error`).textContent()).toBe(text('required', 'vi'));
    }

    // Choosing the agreement fills the date of its document (a step carries it); another date is refused
    // beside its field, and so is a quote that is not the clause's words.
    await form.locator('#step-status').selectOption('announced');
    await form.locator('#step-level').selectOption('bilateral');
    await form.locator('#step-agreementId').selectOption('003');
    expect(await form.locator('#step-date').inputValue()).toBe(formatDate('2026-02-11', 'vi'));
    await form.locator('#step-date').fill('2026-10-15');
    await form.locator('#step-clauseId').selectOption('003:6.d');
    const clauseText = (await form.locator('.step-clause-text').textContent()) ?? '';
    expect(clauseText).toContain('Pò Peo');
    await form.locator('#step-quote').fill('đã chính thức mở cửa khẩu song phương Pò Peo');
    expect(await form.locator('.quote-check').textContent()).toContain(text('quoteNotFound', 'vi'));
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('[data-field="quote"] .field-error').textContent()).toBe(text('quoteNotFound', 'vi'));
    expect(await form.locator('[data-field="date"] .field-error').textContent()).toContain(text('dateNotDocument', 'vi'));
    expect(await form.locator('[data-field="date"] .field-error').textContent()).toContain('11/02/2026');
    await form.locator('#step-date').fill('2026-02-11');
    const quote = 'thúc đẩy thủ tục mở cửa khẩu song phương Pò Peo';
    await form.locator('#step-quote').fill(quote);
    expect(await form.locator('.quote-check').textContent()).toContain(text('quoteFound', 'vi'));
    expect((await detail('po-peo')).version).toBe(before.version);

    // Meanwhile a colleague records another step on the same feature: this save gets 409, shows the
    // current steps (theirs among them) and keeps what was typed.
    const colleague = await colleagueSession();
    // They cite the 2023 minutes (any of its words: this is a throw-away store) as the first proposal.
    const minutes = (await (await fetch(`${baseUrl}/api/agreements/004`)).json()) as { clauses: { id: string; text: { vi: string } }[] };
    const theirClause = minutes.clauses.find((c) => c.text.vi.length > 80) ?? minutes.clauses[0];
    const theirs = await fetch(`${baseUrl}/api/features/po-peo/steps`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: colleague.cookie, 'X-CSRF-Token': colleague.csrf, Origin: baseUrl },
      body: JSON.stringify({
        version: before.version,
        date: '2023-02-22',
        status: 'proposed',
        level: 'bilateral',
        evidence: 'stated',
        agreementId: '004',
        clauseId: theirClause.id,
        quote: theirClause.text.vi.slice(0, 60),
      }),
    });
    expect(theirs.status).toBe(201);
    await form.locator('button[type="submit"]').click();
    await form.getByText(text('conflict', 'vi')).waitFor();
    expect(await form.locator('.conflict-steps li').count()).toBe(before.history.length + 1);
    expect(await form.locator('.conflict-steps').textContent()).toContain('22/02/2023');
    expect(await form.locator('#step-quote').inputValue()).toBe(quote);
    await page.screenshot({ path: join(artifactsDir, 'edit-conflict.png') });
    // The panel has read the feature again (the colleague's step is in its history); saving now goes through.
    await page.waitForFunction((n) => document.querySelectorAll('aside.panel .timeline-step').length === n, before.history.length + 1);
    await form.locator('button[type="submit"]').click();
    await page.getByText(text('stepSaved', 'vi')).waitFor();
    const after = await detail('po-peo');
    expect(after.version).toBe(before.version + 2);
    expect(after.history.at(-1)).toMatchObject({ date: '2026-02-11', status: 'announced', quote, recordedBy: credentials.username });
    await page.waitForFunction((n) => document.querySelectorAll('aside.panel .timeline-step').length === n, before.history.length + 2);
    expect(await panel.textContent()).toContain(`${text('recordedBy', 'vi')} ${credentials.username}`);

    // The map, never reloaded, draws the new steps on their dates.
    await waitForMapIdle(page);
    await expect.poll(() => drawnStatus(page, 'po-peo'), { timeout: 20_000 }).toBe('announced');
    await page.screenshot({ path: join(artifactsDir, 'edit-saved.png') });
    await page.locator('input.time-date').fill('2024-01-01');
    await waitForMapIdle(page);
    expect(await drawnStatus(page, 'po-peo')).toBe('proposed');
    await page.locator('input.time-date').fill('2023-01-01');
    await waitForMapIdle(page, { needPoints: false }); // nothing near Pò Peo is recorded yet
    // Not drawn once the map has applied the date (queried features can trail it by a frame).
    await expect.poll(() => drawnStatus(page, 'po-peo')).toBeUndefined();

    // A misreading is corrected by a new cited step: the announced step stays, struck through, and the
    // map reads the correction.
    await page.locator('input.time-date').fill('2026-10-15');
    await waitForMapIdle(page);
    const announced = panel.locator('.timeline-step', { hasText: 'Đã công bố mở' });
    await announced.locator('.correct-step').click();
    const correction = page.locator('form.step-form');
    expect(await correction.locator('#step-clauseId').inputValue()).toBe('003:6.d');
    await correction.locator('#step-status').selectOption('agreed');
    await correction.locator('#step-level').selectOption('bilateral');
    await correction.locator('button[type="submit"]').click();
    expect(await correction.locator('[data-field="note"] .field-error').textContent()).toBe(text('required', 'vi'));
    await correction.locator('#step-note').fill('Điểm (6) chỉ nêu thúc đẩy thủ tục mở, chưa công bố mở.');
    await correction.locator('button[type="submit"]').click();
    await panel.locator('.timeline-step.corrected').waitFor();
    await panel.getByText(text('stepSaved', 'vi')).waitFor();
    expect(await panel.locator('.timeline-step.corrected').textContent()).toContain(text('correctedBy', 'vi'));
    expect(await panel.textContent()).toContain(text('corrects', 'vi'));
    await expect.poll(() => drawnStatus(page, 'po-peo'), { timeout: 20_000 }).toBe('agreed');
    await page.screenshot({ path: join(artifactsDir, 'edit-corrected.png') });

    // Signed out, the form is gone and the session changes nothing.
    await openTools(page);
    await page.getByRole('button', { name: text('signOut', 'vi') }).click();
    await page.getByRole('button', { name: text('signIn', 'vi') }).waitFor();
    expect(await page.locator('.record-step').count()).toBe(0);
    expect(outsideRequests).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('signing in on a phone', () => {
  it('opens the sign-in form inside a 390×844 screen, in Chinese, and signs in through it', async () => {
    const { browser, baseUrl, credentials, outsideRequests } = app;
    const page = await openPage(browser, baseUrl, '/?lang=zh', outsideRequests);
    await page.setViewportSize({ width: 390, height: 844 });
    await openTools(page);
    await page.getByRole('button', { name: text('signIn', 'zh') }).click();
    const form = page.locator('#sign-in-form');
    await form.waitFor();
    // Every field and button of the form lies within the screen (it once opened leftwards, off it).
    for (const box of [await form.boundingBox(), await form.locator('button[type="submit"]').boundingBox()]) {
      expect(box?.x).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    await form.locator('input[name="username"]').fill(credentials.username);
    await form.locator('input[name="password"]').fill(credentials.password);
    await form.locator('button[type="submit"]').click();
    await page.locator('.editor-name').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'sign-in-phone-zh.png') });
    expect(outsideRequests).toEqual([]);
    await page.close();
  }, 120_000);
});
