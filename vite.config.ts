import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { pageInLanguage } from './client/src/shell/static-shell';
import { BUNDLED_FONTS_STYLE_ID, bundledFontFaceCss } from './client/src/ui-font-faces';

const fontsManifest = fileURLToPath(new URL('./geodata/basemap/output/fonts/fonts.json', import.meta.url));

const domain = fileURLToPath(new URL('./server/src/domain', import.meta.url));

/**
 * The page's first paint before its script runs (client/src/shell/static-shell.ts): index.html carries the
 * Vietnamese shell; the build writes index.en.html and index.zh.html beside it, which the server sends for ?lang=.
 */
function staticShell(): Plugin {
  let outDir = '';
  return {
    name: 'border-atlas-static-shell',
    configResolved: (config) => {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    // With the bundled fonts' rules in the page, its first paint draws Vietnamese and Chinese in them (no boxes).
    transformIndexHtml: (html) => ({
      html: pageInLanguage(html, 'vi'),
      tags: [
        {
          tag: 'style',
          attrs: { id: BUNDLED_FONTS_STYLE_ID },
          children: bundledFontFaceCss(JSON.parse(readFileSync(fontsManifest, 'utf8'))),
          injectTo: 'head',
        },
      ],
    }),
    closeBundle: () => {
      const index = readFileSync(join(outDir, 'index.html'), 'utf8');
      for (const language of ['en', 'zh'] as const) writeFileSync(join(outDir, `index.${language}.html`), pageInLanguage(index, language));
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), staticShell()],
  resolve: { alias: { '@domain': domain } },
  // MapLibre alone is ~1 MB minified (~295 kB gzipped): its own chunk, fetched beside the page's script
  // as the page starts (client/src/App.tsx), so the page does not wait for it.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/].*\.m?js$/ }] } } },
  },
  server: {
    port: 5173,
    // In development the Express server (npm run dev) answers the API and the basemap.
    proxy: { '/api': 'http://localhost:8080', '/basemap': 'http://localhost:8080' },
  },
});
