#!/usr/bin/env node
// Runs every test project (unit in Node, browser in real Chromium, e2e on the built app) and ends with the
// plain line "N passed, N failed" that CI reads. Vitest's own summary is not that line, so we read its JSON report.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';

const report = '.vitest-results.json';
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync('npx', ['--no-install', ...args], { stdio: 'inherit', env: process.env });

let passed = 0, failed = 0, skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0 ? 0 : 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests but still fails the run: count it.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
}
if (run.status !== 0 && failed === 0) failed = 1; // the runner failed for another reason (config, crash)
if (passed === 0 && failed === 0) failed = 1;      // a run that executed no test is a failure
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
