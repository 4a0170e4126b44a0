import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const domain = fileURLToPath(new URL('./server/src/domain', import.meta.url));

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
