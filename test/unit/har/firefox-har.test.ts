/**
 * The analysis of a HAR file exported by Firefox ESR 153's own network monitor (its HAR
 * auto-export, test/har/record-firefox-har.ts) from one run of every playground scenario, checked
 * against what Firefox did in the same run (firefox-observed.json): the page's outcome per
 * scenario and the reason Firefox's console gave for each block.
 *
 * What the analysis cannot get right from the file alone is in docs/har.md, "Firefox's export".
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { analyzeHar } from '../../../src/har/index';
import { firefoxHarPath, firefoxObserved as observed, readFixture, scenarioOf } from './har-fixtures';

const text = readFixture(firefoxHarPath);
const analysis = analyzeHar(text);

interface HarEntry {
  readonly request: { readonly method: string; readonly url: string };
  readonly response: { readonly status: number };
}
const entries = (JSON.parse(text) as { log: { entries: HarEntry[] } }).log.entries;

const failed = (e: Exchange): boolean => e.diagnosis?.verdict.ok === false;
const byScenario = (name: string): Exchange[] => analysis.exchanges.filter((e) => scenarioOf(e.url) === name);
/** Scenarios whose requests the page saw fail / resolve, among those the analysis should show. */
const notCors = new Set(['image-no-cors', 'no-cors-fetch', 'same-origin-fetch']);
const scenarios = Object.keys(observed.outcomes).filter((name) => !notCors.has(name));
const pageFailed = scenarios.filter((name) => observed.outcomes[name]?.ok === false);
const pageResolved = scenarios.filter((name) => observed.outcomes[name]?.ok === true);
/** Blocked requests whose preflight Firefox refused: the request entry has status 0 and no response. */
const stoppedByPreflight = pageFailed.filter((name) => entries.some((e) => scenarioOf(e.request.url) === name && e.request.method !== 'OPTIONS' && e.response.status === 0));
/**
 * Blocked only because fetch() sent it with credentials: 'include', which nothing in a HAR shows
 * (no Cookie header was sent): under fetch()'s default reading it passes.
 */
const credentialsInvisible = 'wildcard-credentials-no-cookie';

