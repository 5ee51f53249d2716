/**
 * Browser tests: the built app (API serving the SPA) in a child process, driven in the Chromium of
 * `@sparticuz/chromium` (or CHROMIUM_PATH) through playwright-core. One file at a time
 * (`--runInBand`), each with its own pages.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 60000,
};
