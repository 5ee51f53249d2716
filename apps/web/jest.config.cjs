/**
 * Unit and component tests in jsdom. `@ca/shared` is read from its TypeScript sources, so the
 * tests need no prior build of the shared package.
 */
const fs = require('node:fs');
const path = require('node:path');

// `npm test` writes reports/jest.json, and Jest does not create the folder of --outputFile.
fs.mkdirSync(path.join(__dirname, 'reports'), { recursive: true });

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: '<rootDir>/jest.environment.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  // Pages wait up to 5 s for what they show (jest.setup.ts); a test gets room for several such waits.
  testTimeout: 30_000,
  setupFiles: ['<rootDir>/jest.setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/jest.after-env.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '\\.(css)$': 'identity-obj-proxy',
    '^@ca/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    // The shared sources import siblings as `./x.js` (NodeNext style); they are `.ts` files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
