import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportedOn, text } from '../../client/src/i18n/ui-text';
import type { FeatureDetailResponse } from '../../server/src/domain/api';
import type { Briefing } from '../../server/src/domain/briefings';
import { normalizeText } from '../../server/src/domain/text';
import { STATUS_BY_ID } from '../../server/src/domain/vocabulary';
import { loadRealRecord, projectRoot } from '../helpers/app';
import {
  artifactsDir,
  drawnOnDate,
  launchChromium,
  type MapHandle,
  openPage,
  openTab,
  openTools,
  startAppServer,
  waitForMapIdle,
} from './chromium';

let server: Server;
let baseUrl: string;
let browser: Browser;
const outsideRequests: string[] = [];
const record = loadRealRecord();

beforeAll(async () => {
  ({ server, baseUrl } = await startAppServer());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Kinds of the features the map currently draws from the record source. */
async function drawnKinds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__borderAtlasMap as MapHandle;
    const layers = ['record-points', 'record-markers', 'record-routes', 'record-routes-planned', 'record-pairings', 'record-zones'];
    return [...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.kind)))].sort();
  });
}

/** WCAG contrast ratio of two CSS colours as Chromium computes them: rgb(…) or color(srgb …). */
function contrast(first: string, second: string): number {
  const channels = (css: string) => {
    const numbers = (css.match(/[\d.]+/g) ?? []).map(Number);
    return css.startsWith('color(') ? numbers.slice(0, 3) : numbers.slice(0, 3).map((n) => n / 255);
  };
  const luminance = (css: string) => {
    const [r, g, b] = channels(css).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the planner’s filters, time and links', () => {
  it('filters change what is drawn and what is listed, together', async () => {
    const page = await openPage(browser, baseUrl, '/?kind=gate_pair', outsideRequests);
    await openTab(page, 'filters');
    const gatePairs = record.features.filter((f) => f.kind === 'gate_pair').length;
    expect(await page.locator('.results li').count()).toBe(gatePairs);
    expect(await drawnKinds(page)).toEqual(['gate_pair']);
    await page.getByRole('checkbox', { name: 'Cầu biên giới', exact: true }).check();
    await waitForMapIdle(page);
    const bridges = record.features.filter((f) => f.kind === 'bridge').length;
    // The list follows in a deferred render, the address bar once the input settles.
    await expect.poll(() => page.locator('.results li').count()).toBe(gatePairs + bridges);
    expect(await drawnKinds(page)).toEqual(['bridge', 'gate_pair']);
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('gate_pair,bridge');
    await page.screenshot({ path: join(artifactsDir, 'filter-gates-bridges.png') });

    // A referenced document (text not held) is a filter too: the Bản Giốc agreement gives the Bản Giốc area.
    await page.getByRole('checkbox', { name: 'Cầu biên giới', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'Cặp cửa khẩu', exact: true }).uncheck();
    const referenced = page.locator('fieldset', { hasText: 'Văn bản được dẫn chiếu' });
    await referenced.getByRole('checkbox', { name: /thác Bản Giốc \(Đức Thiên\)/ }).check();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('agreement') === 'ref-ban-gioc-agreement');
    await expect
      .poll(() => page.locator('.results li .result').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-feature-id'))))
      .toEqual(['ban-gioc-detian-area']);
    await page.close();
  });

  it('moving the date turns the Tân Thanh – Pò Chài road from built (2023, procedures under way) to operating (2026)', async () => {
    const page = await openPage(browser, baseUrl, '/?asOf=2023-06-01&kind=special_road', outsideRequests);
    await openTab(page, 'filters');
    const swatch = page.locator('.result[data-feature-id="tan-thanh-po-chai"] .swatch');
    expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(STATUS_BY_ID.built.color));
    // The status the drawn road has on the map's date: its properties hold every state, and the
    // style's own expression, evaluated with the map's global state, picks the one it draws.
    const drawnStatus = () => drawnOnDate(page, baseUrl, 'tan-thanh-po-chai');
    expect(await drawnStatus()).toBe('built');
    await page.screenshot({ path: join(artifactsDir, 'time-2023.png') });

    await page.locator('input.time-date').fill('2026-03-01');
    await waitForMapIdle(page);
    expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(STATUS_BY_ID.operating.color));
    expect(await drawnStatus()).toBe('operating');
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe('2026-03-01');
    await page.screenshot({ path: join(artifactsDir, 'time-2026.png') });
    await page.close();
  });

  it('the changes tab, opened from a link, lists what changed between its two dates with the clause, counts them and marks them on the map', async () => {
    const page = await openPage(browser, baseUrl, '/?tab=changes&changesFrom=2023-06-01&changesTo=2026-03-01', outsideRequests);
    const from = page.getByLabel(text('from', 'vi'), { exact: true });
    expect(await from.inputValue()).toBe('01/06/2023'); // as the interface writes dates, whatever the browser's locale
    const change = page.locator('.changes li[data-feature-id="tan-thanh-po-chai"]');
    expect(await change.textContent()).toContain('003:6.a');
    expect(await change.textContent()).toContain('đã chính thức đi vào hoạt động');
    const changed = (await (await fetch(`${baseUrl}/api/changes?from=2023-06-01&to=2026-03-01&limit=1`)).json()) as { total: number };
    const count = page.locator('.changes-count');
    expect(await count.getAttribute('data-total')).toBe(String(changed.total));
    expect(await count.textContent()).toBe(`${changed.total} đối tượng thay đổi từ 01/06/2023 đến 01/03/2026, được đánh dấu trên bản đồ.`);
    expect(await page.locator('.sidebar-tab[data-tab="changes"] .tab-count').textContent()).toBe(String(changed.total));
    const marked = () =>
      page.evaluate(() => {
        const map = window.__borderAtlasMap as MapHandle & {
          getFeatureState(feature: { source: string; sourceLayer: string; id: string }): Record<string, unknown>;
        };
        return ['tan-thanh-po-chai', 'a-pa-chai', 'hoanh-mo'].filter(
          (id) => map.getFeatureState({ source: 'record-features', sourceLayer: 'record', id }).highlighted === true,
        );
      });
    await waitForMapIdle(page);
    // Hoành Mô stays as the 2023 minutes left it (under construction, audit-2 B-D1): not a change, not marked.
    await expect.poll(marked).toEqual(['tan-thanh-po-chai', 'a-pa-chai']);
    await page.screenshot({ path: join(artifactsDir, 'changes-from-link.png') });
    // Every status's words read on its badge (WCAG AA: 4.5:1), the light colours too.
    const badges = await page.locator('.changes .status-badge').evaluateAll((elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        return { status: element.getAttribute('data-status'), color: style.color, background: style.backgroundColor };
      }),
    );
    expect(new Set(badges.map((badge) => badge.status)).size).toBeGreaterThan(3);
    for (const badge of badges) expect(contrast(badge.color, badge.background), JSON.stringify(badge)).toBeGreaterThanOrEqual(4.5);
    // A narrower span changes fewer features, and the address follows; another tab leaves the map unmarked.
    await from.fill('2026-01-01');
    await expect.poll(() => new URL(page.url()).searchParams.get('changesFrom')).toBe('2026-01-01');
    await expect.poll(async () => Number(await count.getAttribute('data-total'))).toBeLessThan(changed.total);
    await openTab(page, 'progress');
    await expect.poll(marked).toEqual([]);
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBeNull();
    await page.close();
  });

  it('a copied link restores the same screen: filters, date, selection, language and the open tab', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    await openTab(page, 'filters');
    await page.getByRole('checkbox', { name: 'Cặp cửa khẩu', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Cao Bằng', exact: true }).check();
    await page.locator('input.time-date').fill('2024-01-01');
    await page.locator('.result[data-feature-id="tra-linh"]').click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('aside.panel[data-feature-id="tra-linh"]').waitFor();
    await page.locator('button.maplibregl-ctrl-zoom-in').click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('view'));
    await waitForMapIdle(page);
    const zoomBefore = await page.evaluate(() => (window.__borderAtlasMap as unknown as { getZoom(): number }).getZoom());
    // The address bar takes the view once the map has settled.
    await expect.poll(() => Number(new URL(page.url()).searchParams.get('view')?.split(',')[2])).toBeCloseTo(zoomBefore, 1);
    const link = page.url();
    expect(new URL(link).searchParams.get('view')).toMatch(/^\d+\.\d{4},\d+\.\d{4},\d+\.\d{2}$/);
    const listed = await page.locator('.results li').allTextContents();
    await page.close();

    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const fresh = await context.newPage();
    await fresh.goto(link);
    await waitForMapIdle(fresh);
    await fresh.locator('aside.panel[data-feature-id="tra-linh"]').waitFor();
    expect(await fresh.locator('.sidebar-tab[data-state="active"]').getAttribute('data-tab')).toBe('filters');
    expect(await fresh.locator('.results li').allTextContents()).toEqual(listed);
    expect(await fresh.getByRole('checkbox', { name: 'Border gate pair', exact: true }).isChecked()).toBe(true);
    expect(await fresh.getByRole('checkbox', { name: 'Cao Bằng', exact: true }).count()).toBe(0); // labels are in English now
    expect(await fresh.getByRole('checkbox', { name: 'Cao Bang', exact: true }).isChecked()).toBe(true);
    expect(await fresh.locator('input.time-date').inputValue()).toBe('1 Jan 2024'); // the English form, not mm/dd/yyyy
    expect(await fresh.locator('h1').textContent()).toBe('Northern border cooperation atlas');
    const zoomAfter = await fresh.evaluate(() => (window.__borderAtlasMap as unknown as { getZoom(): number }).getZoom());
    expect(zoomAfter).toBeCloseTo(zoomBefore, 1);
    await fresh.screenshot({ path: join(artifactsDir, 'restored-link.png') });
    await context.close();
    expect(outsideRequests).toEqual([]);
  });
});

