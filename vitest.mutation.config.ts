/**
 * The tests `npm run test:mutation` runs against each mutant of the domain and filter code: the unit
 * and in-process API tests that read the record (no browser, no server processes, no PostgreSQL).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type Reporter, type TestModule, type TestSpecification, type Vitest } from 'vitest/node';

/**
 * A test file that fails before its tests are collected (an import that does not resolve in Stryker's sandbox,
 * say) is no failed test to Stryker's vitest runner: its tests drop out of the dry run unnoticed and the code
 * only they reach is reported "no coverage" (stryker-js#6179). Made an error of the run, the dry run stops and
 * names the file.
 */
class UncollectedFilesFail implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    for (const module of testModules) {
      const [error] = module.errors();
      if (error === undefined) continue;
      this.vitest?.state.catchError(new Error(`${module.moduleId} collected no tests: ${error.message}`), 'Unhandled Error');
    }
  }
}

/**
 * Each mutant runs the tests that cover it and stops at the first that fails: the unit tests beside the code
 * first, the record-wide and API tests (each file loads the record) last, so most mutants are killed before
 * those load.
 */
class UnitTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (file: TestSpecification) => (file.moduleId.includes('/test/api/') ? 2 : file.moduleId.includes('/test/unit/') ? 1 : 0);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

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
    reporters: ['default', new UncollectedFilesFail()],
    sequence: { sequencer: UnitTestsFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
