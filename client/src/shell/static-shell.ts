import { htmlLang, type Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

/**
 * What the page shows before its script runs, written into index.html at build time (vite.config.ts), one page
 * per language: the title bar and the map's hint, with the app's own classes, so the first paint is the app's
 * text in the reader's language rather than a blank page while ~150 kB of script is fetched and run. React
 * replaces it on its first render (createRoot clears #root).
 */
function staticShellHtml(language: Language): string {
  return [
    `<div class="app static-shell" lang="${htmlLang(language)}">`,
    `<header class="topbar"><h1>${text('title', language)}</h1><span class="count-line">${text('loading', language)}</span></header>`,
    `<main class="workspace no-panel"><div class="map-area"><p class="select-hint">${text('selectHint', language)}</p></div></main>`,
    '</div>',
  ].join('');
}

/**
 * index.html as a language's page: its shell in #root, its `lang` and its title. The Vietnamese page is
 * index.html itself; the server sends index.en.html or index.zh.html for `?lang=en|zh` (server/src/app.ts).
 */
export function pageInLanguage(indexHtml: string, language: Language): string {
  return indexHtml
    .replace(/<html lang="[^"]*">/, `<html lang="${htmlLang(language)}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>Border Atlas — ${text('title', language)}</title>`)
    .replace(/<!--shell-->[\s\S]*<!--\/shell-->/, `<!--shell-->${staticShellHtml(language)}<!--/shell-->`);
}
