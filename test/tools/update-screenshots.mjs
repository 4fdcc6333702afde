#!/usr/bin/env node
// `npm run screenshots`: retakes the README's pictures and copies them into docs/screenshots.
// The browser tests take them into dist/screenshots (build output, never committed):
//   test/browser/panel.test.ts             panel-light.png, panel-dark.png
//   test/browser/firefox-extension.test.ts firefox-panel.png
// This runs those tests, one file at a time, against the build `npm run screenshots` just made, and
// copies only the pictures taken in this run, so a failed or skipped test cannot leave an old one in
// the docs. Tests never write docs/ themselves: `npm test` leaves the working tree as it found it.
// An argument copies somewhere else than docs/screenshots (to look before replacing).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const taken = join(root, 'dist/screenshots');
const destination = resolve(process.argv[2] ?? join(root, 'docs/screenshots'));
const tests = {
  'test/browser/panel.test.ts': ['panel-light.png', 'panel-dark.png'],
  'test/browser/firefox-extension.test.ts': ['firefox-panel.png'],
};

const started = Date.now();
for (const file of Object.keys(tests)) {
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'browser', file], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${file} failed (exit ${result.status ?? result.signal}): nothing copied`);
    process.exit(1);
  }
}

const pictures = Object.values(tests).flat();
const stale = pictures.filter((name) => (statSync(join(taken, name), { throwIfNoEntry: false })?.mtimeMs ?? 0) < started);
if (stale.length > 0) {
  console.error(`\nNot taken in this run: ${stale.join(', ')} (was a test skipped?): nothing copied`);
  process.exit(1);
}
mkdirSync(destination, { recursive: true });
const shown = (path) => (relative(root, path).startsWith('..') ? path : relative(root, path));
for (const name of pictures) {
  copyFileSync(join(taken, name), join(destination, name));
  console.log(`${shown(join(taken, name))} -> ${shown(join(destination, name))}`);
}
