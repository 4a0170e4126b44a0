import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import type { FeatureCollectionResponse } from '../../server/src/domain/api';
import { loadRealRecord } from '../helpers/app';
import { appInBrowser, artifactsDir, openPage, waitForMapIdle } from './chromium';

const app = appInBrowser();

/**
 * Chi Ma – Ái Điểm's upgrade (audit B-D9): proposed to the gate-cooperation committee in 2023 (004:3.4), then in
 * 2026 (003:6.c) to the two Governments, within 2026, including the Co Sa – Nà Ủ channel. Both steps are
 * "proposed"; the 2026 one says what moved (`progress`), so the promise is not stalled.
 */
const upgradeStep = loadRealRecord().events.find(
  (event) => event.featureId === 'chi-ma' && event.clauseId === '003:6.c' && event.level === 'international',
);

describe('a commitment that moved at the same stage is progress, not a restatement', () => {
  it('the record says what moved on Chi Ma’s 2026 upgrade step', () => {
    expect(upgradeStep, 'chi-ma’s international step of 003:6.c').toBeDefined();
    expect(upgradeStep?.progress?.moves, 'geodata/record/status-events/003.json: chi-ma 003:6.c carries no `progress`').toEqual([
      'addressee',
      'deadline',
      'scope',
    ]);
  });

  it('GET /api/features?asOf=2026-02-11&stalled=true leaves Chi Ma out, and its detail lists the progress', async () => {
    const stalled = (await (await fetch(`${app.baseUrl}/api/features?asOf=2026-02-11&stalled=true`)).json()) as FeatureCollectionResponse;
    const ids = stalled.features.map((feature) => feature.id);
    expect(ids).toContain('lung-lan'); // restated in 2026 with nothing moved: still stalled
    expect(ids).not.toContain('chi-ma');
    const detail = (await (await fetch(`${app.baseUrl}/api/features/chi-ma?asOf=2026-02-11`)).json()) as {
      commitments: { key: string; stalled: unknown; progressed: { clauseId: string; progress: unknown }[] }[];
    };
    const upgrade = detail.commitments.find((commitment) => commitment.key === 'level:international');
    expect(upgrade?.stalled).toBeNull();
    expect(upgrade?.progressed).toEqual([expect.objectContaining({ clauseId: '003:6.c', progress: upgradeStep?.progress })]);
  });

  for (const language of ['vi', 'zh'] as const) {
    it(`the panel (${language}) does not call Chi Ma stalled and says what moved on 2026-02-11`, async () => {
      const page = await openPage(app.browser, app.baseUrl, `/?asOf=2026-02-11&feature=chi-ma&lang=${language}`, app.outsideRequests);
      const panel = page.locator('aside.panel[data-feature-id="chi-ma"]');
      await panel.locator('.commitments').waitFor();
      await waitForMapIdle(page);
      const progress = panel.locator('.commitment .progress-step[data-clause-id="003:6.c"]');
      await expect.poll(() => progress.count()).toBe(1);
      await expect.poll(() => panel.locator('.commitment.stalled').count()).toBe(0);
      await expect.poll(() => panel.locator('.stalled-badge').count()).toBe(0);
      const shown = await progress.textContent();
      expect(shown).toContain(`${text('stepProgress', language)}:`);
      for (const move of ['addressee', 'deadline', 'scope'] as const) expect(shown).toContain(text(`stepProgress_${move}`, language));
      expect(shown).toContain(upgradeStep?.progress?.text[language] ?? 'chi-ma 003:6.c carries no progress');
      await page.screenshot({ path: join(artifactsDir, `progress-chi-ma-${language}.png`) });
      expect(app.outsideRequests).toEqual([]);
      await page.close();
    });
  }

  it('a reading moved off a gate the text does not name shows, struck, where it went (the 2023 smart-gate pilot), in zh too', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?feature=huu-nghi&lang=zh', app.outsideRequests);
    const moved = page.locator('aside.panel .timeline-step.corrected', { hasText: '004:3.1' }).filter({ has: page.locator('.moved') });
    await moved.first().waitFor();
    expect(await moved.count()).toBe(1);
    expect(await moved.locator('.moved').textContent()).toContain(text('movedTo', 'zh'));
    expect(await moved.locator('.moved').textContent()).toContain('智慧口岸试点建设');
    // The gate's own smart-gate promise now starts in 2026, as the regional pilot's link says.
    await moved.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'huu-nghi-moved-step-zh.png') });
    await page.close();
  });
});
