#!/usr/bin/env node
// Adds up the jest reports of every workspace (reports/jest.json) plus extra results given as
// `name=passed|failed` arguments, and prints the one closing line CI reads: `N passed, M failed`.
// A workspace without a report counts as one failure: its tests did not run.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const workspaces = ['packages/shared', 'apps/api', 'apps/web', 'e2e'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const ws of workspaces) {
  const file = path.join(root, ws, 'reports', 'jest.json');
  if (!fs.existsSync(file)) {
    console.log(`${ws}: no test report (did not run)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Suites that failed to load have no test results of their own; count each as a failure.
  const brokenSuites = r.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  console.log(
    `${ws}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenSuites} failed, ${r.numPendingTests} skipped`,
  );
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenSuites;
  skipped += r.numPendingTests;
}
for (const arg of process.argv.slice(2)) {
  const [name, outcome] = arg.split('=');
  console.log(`${name}: ${outcome}`);
  if (outcome === 'passed') passed += 1;
  else failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
