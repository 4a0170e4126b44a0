/**
 * The tests `npm run test:mutation` runs against each mutant of the domain and filter code: the unit
 * and in-process API tests that read the record (no browser, no server processes, no PostgreSQL).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('./server/src/domain', import.meta.url)) } },
  test: {
    include: [
      'server/src/domain/**/*.test.ts',
      'client/src/**/*.test.ts',
      'test/unit/*.test.ts',
      'test/api/view.test.ts',
      'test/api/api.test.ts',
      'test/api/record-truth.test.ts',
      'test/api/same-selection.test.ts',
      'test/api/ogc.test.ts',
      'test/api/exports.test.ts',
    ],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
