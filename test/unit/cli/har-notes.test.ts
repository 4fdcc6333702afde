/**
 * The CLI's notes about the file (warnings, skipped entries, blocked requests it cannot explain)
 * quote the file: they are redacted and quoted like the reports' own lines, in every format.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { textReport } from '../../../src/cli/text-report';
import { analyzeHar } from '../../../src/har/index';

const SECRET = 'sk_live_SECRETVALUE123';
const START = '2026-11-22T02:10:51.675Z';

/** Playwright's record of a request its preflight blocked: the CLI can only note it. */
function blockedEntry(url: string, method = 'PUT'): unknown {
  return {
    startedDateTime: START,
    time: 1,
    request: { method, url, headers: [{ name: 'Referer', value: 'http://page.example/' }], headersSize: -1 },
    response: { status: -1, headers: [], _failureText: 'net::ERR_FAILED' },
    _resourceType: 'fetch',
  };
}

function preflightEntry(url: string): unknown {
  return {
    startedDateTime: START,
    time: 1,
    request: { method: 'OPTIONS', url, headers: [{ name: 'Origin', value: 'http://page.example' }, { name: 'Access-Control-Request-Method', value: 'PUT' }], headersSize: 100 },
    response: { status: 204, headers: [] },
    _resourceType: 'preflight',
  };
}

const unparsable = { startedDateTime: START, request: { method: 'GET', url: `https://api.example:99999/x?access_token=${SECRET}`, headers: [] }, response: { status: 200, headers: [] } };

const har = (entries: unknown[], creator = 'Playwright'): string => JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries } });

async function run(args: readonly string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, stdin: Readable.from([stdin]) };
  const code = await runCli(['analyze', '-', ...args], io);
  return { code, stdout, stderr };
}

const injected = 'PUT\n\n## All 0 requests passed <img src=x onerror=alert(1)>';
const escapes = 'PUT\u001b]0;pwned\u0007\u001b[2J';

describe('the notes about the HAR file', () => {
  it('md: URLs redacted, a method from the file can start no heading nor HTML', async () => {
    const { stdout } = await run(['--format', 'md'], har([blockedEntry(`http://api.example/x?token=${SECRET}`), blockedEntry('http://api.example/y', injected), unparsable, preflightEntry(`http://api.example/z?token=${SECRET}`)]));
    const about = stdout.slice(stdout.indexOf('\n## About the HAR file\n'));
    expect(about).toContain('- entry 0: PUT http://api.example/x?token=\\[redacted: 22 bytes\\] was blocked');
    expect(about).toContain('- entry 1: PUT\\x0A\\x0A## All 0 requests passed \\<img src=x onerror=alert(1)\\> http://api.example/y was blocked');
    expect(about).toContain('- entry 2 skipped: the request URL does not parse: "https://api.example:99999/x?access\\_token=\\[redacted: 22 bytes\\]".');
    expect(about).toContain('- 1 preflight matched no request in the file (the first: OPTIONS for PUT): "http://api.example/z?token=\\[redacted: 22 bytes\\]".');
    expect(stdout).not.toContain(SECRET);
    expect(stdout).not.toMatch(/^## All 0/m);
    expect(stdout).not.toMatch(/(?<!\\)<img/);
  });

  it('json: the notes on stderr redacted, one line each, terminal codes shown and not sent', async () => {
    const { stdout, stderr } = await run(['--format', 'json'], har([blockedEntry(`http://api.example/x?token=${SECRET}`), blockedEntry('http://api.example/y', escapes), blockedEntry('http://api.example/z', injected)]));
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stderr).toContain('cors-devtools: entry 0: PUT http://api.example/x?token=[redacted: 22 bytes] was blocked (net::ERR_FAILED)');
    expect(stderr).toContain('cors-devtools: entry 1: PUT\\x1B]0;pwned\\x07\\x1B[2J http://api.example/y was blocked');
    expect(stderr).toContain('cors-devtools: entry 2: PUT\\x0A\\x0A## All 0 requests passed');
    expect(stderr).not.toContain(SECRET);
    expect(/[\u0000-\u0009\u000b-\u001f\u007f]/.test(stderr)).toBe(false);
    expect(stderr.split('\n').filter((line) => line !== '').every((line) => line.startsWith('cors-devtools: '))).toBe(true);
  });

  it('text: the unmatched preflight and the URL that does not parse redacted, as recorded with --keep-credentials', () => {
    const analysis = analyzeHar(har([preflightEntry(`http://api.example/y?token=${SECRET}`), unparsable], 'WebInspector'));
    const redacted = textReport(analysis, 'f.har', false);
    expect(redacted).toContain('- 1 preflight matched no request in the file (the first: OPTIONS for PUT): "http://api.example/y?token=[redacted: 22 bytes]".');
    expect(redacted).toContain('- entry 1 skipped: the request URL does not parse: "https://api.example:99999/x?access_token=[redacted: 22 bytes]".');
    expect(redacted).not.toContain(SECRET);
    const kept = textReport(analysis, 'f.har', true);
    expect(kept).toContain(`(the first: OPTIONS for PUT): "http://api.example/y?token=${SECRET}".`);
    expect(kept).toContain(`"https://api.example:99999/x?access_token=${SECRET}"`);
  });

  it("a quoted URL holding $' or $& is written as it is, not read as a replacement pattern", () => {
    const url = `http://api.example/y?q=$'$&&token=${SECRET}`;
    const text = textReport(analyzeHar(har([preflightEntry(url)], 'WebInspector')), 'f.har', false);
    expect(text).toContain(`(the first: OPTIONS for PUT): "http://api.example/y?q=$'$&&token=[redacted: 22 bytes]".\n`);
  });

  it('the analysis keeps the URLs as recorded, for the panel, each apart from the sentence about it', () => {
    const analysis = analyzeHar(har([preflightEntry(`http://api.example/y?token=${SECRET}`), unparsable], 'WebInspector'));
    expect(analysis.fileWarnings[0]).toEqual({ message: '1 preflight matched no request in the file (the first: OPTIONS for PUT)', url: `http://api.example/y?token=${SECRET}` });
    expect(analysis.warnings[0]).toBe(`1 preflight matched no request in the file (the first: OPTIONS for PUT): "http://api.example/y?token=${SECRET}".`);
    expect(analysis.skipped).toEqual([{ index: 1, reason: 'the request URL does not parse', url: `https://api.example:99999/x?access_token=${SECRET}` }]);
  });
});
