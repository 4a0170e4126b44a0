import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, projectRoot } from '../helpers/app';

/** What the server may never tell anyone: where it is installed. */
const installPath = projectRoot.replace(/\/$/, '');

let app: ReturnType<typeof createTestApp>;
beforeAll(() => {
  // The built client is served only when it exists (npm run build); the basemap always ships.
  expect(existsSync(join(projectRoot, 'client', 'dist', 'index.html')), 'run npm run build first').toBe(true);
  app = createTestApp({ withClient: true });
});

describe('no filesystem path in any response', () => {
  it('answers missing basemap files, fonts, assets and pages with a 404 that names the URL, not the file', async () => {
    const paths = [
      '/basemap/missing.json',
      '/basemap/fonts/Nope/0-255.pbf',
      '/basemap/fonts/noto-sans-latin-400-normal.ttf/x',
      '/basemap/a%2fb',
      '/basemap/fonts',
      '/basemap/.hidden',
      '/basemap/%2e%2e/package.json',
      '/assets/missing.js',
      '/fonts/x.pbf',
      '/favicon.ico',
      '/index.html/x',
      '/api/nope',
      '/ogc/nope',
    ];
    for (const path of paths) {
      for (const method of ['get', 'head', 'post'] as const) {
        const response = await request(app)[method](path);
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
        expect(response.text ?? '', `${method} ${path}: ${response.text}`).not.toContain(installPath);
        expect(JSON.stringify(response.headers), `${method} ${path}`).not.toContain(installPath);
      }
      const response = await request(app).get(path);
      expect(response.status, path).toBe(404);
      expect(response.type, path).toBe('application/json');
    }
  });

  it('still serves what exists', async () => {
    expect((await request(app).get('/basemap/fonts/OFL.txt')).status).toBe(200);
    expect((await request(app).get('/')).text).toContain('<div id="root">');
  });
});
