import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('./server/src/domain', import.meta.url)) } },
  test: {
    environment: 'node',
    // Temp folders of the whole run under one folder, removed at the end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A poll waits on a browser that draws in software beside a busy suite: one second (the default) has
    // proved too short on CI for a screen that is right a moment later.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    // Two groups, one after the other: the unit and API files side by side (two at a time), then the browser
    // files one at a time (each starts its own server and Chromium, which would fight over the CPU).
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-and-api',
          include: ['test/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