describe('two-way links between the map and the agreements', () => {
  it('a timeline step opens its clause in the document, and the clause shows its features on the map', async () => {
    const page = await openPage(browser, baseUrl, '/?feature=chi-ma', outsideRequests);
    await page.locator('aside.panel[data-feature-id="chi-ma"] .timeline .clause-link', { hasText: '003:6.c' }).first().click();
    const clause = page.locator('aside.reader li.clause[data-clause-id="003:6.c"]');
    await clause.waitFor();
    expect(await clause.textContent()).toContain('Chi Ma - Ái Điểm lên thành cửa khẩu quốc tế');
    expect(new URL(page.url()).searchParams.get('doc')).toBe('003');

    // Opening a clause selects it: the features it names are outlined on the map.
    await waitForMapIdle(page);
    const highlighted = () =>
      page.evaluate(() => {
        const map = window.__borderAtlasMap as MapHandle & {
          getFeatureState(feature: { source: string; sourceLayer: string; id: string }): Record<string, unknown>;
        };
        return ['chi-ma', 'co-sa', 'huu-nghi', 'binh-nghi', 'lung-lan'].filter(
          (id) => map.getFeatureState({ source: 'record-features', sourceLayer: 'record', id }).highlighted === true,
        );
      });
    expect(await highlighted()).toEqual(['chi-ma', 'co-sa', 'huu-nghi', 'binh-nghi']);
    expect(new URL(page.url()).searchParams.get('clause')).toBe('003:6.c');
    await page.screenshot({ path: join(artifactsDir, 'clause-highlight.png') });
    const toggle = clause.getByRole('button', { name: /Xem trên bản đồ/ });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('clause'));
    expect(await highlighted()).toEqual([]);

    await clause.getByRole('button', { name: 'Bình Nghi – Bình Nhi Quan' }).click();
    await page.locator('aside.panel[data-feature-id="binh-nghi"]').waitFor();
    await page.close();
  });

  it('a panel says when its status was last reported and what it rests on (Căn cứ), each opening in the reader', async () => {
    const detail = (await (await fetch(`${baseUrl}/api/features/ban-gioc-detian-area`)).json()) as FeatureDetailResponse;
    const page = await openPage(browser, baseUrl, '/?feature=ban-gioc-detian-area', outsideRequests);
    const panel = page.locator('aside.panel[data-feature-id="ban-gioc-detian-area"]');
    // "theo văn bản 11/02/2026": the date of the document the status is last reported in, titled by it.
    const reported = panel.locator('.current .reported-on');
    expect(await reported.textContent()).toBe(reportedOn(detail.properties.since as string, 'vi'));
    expect(await reported.textContent()).toMatch(/^theo văn bản \d{2}\/\d{2}\/\d{4}$/);
    await page.waitForFunction(() => document.querySelector('aside.panel .current .reported-on')?.getAttribute('title'));
    expect(await reported.getAttribute('title')).toContain(`(${detail.properties.reportedIn})`);

    // Căn cứ: the Bản Giốc agreement (text not held), cited in a clause of a held document.
    const basis = panel.locator('.basis li[data-agreement-id="ref-ban-gioc-agreement"]');
    const cited = detail.basis.find((entry) => entry.agreementId === 'ref-ban-gioc-agreement');
    expect(cited).toBeDefined();
    expect(await panel.locator('.basis h3').textContent()).toBe(text('basis', 'vi'));
    expect(await basis.textContent()).toContain(cited?.agreementTitle.vi);
    expect(await basis.textContent()).toContain(`${text('citedIn', 'vi')} ${cited?.clauseId}`);
    await page.screenshot({ path: join(artifactsDir, 'panel-basis.png') });

    // The citing clause opens in its document; the referenced one lists what it is cited about.
    await basis.locator('.clause-link', { hasText: cited?.clauseId }).click();
    await page.locator(`aside.reader li.clause[data-clause-id="${cited?.clauseId}"]`).waitFor();
    await page.locator('aside.reader .close').click();
    await basis.getByRole('button', { name: cited?.agreementTitle.vi }).click();
    const citedAbout = page.locator(
      `aside.reader[data-agreement-id="ref-ban-gioc-agreement"] .cited-about li[data-clause-id="${cited?.clauseId}"]`,
    );
    await citedAbout.getByRole('button', { name: detail.properties.name.vi }).click();
    await panel.waitFor();
    await page.close();
  });

  it('the agreements list opens a document with its Chinese text where held', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    await openTab(page, 'documents');
    await page.locator('.agreements li[data-agreement-id="001-mou"] button').click();
    const clause = page.locator('aside.reader li.clause[data-clause-id="001-mou:II.2"]');
    await clause.waitFor();
    expect(await clause.locator('.clause-text.zh').textContent()).toContain('东兴—芒街');
    await page.close();
  });
});

