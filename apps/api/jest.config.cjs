/**
 * Unit tests (src/**\/*.spec.ts) and API end-to-end tests (test/**\/*.e2e-spec.ts), all against a
 * real PostgreSQL: DATABASE_URL when set, else an embedded server started by the global set-up.
 * Each test file gets its own database cloned from a migrated template, so files run in parallel.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // NestJS 12 and several of its dependencies are ESM-only: swc turns every module into CommonJS
  // (cached after the first run) so that jest on Node 20 can load them.
  transformIgnorePatterns: [],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
