import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const domain = fileURLToPath(new URL('./server/src/domain', import.meta.url));

export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: { alias: { '@domain': domain } },
  // MapLibre alone is ~1 MB minified; the app is one screen, so one chunk is fine (offline, cached).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    port: 5173,
    // In development the Express server (npm run dev) answers the API and the basemap.
    proxy: { '/api': 'http://localhost:8080', '/basemap': 'http://localhost:8080' },
  },
});