describe('by keyboard only', () => {
  it('skip links come first and reach the map (with a visible focus ring) and the results; Escape closes the panel and gives the focus back', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          text: element?.textContent ?? '',
          tag: element?.tagName ?? '',
          feature: element?.getAttribute('data-feature-id') ?? null,
          outline: element ? getComputedStyle(element).outlineStyle : '',
        };
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: text('skipToMap', 'vi') });
    expect(await page.locator('.skip-links a:focus').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'CANVAS', outline: 'solid' });

    // From the top again: the second link, to the first result; Enter opens it, Escape closes it and the focus is back.
    await page.locator('.skip-links a').first().focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: text('skipToResults', 'vi') });
    await page.keyboard.press('Enter');
    const first = await focused();
    expect(first.tag).toBe('BUTTON');
    expect(first.feature).not.toBeNull();
    await page.keyboard.press('Enter');
    await page.locator(`aside.panel[data-feature-id="${first.feature}"]`).waitFor();
    expect(new URL(page.url()).searchParams.get('feature')).toBe(first.feature);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('feature')).toBeNull();
    expect((await focused()).feature).toBe(first.feature);

    await page.locator('.skip-links a').nth(2).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('range');
    await page.close();
  });
});

describe('by keyboard only, from the page loading', () => {
  it('reaches a feature’s history: skip link to the results, Enter opens the first, the focus goes into its panel, a few Tabs reach its first step’s clause', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    const focus = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          inPanel: Boolean(element?.closest('aside.panel')),
          inHistory: Boolean(element?.closest('aside.panel .timeline')),
          text: element?.textContent?.trim() ?? '',
        };
      });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focus()).text).toBe(text('skipToResults', 'vi'));
    await page.keyboard.press('Enter');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-feature-id'));
    expect(first).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.locator(`aside.panel[data-feature-id="${first}"]`).waitFor();
    await expect.poll(async () => (await focus()).inPanel).toBe(true);
    let tabs = 0;
    while (!(await focus()).inHistory && tabs < 30) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    const reached = await focus();
    expect(reached.inHistory, `after ${tabs} Tabs: ${reached.text}`).toBe(true);
    // The history's first control opens its clause in the reader, by Enter.
    expect(reached.text).toMatch(/^\d{3}/);
    await page.keyboard.press('Enter');
    await page.locator('aside.reader li.clause.selected').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'keyboard-history.png') });
    await page.close();
  });
});

