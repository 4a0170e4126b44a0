import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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

const basemapOutput = fileURLToPath(new URL('./geodata/basemap/output', import.meta.url));

/**
 * The embedded basemap and its fonts (served by the server from geodata/basemap/output, not built here), kept by
 * the service worker with the page: each named by its content's hash, so a new basemap replaces the kept one.
 */
function basemapEntries(): { url: string; revision: string }[] {
  return readdirSync(basemapOutput, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(topojson|json|woff2|ttf)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return {
        url: `/basemap/${path
          .slice(basemapOutput.length + 1)
          .split('\\')
          .join('/')}`,
        revision: createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16),
      };
    });
}

/**
 * The installable app that works without a network (client/src/offline/service-worker.ts, Workbox through
 * vite-plugin-pwa): the page, its scripts and the basemap precached, the record's answers kept as last seen.
 */
const offlineApp = () =>
  VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'service-worker.ts',
    // Registered by the page itself (client/src/offline/register.ts), in the production build only.
    injectRegister: null,
    registerType: 'autoUpdate',
    injectManifest: {
      globPatterns: ['**/*.{js,mjs,css,html,svg,woff2,png,webmanifest}'],
      additionalManifestEntries: basemapEntries(),
      // MapLibre's chunk is ~1 MB: above Workbox's 2 MB default it would silently not be kept.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
    manifest: {
      name: 'Bản đồ hợp tác biên giới phía Bắc — Border Atlas',
      short_name: 'Border Atlas',
      description: 'Cửa khẩu, tuyến và cơ chế hợp tác biên giới Việt Nam – Trung Quốc, Việt Nam – Lào',
      lang: 'vi',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#1f4e79',
      icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
  });

export default defineConfig({
  root: 'client',
  plugins: [react(), staticShell(), offlineApp()],
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
