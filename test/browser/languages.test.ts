import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import { loadTranslations } from '../../server/src/record/load-record';
import { projectRoot } from '../helpers/app';
import { appInBrowser, artifactsDir, openPage, openTab } from './chromium';

const app = appInBrowser();
const table = loadTranslations(join(projectRoot, 'geodata', 'record'));

/**
 * Words that only another language's sentence holds: a text node of the interface's language (its closest
 * `lang` is the interface's) containing one was left untranslated. Place names, ids and codes hold none.
 */
const ENGLISH = /\b(the|of|and|is|not|from|with|was|which|by|its|drawn|position|estimate)\b/i;
const VIETNAMESE = /(^|[\s(,.;:])(của|và|các|những|được|không|theo|tại|với|chưa|đã|hai bên|văn bản)(?=[\s),.;:]|$)/iu;
const FOREIGN_WORDS = { zh: [ENGLISH, VIETNAMESE], en: [VIETNAMESE], vi: [ENGLISH] } as const;

/** Text nodes of `root` written in the interface's language that hold another language's words. */
async function untranslated(page: Page, root: string, language: keyof typeof FOREIGN_WORDS): Promise<string[]> {
  const patterns = FOREIGN_WORDS[language].map((pattern) => ({ source: pattern.source, flags: pattern.flags }));
  return page.evaluate(
    ({ root, patterns, uiLang }) => {
      const foreign = patterns.map(({ source, flags }) => new RegExp(source, flags));
      const found: string[] = [];
      const element = document.querySelector(root);
      if (!element) return [`(no element ${root})`];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('code, script, style')) continue;
        if (parent.closest('[lang]')?.getAttribute('lang') !== uiLang) continue;
        // A quote keeps its source's words (the record's rule): only the words around it must be translated.
        const value = (node.textContent ?? '').replace(/“[^”]*”|"[^"]*"|‘[^’]*’/g, '').trim();
        if (value && foreign.some((pattern) => pattern.test(value))) found.push(value.slice(0, 120));
      }
      return found;
    },
    { root, patterns, uiLang: language === 'zh' ? 'zh-CN' : language },
  );
}

const SCREENS: { name: string; path: string; root: string; before?: (page: Page) => Promise<void> }[] = [
  { name: 'a gate with notes on both sides', path: '/?feature=chi-ma', root: 'aside.panel' },
  { name: 'an estimated crossing', path: '/?feature=binh-nghi', root: 'aside.panel' },
  { name: 'a proposed gate with targets and drafts', path: '/?feature=a-pa-chai', root: 'aside.panel' },
  { name: 'a route', path: '/?feature=route-02-1', root: 'aside.panel' },
  { name: 'a document and its parties', path: '/?doc=004', root: 'aside.reader' },
  { name: 'a referenced document', path: '/?doc=ref-land-border-legal-documents', root: 'aside.reader' },
  { name: 'a briefing step', path: '/?briefing=lang-son-2023-2026&step=2', root: '.briefing-player' },
  {
    name: 'the documents tab',
    path: '/',
    root: '.sidebar',
    before: (page) => openTab(page, 'documents'),
  },
];

describe('every screen in the interface’s language', () => {
  for (const language of ['zh', 'en', 'vi'] as const) {
    it(`${language}: no text of a list of screens is left in another language; translations say so`, async () => {
      const page = await openPage(app.browser, app.baseUrl, `/?lang=${language}`, app.outsideRequests);
      const leftovers: string[] = [];
      let marks = 0;
      for (const screen of SCREENS) {
        const separator = screen.path.includes('?') ? '&' : '?';
        await page.goto(`${app.baseUrl}${screen.path}${separator}lang=${language}`);
        await page.locator(screen.root).first().waitFor();
        await screen.before?.(page);
        // The record's prose arrives with its translations: wait for them before reading.
        await page.waitForLoadState('networkidle');
        for (const found of await untranslated(page, screen.root, language)) leftovers.push(`${screen.name}: ${found}`);
        marks += await page.locator(`${screen.root} abbr.translated`).count();
        await page.screenshot({ path: join(artifactsDir, `language-${language}-${screen.name.replaceAll(' ', '-')}.png`) });
      }
      expect(leftovers).toEqual([]);
      // The record's notes are English and its briefings Vietnamese: the Chinese screens mark every note and the
      // briefing, the Vietnamese ones every note, the English ones the briefing step's title and text.
      expect(marks).toBeGreaterThanOrEqual({ zh: 20, vi: 10, en: 2 }[language]);
      expect(app.outsideRequests).toEqual([]);
      await page.close();
    });
  }

  it('zh: a side’s note is shown in Chinese, marked as a translation, and its English original is gone', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?lang=zh&feature=chi-ma', app.outsideRequests);
    const panel = page.locator('aside.panel');
    await panel.locator('.sides .note').first().waitFor();
    await page.waitForLoadState('networkidle');
    const shown = (await panel.textContent()) ?? '';
    const notes = table.filter((entry) => entry.from === 'en' && entry.en && shown.includes(entry.zh ?? '\u0000'));
    expect(notes.length).toBeGreaterThan(0);
    for (const entry of notes) expect(shown).not.toContain(entry.en);
    expect(await panel.locator('abbr.translated').first().getAttribute('title')).toBe(text('translatedWhy', 'zh'));
    await page.close();
  });
});