describe('the time control', () => {
  it('labels the years on its track, jumps from document to document, and offers speed and loop', async () => {
    const page = await openPage(browser, baseUrl, '/?asOf=2023-02-22', outsideRequests);
    const slider = page.locator('.time-slider');
    const years = await slider
      .locator('.time-year')
      .evaluateAll((marks) => marks.map((mark) => ({ year: mark.textContent, left: mark.getBoundingClientRect().left })));
    expect(years.map((mark) => mark.year)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    expect(years.every((mark, i) => i === 0 || mark.left > years[i - 1].left)).toBe(true);
    // The documents' dates, as the record gives them: the next one after 22/02/2023, and back.
    const dates: string[] = await page.evaluate(async () => (await (await fetch('/api/view')).json()).record.stepDates);
    const after = [...new Set(dates)].sort().find((date) => date > '2023-02-22');
    await slider.locator('.next-document').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe(after);
    await slider.locator('.previous-document').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe('2023-02-22');
    const speed = slider.locator('.time-speed');
    expect(await speed.textContent()).toBe('1×');
    await speed.click();
    expect(await speed.textContent()).toBe('2×');
    const loop = slider.locator('.time-loop');
    await loop.click();
    expect(await loop.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(artifactsDir, 'time-control.png') });
    await page.close();
  });
});

describe('active filters on the map', () => {
  it('shows a chip per filter value, removes one with its ×, clears them all at once and keeps the date', async () => {
    const page = await openPage(browser, baseUrl, '/?kind=gate_pair,market&province=VN-04&asOf=2025-03-01', outsideRequests);
    const chips = page.locator('.filter-chips');
    await chips.waitFor();
    expect(await chips.locator('li[data-chip]').evaluateAll((items) => items.map((li) => li.getAttribute('data-chip')))).toEqual([
      'kind:gate_pair',
      'kind:market',
      'province:VN-04',
    ]);
    expect(await chips.locator('li[data-chip="province:VN-04"] .chip-label').textContent()).toBe('Cao Bằng');
    await chips.getByRole('button', { name: `${text('removeFilter', 'vi')}: Chợ biên giới` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('gate_pair');
    await waitForMapIdle(page, { needPoints: false });
    await chips.getByRole('button', { name: text('clearFilters', 'vi'), exact: true }).click();
    await chips.waitFor({ state: 'detached' });
    // The filters are gone from the address (the map's view may be there: it moves with the map), the date stays.
    await expect
      .poll(() => [...new URL(page.url()).searchParams.keys()].filter((name) => name !== 'view'), { timeout: 10_000 })
      .toEqual(['asOf']);
    await page.close();
  });
});

describe('a link naming what the record lacks', () => {
  it('drops an unknown agreement and province from the filters, says which, and shows the rest', async () => {
    const page = await openPage(browser, baseUrl, '/?agreement=nope,003&province=VN-99&lang=en&tab=filters', outsideRequests);
    const notice = page.locator('.unknown-ids');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(`${text('unknownIdsDropped', 'en')}: “nope”, “VN-99” ×`);
    await expect.poll(() => new URL(page.url()).searchParams.get('agreement')).toBe('003');
    expect(new URL(page.url()).searchParams.get('province')).toBeNull();
    await expect.poll(() => page.locator('.results .result').count()).toBeGreaterThan(0);
    expect(await page.locator('.error-banner').count()).toBe(0);
    await page.close();
  });
});

describe('search', () => {
  it('finds Hữu Nghị typed without diacritics, by keyboard, and opens it', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('huu nghi');
    await page.locator('.search-results [role="option"][data-hit-id="huu-nghi"]').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'search-huu-nghi.png') });
    await box.press('Enter');
    await page.locator('aside.panel[data-feature-id="huu-nghi"]').waitFor();
    expect(new URL(page.url()).searchParams.get('feature')).toBe('huu-nghi');
    await page.close();
  });

  it('by keyboard: the first ↓ takes the first result; a Chinese province name filters by the province; nothing found is said', async () => {
    const page = await openPage(browser, baseUrl, '/?lang=zh', outsideRequests);
    const box = page.getByRole('combobox', { name: text('search', 'zh') });
    await box.fill('谅山');
    const options = page.locator('.search-results [role="option"]');
    await options.first().waitFor();
    expect(await options.first().getAttribute('data-hit-id')).toBe('VN-09');
    expect(await page.locator('.search-results [aria-selected="true"]').count()).toBe(0); // nothing in hand yet
    await box.press('ArrowDown');
    expect(await page.locator('.search-results [aria-selected="true"]').getAttribute('data-hit-id')).toBe('VN-09');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('VN-09');

    await box.fill('xyzzy');
    const nothing = page.locator('.search-nothing');
    await nothing.waitFor();
    expect(await nothing.textContent()).toBe(`${text('searchNothing', 'zh')} “xyzzy”`);
    await box.fill('chima');
    await options.first().waitFor();
    expect(await options.first().getAttribute('data-hit-id')).toBe('chi-ma');
    expect(await nothing.count()).toBe(0);
    await page.close();
  });

  it('finds clause text in Chinese and opens the clause', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    const box = page.getByRole('combobox', { name: 'Tìm kiếm' });
    await box.fill('跨境经济合作区');
    const hit = page.locator('.search-results [role="option"][data-hit-id="001-mou:II.2"]');
    await hit.waitFor();
    await box.press('ArrowDown');
    await hit.click();
    await page.locator('aside.reader li.clause.selected[data-clause-id="001-mou:II.2"]').waitFor();
    await page.close();
  });
});

