/** The `cors-devtools` command as CI runs it: a child process, its output and its exit code, on each recorded HAR. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devtoolsHarPath, observed, playwrightHarPath } from '../har/har-fixtures';

const bin = resolve(import.meta.dirname, '../../../src/cli/bin.mjs');
const work = mkdtempSync(join(tmpdir(), 'cors-devtools-cli-'));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], stdin?: string): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = execFile(process.execPath, [bin, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolvePromise({ code, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

function writeHar(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** The DevTools fixture with only the entries of these scenarios (and the page's own). */
function devtoolsHarOf(keep: (path: string) => boolean): string {
  const log = JSON.parse(readFileSync(devtoolsHarPath, 'utf8')) as { entries: Array<{ request: { url: string } }> };
  return JSON.stringify({ log: { ...log, entries: log.entries.filter((e) => !new URL(e.request.url).pathname.startsWith('/api/') || keep(new URL(e.request.url).pathname)) } });
}

describe('cors-devtools analyze on the recorded HARs', { timeout: 120_000 }, () => {
  it("DevTools' export: a table, each failure with its fix, exit 1", async () => {
    const { code, stdout, stderr } = await run(['analyze', devtoolsHarPath]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^.*chromium-devtools\.har: WebInspector 537\.36, \d+ entries, \d+ preflights\n/);
    expect(stdout).toContain(`cross-origin requests: ${observed.corsErrors.length} failed CORS`);
    expect(stdout).toMatch(/^Entry +Verdict +Method +Status +Preflight +Error +URL$/m);
    expect(stdout).toMatch(/^\d+ +FAILED +DELETE +- +204 +MethodDisallowedByPreflightResponse +http:\/\/\S+\/api\/method-not-allowed\?run=/m);
    expect(stdout).toMatch(/^\d+ +ok +GET +200 +- +http:\/\/\S+\/api\/simple-get\?run=/m);
    expect(stdout).toContain('\nFailures\n1. PUT ');
    expect(stdout).toContain(`   Fix: answer the preflight (OPTIONS) with\n     Access-Control-Allow-Origin: ${observed.pageOrigin}`);
    for (const error of observed.corsErrors) expect(stdout).toContain(error.url);
  });

  it("Playwright's recordHar: the blocked requests it cannot explain still fail the run", async () => {
    const { code, stdout } = await run(['analyze', playwrightHarPath]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/chromium-playwright\.har: Playwright [\d.]+ \(chromium [\d.]+\), \d+ entries, 0 preflights\n/);
    expect(stdout).toMatch(new RegExp(`^\\d+ cross-origin requests: 0 failed CORS, \\d+ with warnings; ${observed.corsErrors.length} more blocked for a reason the file does not show$`, 'm'));
    expect(stdout).toContain('\nBlocked, reason not in the file\n');
    expect(stdout).toMatch(/About the file\n- This HAR holds no preflights \(Playwright's recordHar does not record them\)/);
  });

  it('a HAR whose requests all pass: exit 0; with --fail-on warning, its warnings make it 1', async () => {
    const passing = writeHar('passing.har', devtoolsHarOf((path) => path === '/api/simple-get' || path === '/api/preflighted-put'));
    const plain = await run(['analyze', passing]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('2 cross-origin requests: 0 failed CORS, 1 with warnings');
    const strict = await run(['analyze', passing, '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    const clean = writeHar('clean.har', devtoolsHarOf((path) => path === '/api/simple-get'));
    expect((await run(['analyze', clean, '--fail-on=warning'])).code).toBe(0);
  });

  it('--format json: the versioned report, Chromium’s errors in its summary, notes on stderr', async () => {
    const { code, stdout } = await run(['analyze', devtoolsHarPath, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { schema: string; redacted: boolean; source: string; summary: { failed: number; unexplainedBlocks: number; errors: Array<{ error: string; count: number }> }; exchanges: unknown[] };
    expect(report).toMatchObject({ schema: 'cors-devtools-report', redacted: true, source: devtoolsHarPath });
    expect(report.summary.failed).toBe(observed.corsErrors.length);
    expect(report.summary.unexplainedBlocks).toBe(0);
    const counts = new Map<string, number>();
    for (const e of observed.corsErrors) counts.set(e.corsError, (counts.get(e.corsError) ?? 0) + 1);
    expect(Object.fromEntries(report.summary.errors.map((e) => [e.error, e.count]))).toEqual(Object.fromEntries(counts));

    const playwright = await run(['analyze', playwrightHarPath, '--format', 'json']);
    expect(playwright.code).toBe(1);
    const blocked = JSON.parse(playwright.stdout) as { summary: { failed: number; unexplainedBlocks: number } };
    expect(blocked.summary).toMatchObject({ failed: 0, unexplainedBlocks: observed.corsErrors.length });
    expect(playwright.stderr).toMatch(/^cors-devtools: entry \d+: PUT http:\/\/\S+ was blocked \(net::ERR_FAILED\); the file holds neither its preflight nor its response\.$/m);
  });

  it('--format md: the Markdown report, then what the file itself lacked', async () => {
    const { code, stdout } = await run(['analyze', playwrightHarPath, '--format', 'md']);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^# CORS report: ${observed.corsErrors.length} cross-origin requests blocked for a reason not recorded; none of the \\d+ checked failed\n`));
    expect(stdout).toContain('\n## About the HAR file\n\n- entry ');
  });

  it('redacts credentials unless --keep-credentials', async () => {
    const cookie = writeHar('cookie.har', devtoolsHarOf((path) => path === '/api/credentials-with-cookie'));
    const redacted = await run(['analyze', cookie, '--format', 'json']);
    expect(redacted.stdout).not.toContain('playground-session=1');
    expect(redacted.stdout).toMatch(/"Cookie",\s*"\[redacted: \d+ bytes\]"/);
    const kept = await run(['analyze', cookie, '--format', 'json', '--keep-credentials']);
    expect(kept.stdout).toContain('playground-session=1');
  });

  it('reads standard input with "-"', async () => {
    const { code, stdout } = await run(['analyze', '-'], readFileSync(devtoolsHarPath, 'utf8'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^standard input: WebInspector/);
  });

  it('shows progress with --progress (not for a small file)', async () => {
    const { stderr } = await run(['analyze', devtoolsHarPath, '--progress']);
    expect(stderr).toBe('');
  });
});

describe('cors-devtools: bad input and usage exit 2 with a message', { timeout: 120_000 }, () => {
  it.each([
    ['not JSON', 'hello', /hello\.har: This file is not valid JSON/],
    ['JSON, not a HAR', '{"name": "x"}', /not-a-har\.har: This is JSON, but not a HAR file/],
    ['empty', '', /empty\.har: The file is empty/],
  ])('%s', async (name, text, message) => {
    const file = writeHar(name === 'not JSON' ? 'hello.har' : name === 'empty' ? 'empty.har' : 'not-a-har.har', text);
    const { code, stdout, stderr } = await run(['analyze', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('a missing file, a directory', async () => {
    expect(await run(['analyze', join(work, 'nope.har')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/nope\.har: no such file\./) as unknown });
    expect(await run(['analyze', work])).toMatchObject({ code: 2, stderr: expect.stringMatching(/is a directory, not a HAR file/) as unknown });
  });

  it('a truncated file is a partial report, not an error', async () => {
    const text = readFileSync(devtoolsHarPath, 'utf8');
    const { code, stdout } = await run(['analyze', writeHar('cut.har', text.slice(0, Math.floor(text.length / 2)))]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/About the file\n- The file ends before the HAR does: it looks truncated\./);
  });

  it.each([
    [['analyze'], /Which HAR file\?/],
    [['analyse', 'x.har'], /Unknown command "analyse"/],
    [['analyze', 'x.har', '--format', 'html'], /--format takes text, md, json; got "html"/],
    [['analyze', 'x.har', '--fail-on', 'info'], /--fail-on takes error or warning; got "info"/],
    [['analyze', 'x.har', '--colour'], /Unknown option "--colour"/],
    [['analyze', 'a.har', 'b.har'], /One file at a time/],
  ])('%j', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage:');
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('cors-devtools analyze FILE.har [--format text|md|json] [--fail-on error|warning]');
    expect(stdout).toContain('Exit codes: 0 nothing found, 1 a failure');
    expect(stdout).toContain("checks it as the browser that recorded\nit does (Firefox's rules for a file Firefox wrote, Chromium's otherwise)");
  });
});
