/**
 * How long, and how much memory, the CLI takes on a large HAR: writes a synthetic file of about
 * `--mb` megabytes (default 200) to a temporary directory, runs `cors-devtools analyze` on it as
 * a child process and prints the wall time and the peak resident memory. Nothing is committed.
 *   npx tsx test/har/measure-large-har.ts [--mb 200] [--format text|md|json]
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { syntheticHar } from './synthetic-har';

const BODY_BYTES = 1500;
/** What one round of syntheticHar() takes on disk, measured. */
const ROUND_BYTES = 4008 + 3 * BODY_BYTES;

async function writeHar(path: string, megabytes: number): Promise<number> {
  const rounds = Math.ceil((megabytes * 1024 * 1024) / ROUND_BYTES);
  const out = createWriteStream(path);
  for (const chunk of syntheticHar(rounds, BODY_BYTES)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return rounds;
}

async function main(): Promise<void> {
  const mbIndex = process.argv.indexOf('--mb');
  const megabytes = mbIndex === -1 ? 200 : Number(process.argv[mbIndex + 1]);
  const formatIndex = process.argv.indexOf('--format');
  const format = formatIndex === -1 ? 'text' : (process.argv[formatIndex + 1] ?? 'text');
  const dir = await mkdtemp(join(tmpdir(), 'cors-devtools-large-har-'));
  try {
    const file = join(dir, 'large.har');
    const rounds = await writeHar(file, megabytes);
    const { size } = await stat(file);
    const bin = resolve(import.meta.dirname, '../../src/cli/bin.mjs');
    // The child reports its own peak RSS on exit, which includes the V8 heap and the buffers.
    const script = `process.on('exit', () => process.stderr.write('\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n')); process.argv.splice(1, 0, ${JSON.stringify(bin)}); await import(${JSON.stringify(bin)});`;
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, 'analyze', file, '--format', format], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    const seconds = (performance.now() - started) / 1000;
    const maxRss = Number(/maxRSS (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    console.log(`${(size / 1024 / 1024).toFixed(0)} MB, --format ${format}, ${rounds * 4} entries (${rounds * 2} cross-origin exchanges): exit ${code}, ${seconds.toFixed(1)} s, peak RSS ${maxRss.toFixed(0)} MB, report ${(stdout / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