describe('progress at a glance', () => {
  it('a summary cell filters the map to those features, and stalled commitments are explained', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    const summary = page.locator('.summary');
    // Documents are named by kind and date (the id and title on hover), not by bare ids; no note before a filter.
    const joint = summary.locator('th[data-key="003"]');
    expect(await joint.textContent()).toBe('Thông cáo chung 11/02/2026');
    expect(await joint.getAttribute('title')).toMatch(/^003 · Thông cáo chung/);
    expect(await summary.locator('.progress-note').count()).toBe(0);
    // Lũng Làn's opening and its border market, both agreed (2023) and restated (2026).
    await summary.getByRole('button', { name: /^Tuyên Quang: 2 Hai bên thống nhất/ }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('province') === 'VN-07');
    // The list of what was picked opens in its tab.
    expect(await page.locator('.sidebar-tab[data-state="active"]').getAttribute('data-tab')).toBe('filters');
    await expect
      .poll(() => page.locator('.results li').allTextContents())
      .toEqual([expect.stringContaining('Lũng Làn'), expect.stringContaining('Lũng Làn')]);
    await page.screenshot({ path: join(artifactsDir, 'summary-cell.png') });
    // Filtered now: back in their tab, the tables say they count before the filters.
    await openTab(page, 'progress');
    expect(await summary.locator('.progress-note').textContent()).toBe(text('progressBeforeFilters', 'vi'));

    await summary.locator('.stalled-count').click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('stalled') === 'true');
    await page.locator('.result[data-feature-id="lung-lan"]').click();
    const commitment = page.locator('aside.panel .commitment.stalled');
    await commitment.waitFor();
    expect(await commitment.textContent()).toContain('004:3.2');
    expect(await commitment.textContent()).toContain('003:6.e');
    await page.screenshot({ path: join(artifactsDir, 'stalled-lung-lan.png') });
    await page.close();
  });
});

