#!/usr/bin/env node
// `npm test`: every check CI runs, in order, each timed, with one closing line that counts them.
//   1. strict typecheck (src + tests, and the extension shell)
//   2. unit tests in Node
//   3. build dist/chrome and dist/firefox
//   4. real-browser tests (Debian's Chromium, and Firefox ESR where a test needs it)
//   5. web-ext lint of the Firefox build
// A failing step stops the run. Set TEST_STEPS=unit,browser to run some steps only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'cors-devtools-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

const steps = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'unit', vitest: 'unit' },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  { name: 'browsers', command: ['node', 'test/tools/ensure-browser.mjs', 'chromium', 'firefox'] },
  { name: 'browser', vitest: 'browser' },
  { name: 'lint-firefox', command: ['npm', 'run', '--silent', 'lint:firefox'] },
];
const only = process.env.TEST_STEPS?.split(',').filter(Boolean);

for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const command = step.vitest
    ? ['npx', 'vitest', 'run', '--project', step.vitest, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${step.vitest}.json`)}`]
    : step.command;
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit' });
  if (step.vitest) count(join(reports, `${step.vitest}.json`));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${step.name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    finish(result.status ?? 1);
  }
  console.log(`--- ${step.name} passed in ${seconds} s`);
}
finish(0);

function count(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch {
    totals.failed += 1;
  }
}

function finish(code) {
  rmSync(reports, { recursive: true, force: true });
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}