describe("Firefox's HAR export (the network monitor's HAR auto-export)", () => {
  it('is a whole run of the playground: every scenario, Firefox named as creator and browser', () => {
    expect(observed.browser).toMatch(/^firefox\/153\./);
    expect(Object.keys(observed.outcomes)).toHaveLength(56);
    expect(analysis.source).toMatchObject({ version: '1.2', creator: 'Firefox 153.7.0', browser: 'Firefox 153.7.0', recorder: 'firefox-devtools', pages: 1, notHttp: 0 });
    expect(analysis.source.entries).toBe(entries.length);
    expect(analysis.skipped).toEqual([]);
  });

  it('holds an OPTIONS entry for each preflight Firefox sent, and the analysis counts them as preflights', () => {
    const options = entries.filter((e) => e.request.method === 'OPTIONS');
    expect(options.length).toBeGreaterThan(30);
    expect(analysis.source.preflights).toBe(options.length);
    // Firefox sent a preflight per request, also where a cache would answer in Chromium.
    expect(entries.filter((e) => e.request.method === 'OPTIONS' && scenarioOf(e.request.url) === 'parallel-preflights')).toHaveLength(5);
    expect(entries.filter((e) => e.request.method === 'OPTIONS' && scenarioOf(e.request.url) === 'preflight-cache-hit')).toHaveLength(2);
  });

  it("keeps a request its preflight stopped as an entry without a response: status 0, no timings, no error field", () => {
    expect(stoppedByPreflight.length).toBeGreaterThan(15);
    for (const name of stoppedByPreflight) {
      const [exchange] = byScenario(name);
      expect(exchange).toMatchObject({ response: null, state: 'failed' });
    }
  });

  it('never fails a request the page saw resolve', () => {
    expect(pageResolved.length).toBeGreaterThan(15);
    for (const name of pageResolved) {
      const exchanges = byScenario(name);
      expect(exchanges.length, name).toBeGreaterThan(0);
      for (const e of exchanges) expect(`${name}: ${failed(e) ? 'failed' : 'not failed'}`).toBe(`${name}: not failed`);
    }
  });

  it('fails every request Firefox blocked at its response (a simple request, or after a passing preflight), as Firefox did', () => {
    const blockedAtResponse = pageFailed.filter((name) => !stoppedByPreflight.includes(name) && name !== credentialsInvisible);
    expect(blockedAtResponse.length).toBeGreaterThan(8);
    for (const name of blockedAtResponse) {
      const exchanges = byScenario(name);
      expect(exchanges, name).toHaveLength(1);
      expect(`${name}: ${exchanges.every(failed) ? 'failed' : 'not failed'}`).toBe(`${name}: failed`);
      // Firefox's console named a reason for the same URL.
      const reasons = observed.consoleReasons.filter((r) => r.url === exchanges[0]?.url && !r.warning);
      expect(reasons.length, name).toBeGreaterThan(0);
    }
  });

  it("lets through a request blocked only for credentials: 'include' without a Cookie (nothing in a HAR shows it)", () => {
    expect(observed.outcomes[credentialsInvisible]?.ok).toBe(false);
    const [exchange] = byScenario(credentialsInvisible);
    expect(exchange?.diagnosis?.verdict.ok).toBe(true);
    expect(observed.consoleReasons.some((r) => r.url === exchange?.url && r.key === 'CORSNotSupportingCredentials')).toBe(true);
  });

  it('keeps no-cors loads and same-origin requests out, as live capture does', () => {
    const names = new Set(analysis.exchanges.map((e) => scenarioOf(e.url)));
    for (const name of notCors) expect(names.has(name)).toBe(false);
    expect(names.has('image-crossorigin')).toBe(true);
  });

  it('gives each exchange the id `0:<entry index>` and the page origin as initiator', () => {
    for (const e of analysis.exchanges) {
      expect(e.id).toMatch(/^0:\d+$/);
      expect(e.initiator).toBe(observed.pageOrigin);
      expect(entries[Number(e.id.slice(2))]?.request.url).toBe(e.redirects[0]?.from ?? e.url);
    }
  });

  it('follows the 307 of the actual request: one exchange, one redirect', () => {
    const [redirected, ...others] = byScenario('redirect-307-actual');
    expect(others).toEqual([]);
    expect(redirected?.redirects.map((r) => r.status)).toEqual([307]);
    expect(redirected?.url).toMatch(/\/api\/redirect-307-actual\/moved$/);
  });

  it("applies Firefox's rules: the Priority header Firefox adds is not a page header, and the credentials reading is kept beside a pass", () => {
    const [image] = byScenario('image-crossorigin-fails');
    expect(image?.diagnosis?.classification.requestHeaders).toEqual([]);
    expect(image?.requestHeaders?.some(([name]) => name.toLowerCase() === 'priority')).toBe(false);
    const [simple] = byScenario('simple-get');
    expect(simple?.diagnosis?.verdict.ok).toBe(true);
    // Firefox ends a simple request CORS blocked like any other: the core says what credentials would do.
    expect(simple?.diagnosis?.ifCredentialsIncluded?.ok).toBe(false);
  });

  it('keeps no verdict under credentials that fails at a preflight when the request was answered: a failed preflight would have stopped it', () => {
    const kept = analysis.exchanges.filter((e) => e.diagnosis?.ifCredentialsIncluded !== undefined);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((e) => e.diagnosis?.ifCredentialsIncluded?.stage === 'preflight' && e.response !== null).map((e) => e.url)).toEqual([]);
  });

  it('ends a request its preflight stopped with Firefox\'s CORS error, after that preflight, with the reason from it', () => {
    for (const name of stoppedByPreflight) {
      const [exchange] = byScenario(name);
      expect(exchange?.error, name).toBe('NS_ERROR_DOM_BAD_URI');
      expect(exchange?.preflights, name).toHaveLength(1);
      const verdict = exchange?.diagnosis?.verdict;
      // Every reason is the preflight's: Preflight*, or *PreflightResponse (methods, headers).
      expect(`${name}: ${verdict?.ok === false ? (verdict.error ?? '') : 'not failed'}`).toMatch(/: (Preflight\w+|\w+PreflightResponse)$/);
    }
  });

  it('reads the parsed HAR exactly as the text', () => {
    expect(analyzeHar(JSON.parse(text))).toEqual(analysis);
  });

  // Firefox dates a preflighted request from its creation, before its preflight, but times only
  // its own exchange after it: the replay moves the request's exchange after its OPTIONS.
  it('pairs every OPTIONS entry with its request: none left over', () => {
    const paired = analysis.exchanges.reduce((n, e) => n + e.preflights.length, 0);
    expect(paired).toBe(analysis.source.preflights);
    expect(analysis.warnings).toEqual([]);
    expect(byScenario('parallel-preflights').map((e) => e.preflights.length)).toEqual([1, 1, 1, 1, 1]);
  });

  // A request its preflight stopped (status 0, no error field in Firefox's HAR) ends after that
  // preflight with Firefox's CORS error, and the core reads the preflight.
  it('diagnoses every request Firefox blocked at its preflight as failed (or lists it as unexplained)', () => {
    const unexplained = new Set(analysis.unexplained.map((u) => scenarioOf(u.url)));
    for (const name of stoppedByPreflight) {
      const exchanges = byScenario(name);
      const verdict = unexplained.has(name) ? 'unexplained' : exchanges.length > 0 && exchanges.every(failed) ? 'failed' : 'not failed';
      expect(`${name}: ${verdict}`).not.toBe(`${name}: not failed`);
    }
  });
});

describe('cors-devtools analyze on the Firefox HAR', { timeout: 60_000 }, () => {
  it('prints the table and exits 1 for the failures it finds', async () => {
    const bin = resolve(import.meta.dirname, '../../../src/cli/bin.mjs');
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(process.execPath, [bin, 'analyze', firefoxHarPath], { maxBuffer: 64 << 20 }, (error, out) => {
        done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout: out });
      });
    });
    expect(code).toBe(1);
    // Firefox writes itself as both creator and browser: named once.
    expect(stdout).toMatch(/firefox-devtools\.har: Firefox 153\.7\.0, \d+ entries, \d+ preflights\n/);
    expect(stdout).toMatch(/^\d+ +FAILED +GET +200 +\S+ +MissingAllowOriginHeader +http:\/\/\S+\/api\/missing-allow-origin\?run=/m);
    expect(stdout).toMatch(/^\d+ +ok +GET +200 +\S+ +http:\/\/\S+\/api\/simple-get\?run=/m);
  });
});