describe('screen sizes', () => {
  it.each([
    ['laptop', 1366, 768],
    ['phone', 390, 844],
  ])('fits a %s screen (%i×%i) without sideways scrolling, filters reachable', async (name, width, height) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?feature=huu-nghi`);
    await waitForMapIdle(page);
    await page.locator('aside.panel[data-feature-id="huu-nghi"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const map = await page.locator('.map').boundingBox();
    expect(map?.width).toBeGreaterThan(width * 0.35);
    expect(map?.height).toBeGreaterThan(200);
    // The header is one row on a laptop, two on a phone (title and tools; search and languages).
    expect((await page.locator('.topbar').boundingBox())?.height).toBeLessThan(name === 'phone' ? 100 : 56);
    // The selection is in sight: above the slider, not under the panel (a sheet on a phone) or the legend.
    await expect
      .poll(async () => {
        const point = await page.evaluate(() => {
          const handle = window.__borderAtlasMap as unknown as { project(c: [number, number]): { x: number; y: number } };
          return handle.project([106.7115, 21.9737]);
        });
        const y = (map?.y ?? 0) + point.y;
        const x = (map?.x ?? 0) + point.x;
        const covering = await page.evaluate(
          ([px, py]) =>
            ['.panel', '.time-slider', '.legend'].filter((selector) => {
              const box = document.querySelector(selector)?.getBoundingClientRect();
              return box && px >= box.left && px <= box.right && py >= box.top && py <= box.bottom;
            }),
          [x, y],
        );
        // Above the slider, which spans the map (on a phone it sits on the sheet, with the attribution under it).
        const slider = await page.locator('.time-slider').boundingBox();
        return { onScreen: x > 0 && x < width && y > 0 && y < (slider?.y ?? height), covering };
      })
      .toEqual({ onScreen: true, covering: [] });
    // The legend covers no more than a strip of the map: folded on a phone (one tap opens it), open on a laptop.
    const toggle = page.locator('.legend-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe(name === 'phone' ? 'false' : 'true');
    const legend = await page.locator('.legend').boundingBox();
    if (name === 'phone') {
      expect(legend?.height).toBeLessThan(50);
      await toggle.click();
      expect(await page.locator('.legend li[data-status]').first().isVisible()).toBe(true);
      await toggle.click();
    }
    await page.screenshot({ path: join(artifactsDir, `size-${name}-map.png`) });
    const filters = page.getByRole('checkbox', { name: 'Cặp cửa khẩu', exact: true });
    if (!(await page.locator('.sidebar-tab-list').isVisible())) await page.getByRole('button', { name: /Bộ lọc/ }).click();
    await openTab(page, 'filters');
    expect(await filters.isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, `size-${name}.png`) });
    // Nothing selected: no empty panel beside the map; the map reaches the screen's right edge.
    await page.goto(`${baseUrl}/`);
    await waitForMapIdle(page);
    expect(await page.locator('aside.panel').count()).toBe(0);
    await expect
      .poll(
        async () =>
          Math.round((await page.locator('.map').boundingBox())?.width ?? 0) +
          Math.round((await page.locator('.map').boundingBox())?.x ?? 0),
      )
      .toBe(width);
    await page.screenshot({ path: join(artifactsDir, `size-${name}-nothing-selected.png`) });
    await context.close();
  });
});

describe('both sides of a pair', () => {
  it('draws Hữu Nghị and Hữu Nghị Quan apart and linked when zoomed in; a side selects its pair', async () => {
    const page = await openPage(browser, baseUrl, '/?view=106.7115,21.9737,14', outsideRequests);
    const sides = await page.evaluate(() =>
      (window.__borderAtlasMap as MapHandle)
        .queryRenderedFeatures({ layers: ['record-sides', 'record-side-links'] })
        .map((f) => String(f.properties.id)),
    );
    expect(sides.sort()).toEqual(['huu-nghi#CN', 'huu-nghi#VN', 'huu-nghi#link']);
    // The sides are drawings of the pair, not features of their own: the counts are the API's.
    const view = (await (await fetch(`${baseUrl}/api/view`)).json()) as { onMap: number; notLocated: number };
    expect(view.onMap).toBe(66);
    expect(await page.locator('.count-line').textContent()).toMatch(new RegExp(`^${view.onMap} .* · ${view.notLocated} `));
    const youyiguan = await page.evaluate(() => window.__borderAtlasMap?.project([106.71222, 21.97639]));
    const box = await page.locator('.map canvas').boundingBox();
    if (!youyiguan || !box) throw new Error('map not measurable');
    await page.mouse.click(box.x + youyiguan.x, box.y + youyiguan.y);
    await page.locator('aside.panel[data-feature-id="huu-nghi"]').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'huu-nghi-sides.png') });
    await page.close();
  });
});

describe('playing through time', () => {
  it('shows the record growing document by document (screenshots per date)', async () => {
    const page = await openPage(browser, baseUrl, '/?asOf=2023-02-22&tab=filters', outsideRequests);
    const counts: number[] = [];
    for (const date of ['2022-03-17', '2023-02-22', '2024-08-22', '2026-02-11']) {
      await page.locator('input.time-date').fill(date);
      await page.waitForFunction((d) => new URL(window.location.href).searchParams.get('asOf') === d, date);
      await waitForMapIdle(page, { needPoints: false });
      counts.push(await page.locator('.results li').count());
      await page.screenshot({ path: join(artifactsDir, `play-${date}.png`) });
    }
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBeLessThan(counts[3]);
    await page.close();
  });
});

describe('routes that explain themselves', () => {
  it('a selected route shows its numbered places and a pausable traveller along it', async () => {
    const page = await openPage(browser, baseUrl, '/?tab=filters', outsideRequests);
    await page.locator('.result[data-feature-id="route-02-cn-2"]').click();
    const panel = page.locator('aside.panel[data-feature-id="route-02-cn-2"]');
    await panel.waitFor();
    expect(await panel.locator('.waypoints li').allTextContents()).toEqual([
      expect.stringContaining('Phổ Nhĩ'),
      expect.stringContaining('Giang Thành'),
      expect.stringContaining('A Pa Chải – Long Phú'),
      expect.stringContaining('Mường Tè'),
      expect.stringContaining('Mường Lay'),
      expect.stringContaining('Lai Châu'),
    ]);
    expect(await panel.locator('h3', { hasText: 'km' }).textContent()).toMatch(/\d+(,\d)? km/);
    const numbers = () =>
      page.evaluate(() =>
        (window.__borderAtlasMap as MapHandle)
          .queryRenderedFeatures({ layers: ['route-waypoint-numbers'] })
          .map((f) => Number(f.properties.order)),
      );
    await page.waitForFunction(
      () => (window.__borderAtlasMap as MapHandle).queryRenderedFeatures({ layers: ['route-waypoint-numbers'] }).length === 6,
      null,
      { timeout: 15_000 },
    );
    expect((await numbers()).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    // Freight travels as a square marker, in the freight colour.
    const marker = page.locator('.route-traveller.mode-freight');
    await marker.waitFor();
    const traveller = async () =>
      (await marker.count()) > 0 ? await marker.evaluate((el) => (el as HTMLElement).style.transform) : undefined;
    const first = await traveller();
    await page.waitForTimeout(600);
    expect(await traveller()).not.toBe(first);
    await page.screenshot({ path: join(artifactsDir, 'route-focus.png') });
    await page.getByRole('button', { name: /Dừng chuyển động/ }).click();
    await page.waitForTimeout(300);
    expect(await traveller()).toBeUndefined();
    await page.close();
  });
});

describe('comparing routes', () => {
  it('puts two variants of freight route 02 side by side and marks where they differ', async () => {
    const page = await openPage(browser, baseUrl, '/?feature=route-02-vn-2', outsideRequests);
    const panel = page.locator('aside.panel[data-feature-id="route-02-vn-2"]');
    await panel.waitFor();
    await panel.getByLabel('So sánh với').selectOption('route-02-cn-2');
    const table = panel.locator('table.compare-table');
    await table.waitFor();
    const differing = await table.locator('tr.differs th').allTextContents();
    expect(differing).toEqual(expect.arrayContaining(['Lộ trình', 'Độ dài']));
    expect(await table.locator('tr.same th').allTextContents()).toEqual(expect.arrayContaining(['Loại', 'Qua cửa khẩu', 'Tình trạng']));
    expect(await table.textContent()).toContain('Mường Lay');
    await page.screenshot({ path: join(artifactsDir, 'route-compare.png') });
    await page.close();
  });
});

describe('briefings', () => {
  it('plays a briefing through all its steps with the keyboard, each step its own URL, in presentation mode', async () => {
    const page = await openPage(browser, baseUrl, '/', outsideRequests);
    await openTab(page, 'briefings');
    await page.locator('.briefings li[data-briefing-id="lang-son-2023-2026"] button', { hasText: '▶' }).click();
    const player = page.locator('.briefing-player');
    await player.waitFor();
    expect(await player.locator('h2').textContent()).toBe('Lạng Sơn sau Gặp gỡ đầu Xuân 2023');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('asOf') === '2023-02-22');
    expect(new URL(page.url()).searchParams.get('province')).toBe('VN-09');
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Toàn màn hình' }).click();
    await page.waitForFunction(() => document.querySelector('.app')?.classList.contains('presenting'));
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    // Labels grow for the projector (every label size is multiplied by this style state).
    const labelScale = () =>
      page.evaluate(() => (window.__borderAtlasMap as unknown as { getGlobalState(): { labelScale: number } }).getGlobalState().labelScale);
    expect(await labelScale()).toBe(1.5);
    await waitForMapIdle(page);
    await page.screenshot({ path: join(artifactsDir, 'briefing-step-1.png') });

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.briefing-player')?.getAttribute('data-step') === '2');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('asOf') === '2026-02-11');
    expect(new URL(page.url()).searchParams.get('feature')).toBe('tan-thanh-po-chai');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('step') === '3');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('stalled') === 'true');
    await waitForMapIdle(page);
    const zoom = await page.evaluate(() => (window.__borderAtlasMap as unknown as { getZoom(): number }).getZoom());
    expect(zoom).toBeCloseTo(9.5, 0);
    await page.screenshot({ path: join(artifactsDir, 'briefing-step-3.png') });
    const stepLink = page.url();
    await page.keyboard.press('ArrowRight'); // already last: stays
    expect(new URL(page.url()).searchParams.get('step')).toBe('3');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.app')?.classList.contains('presenting'));
    expect(await labelScale()).toBe(1);
    await page.close();

    // The step's URL, opened fresh, shows the same step.
    const fresh = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await fresh.goto(stepLink);
    await fresh.locator('.briefing-player[data-step="3"]').waitFor();
    expect(await fresh.locator('.briefing-player h2').textContent()).toContain('Chi Ma');
    await fresh.close();
  });
});

// Editing briefings (signed-in editors only): test/browser/briefings.test.ts, against the store.

describe('export', () => {
  it.each([
    ['slide', 1920, 1080],
    ['a4', 2339, 1654],
  ])('saves a %s PNG of the map at %i×%i, not blank', async (sizeId, width, height) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    const page = await context.newPage();
    // With filters on, the image names them beside its date (looked at in the saved file).
    await page.goto(`${baseUrl}/?asOf=2026-02-11&view=106.8,22.2,7.6${sizeId === 'slide' ? '&kind=gate_pair,opening&province=VN-09' : ''}`);
    await waitForMapIdle(page);
    await openTools(page);
    await page.getByLabel('Kích thước ảnh').selectOption(sizeId);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Xuất ảnh PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`border-atlas-2026-02-11-${width}x${height}.png`);
    const path = join(artifactsDir, `export-${sizeId}.png`);
    await download.saveAs(path);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
    // Not blank: a drawn map compresses far worse than an empty canvas of this size.
    expect(png.length).toBeGreaterThan(200_000);
    await context.close();
  });

  it('saves a briefing as a PDF pack: a cover, a page per step, the cited clauses as real Vietnamese and Chinese text', async () => {
    const briefing = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'briefings', 'a-pa-chai-long-phu.json'), 'utf8')) as Briefing;
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?briefing=${briefing.id}&step=1`);
    await waitForMapIdle(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Tải gói PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${briefing.id}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const path = join(artifactsDir, 'briefing-pack.pdf');
    await download.saveAs(path);
    await context.close();

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const texts = Array.from({ length: pages }, (_, index) => pageText(index + 1));
    // Cover: the briefing, the date it was made, the date and filters of every step.
    expect(texts[0]).toContain(briefing.title.vi);
    expect(texts[0]).toContain('Ngày xuất');
    for (const step of briefing.steps) expect(texts[0]).toContain(step.title);
    expect(texts[0]).toContain('Tính đến ngày 09/07/2024');
    // Then one page per step, in order; clauses that do not fit continue on pages marked as such.
    const stepPages = texts.slice(1, -1).filter((text) => !text.includes('(tiếp theo)'));
    expect(stepPages.map((text) => briefing.steps.findIndex((step) => text.includes(step.title)))).toEqual(briefing.steps.map((_, i) => i));
    // Last, the progress timeline of the gates the steps select, as of the latest step's date, as an image.
    const latest =
      briefing.steps
        .map((step) => step.filters.asOf ?? '')
        .sort()
        .at(-1) ?? '';
    expect(texts.at(-1)).toContain(text('progressTimeline', 'vi'));
    expect(texts.at(-1)).toContain(`Tính đến ngày ${latest.split('-').reverse().join('/')}`);
    const images = execFileSync('pdfimages', ['-list', '-f', String(pages), '-l', String(pages), path], { encoding: 'utf8' });
    expect(images).toMatch(/\s2400\s+\d+\s+rgb/);
    expect(pages).toBe(1 + briefing.steps.length + texts.slice(1).filter((text) => text.includes('(tiếp theo)')).length + 1);
    // The first step cites, verbatim, the clauses behind A Pa Chải's history up to its date. Read in
    // drawing order (-raw), with the page furniture between a step's pages taken out.
    const first = briefing.steps[0];
    const cited = record.events.filter((e) => e.featureId === first.feature && e.date <= (first.filters.asOf ?? ''));
    expect(cited.length).toBeGreaterThan(0);
    const secondStepPage = texts.findIndex(
      (text, index) => index > 0 && text.includes(briefing.steps[1].title) && !text.includes('(tiếp theo)'),
    );
    const raw = execFileSync('pdftotext', ['-raw', '-f', '2', '-l', String(secondStepPage), '-enc', 'UTF-8', path, '-'], {
      encoding: 'utf8',
    });
    const firstStepText = [
      text('packFooter', 'vi'),
      /Trang \d+\/\d+/g,
      `Bước 1/${briefing.steps.length} · ${briefing.title.vi} · ${first.title} (tiếp theo)`,
      'Điều khoản được trích dẫn (tiếp theo)',
    ]
      .reduce<string>((acc, furniture) => acc.replaceAll(furniture, ' '), raw.replace(/\s+/g, ' '))
      .replace(/\s+/g, ' ');
    for (const event of cited) {
      const clause = record.clauses.find((c) => c.id === event.clauseId);
      expect(firstStepText).toContain(event.clauseId);
      expect(firstStepText).toContain(`“${normalizeText(clause?.text.vi ?? 'missing clause')}”`);
    }
    // Chinese is real text too: the selected gate's Chinese name.
    const selected = record.features.find((f) => f.id === first.feature);
    expect(selected?.name.zh).toBeTruthy();
    expect(firstStepText).toContain(selected?.name.zh ?? 'missing');
    // Pages rendered to images, to look at.
    execFileSync('pdftoppm', ['-r', '60', '-png', path, join(artifactsDir, 'briefing-pack-page')]);
  });

  it('downloads what the map shows (date and filters) as CSV that Excel reads, and as KML and GeoJSON', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?asOf=2024-08-16&kind=gate_pair,opening,route&province=VN-71&tab=filters`);
    await page.locator('.results [data-feature-id]').first().waitFor();
    const listed = (
      await page.locator('.results [data-feature-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-feature-id')))
    ).sort();
    expect(listed.length).toBeGreaterThan(2);
    await waitForMapIdle(page);
    await openTools(page);
    await page.getByText('Tải dữ liệu').click();
    await page.screenshot({ path: join(artifactsDir, 'data-downloads.png') });
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-format="features.csv"]').click()]);
    expect(csvDownload.suggestedFilename()).toBe('border-atlas-features-2024-08-16.csv');
    const csvPath = join(artifactsDir, 'download.csv');
    await csvDownload.saveAs(csvPath);
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.id).sort()).toEqual(listed);
    expect(rows.every((row) => row.as_of === '2024-08-16' && row.province === 'VN-71')).toBe(true);
    for (const format of ['features.kml', 'features.geojson', 'events.csv']) {
      if (!(await page.locator(`[data-format="${format}"]`).isVisible())) await page.getByText('Tải dữ liệu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-format="${format}"]`).click()]);
      expect(download.suggestedFilename()).toBe(`border-atlas-${format.replace('.', '-2024-08-16.')}`);
    }
    await context.close();
  });
});
