#!/usr/bin/env node
// Makes sure Debian's browsers are installed: `node test/tools/ensure-browser.mjs chromium [firefox]`.
// Installs them with apt-get when running as root, otherwise prints the exact command and exits 1.
// Never downloads a browser from anywhere else.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

// Plain .mjs, run before anything is installed, so it cannot import the TypeScript modules that own
// these paths: test/browser/support/chromium-binary.ts and test/browser/support/firefox.ts.
const browsers = {
  chromium: { env: 'CHROME_PATH', path: '/usr/lib/chromium/chromium', pkg: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
};

const wanted = process.argv.slice(2).filter((name) => name in browsers);
const missing = wanted.filter((name) => {
  const { env, path } = browsers[name];
  return !existsSync(process.env[env] || path);
});
if (missing.length === 0) process.exit(0);

const packages = missing.map((name) => browsers[name].pkg).join(' ');
const command = `apt-get update && apt-get install -y ${packages}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (isRoot && hasApt) {
  console.log(`Installing ${packages} from Debian: ${command}`);
  const result = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
  if (result.status === 0) process.exit(0);
  console.error(`\nInstalling ${packages} failed (exit ${result.status}). Run it yourself:\n  ${command}`);
  process.exit(1);
}

console.error(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed.`);
console.error(`Install ${missing.length > 1 ? 'them' : 'it'} from Debian, then run this again:\n  sudo ${command}`);
for (const name of missing) console.error(`(or point ${browsers[name].env} at an installed ${name} binary)`);
process.exit(1);
