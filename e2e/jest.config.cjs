/**
 * Browser tests: the built app (API serving the SPA) in a child process, driven in the Chromium of
 * `@sparticuz/chromium` (or CHROMIUM_PATH) through playwright-core. One file at a time
 * (`--runInBand`), each with its own pages. The web app's route table is read from its sources
 * (`support/app-routes.ts`), hence the TSX transform and the web app's module mapping.
 */
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx },
      ...(tsx ? { transform: { react: { runtime: 'automatic' } } } : {}),
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': swc(false), '^.+\\.tsx$': swc(true) },
  moduleNameMapper: {
    '\\.css$': '<rootDir>/support/empty-module.cjs',
    '^@ca/shared$': '<rootDir>/../packages/shared/src/index.ts',
    // The shared sources import siblings as `./x.js` (NodeNext style); they are `.ts` files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 60000,
};
