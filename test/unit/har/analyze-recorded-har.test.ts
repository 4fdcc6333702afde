/**
 * The analysis of HAR files recorded from the playground in Chromium 156: it pairs what the
 * browser sent and reaches the verdicts Chromium itself gave in the same run (Network.CorsError
 * and failedParameter over CDP, stored in chromium-observed.json).
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { analyzeHar } from '../../../src/har/index';
import { preflightState, summarize } from '../../../src/report/index';
import { devtoolsHarPath, observed, playwrightHarPath, readFixture, scenarioOf } from './har-fixtures';

const verdictOf = (e: Exchange): string => {
  const v = e.diagnosis?.verdict;
  if (v === undefined) return 'pending';
  return v.ok === false ? `${v.error ?? ''} ${JSON.stringify(v.failedParameter)}` : 'passes';
};
const chromiumVerdict = (url: string): string => {
  const error = observed.corsErrors.find((o) => o.url === url);
  return error === undefined ? 'passes' : `${error.corsError} ${JSON.stringify(error.failedParameter)}`;
};
const byScenario = (exchanges: readonly Exchange[], name: string): Exchange[] => exchanges.filter((e) => scenarioOf(e.url) === name);

describe("DevTools' HAR export (chrome.devtools.network.getHAR)", () => {
  const text = readFixture(devtoolsHarPath);
  const analysis = analyzeHar(text);

  it('reads the whole file: no skipped entry, no warning', () => {
    expect(analysis.source).toMatchObject({ creator: 'WebInspector 537.36', recorder: 'chrome-devtools', version: '1.2', pages: 1 });
    expect(analysis.source.entries).toBeGreaterThan(100);
    expect(analysis.skipped).toEqual([]);
    expect(analysis.warnings).toEqual([]);
    expect(analysis.unexplained).toEqual([]);
  });

  it("gives every cross-origin request Chromium's own verdict: the same CorsError, the same failedParameter", () => {
    const mine = analysis.exchanges.map((e) => `${e.method} ${e.url}: ${verdictOf(e)}`);
    const chromiums = analysis.exchanges.map((e) => `${e.method} ${e.url}: ${chromiumVerdict(e.url)}`);
    expect(mine).toEqual(chromiums);
  });

  it('has an exchange for each CORS error Chromium reported', () => {
    const failedUrls = analysis.exchanges.filter((e) => e.diagnosis?.verdict.ok === false).map((e) => e.url);
    expect(failedUrls.sort()).toEqual(observed.corsErrors.map((o) => o.url).sort());
  });

  it('pairs every preflight entry with its request: none left over', () => {
    const paired = analysis.exchanges.reduce((n, e) => n + e.preflights.length, 0);
    expect(paired).toBe(analysis.source.preflights);
  });

  it('keeps no-cors loads and same-origin requests out, as live capture does', () => {
    const names = new Set(analysis.exchanges.map((e) => scenarioOf(e.url)));
    for (const name of ['image-no-cors', 'no-cors-fetch', 'same-origin-fetch']) expect(names.has(name)).toBe(false);
    expect(names.has('image-crossorigin')).toBe(true);
  });

  it('pairs five identical parallel preflights one to one', () => {
    const puts = byScenario(analysis.exchanges, 'parallel-preflights');
    expect(puts).toHaveLength(5);
    expect(puts.map((e) => e.preflights.length)).toEqual([1, 1, 1, 1, 1]);
    expect(new Set(puts.map((e) => e.preflights[0]?.requestId)).size).toBe(5);
  });

  it('follows a 307 of the actual request: one exchange, one redirect, a preflight per hop', () => {
    const [redirected, ...others] = byScenario(analysis.exchanges, 'redirect-307-actual');
    expect(others).toEqual([]);
    expect(redirected?.redirects).toHaveLength(1);
    expect(redirected?.redirects[0]?.status).toBe(307);
    expect(redirected?.url).toMatch(/\/api\/redirect-307-actual\/moved$/);
    expect(redirected?.preflights.map((p) => new URL(p.url).pathname)).toEqual(['/api/redirect-307-actual', '/api/redirect-307-actual/moved']);
    expect(redirected?.state).toBe('complete');
  });

  it('links the second PUT of a preflight-cache hit to the preflight that filled the cache', () => {
    const [first, second] = byScenario(analysis.exchanges, 'preflight-cache-hit');
    expect(first?.preflights).toHaveLength(1);
    expect(second?.preflights).toHaveLength(0);
    expect(second?.preflightCache).toEqual({ exchangeId: first?.id, maxAge: 60 });
  });

  it('shows a request its preflight stopped as never sent: no request headers, the browser error', () => {
    const [blocked] = byScenario(analysis.exchanges, 'preflight-missing-allow-origin');
    expect(blocked).toMatchObject({ requestHeaders: null, response: null, error: 'net::ERR_FAILED', state: 'failed' });
    expect(blocked?.diagnosis?.blockedByBrowser).toBe(true);
  });

  it('gives each exchange the id `0:<entry index>` and the page origin as initiator', () => {
    for (const e of analysis.exchanges) {
      expect(e.id).toMatch(/^0:\d+$/);
      expect(e.initiator).toBe(observed.pageOrigin);
      expect(e.tabId).toBe(0);
      expect(e.frameId).toBe(0);
    }
    const parsed = JSON.parse(text) as { entries: Array<{ request: { url: string } }> };
    for (const e of analysis.exchanges) expect(parsed.entries[Number(e.id.slice(2))]?.request.url).toBe(e.redirects[0]?.from ?? e.url);
  });

  it('reads the parsed log (what the panel gets from getHAR) exactly as the text', () => {
    expect(analyzeHar(JSON.parse(text))).toEqual(analysis);
  });
});

describe("Playwright's recordHar", () => {
  const analysis = analyzeHar(readFixture(playwrightHarPath));

  it('says the file has no preflights', () => {
    expect(analysis.source).toMatchObject({ creator: 'Playwright 1.65.1', recorder: 'playwright', preflights: 0 });
    expect(analysis.source.browser).toMatch(/^chromium 156\./);
    expect(analysis.warnings.join('\n')).toMatch(/holds no preflights \(Playwright's recordHar does not record them\)/);
    expect(analysis.exchanges.every((e) => e.preflights.length === 0)).toBe(true);
  });

  it('never takes a request that needed a preflight for a cache hit: the file shows none either way', () => {
    const needed = analysis.exchanges.filter((e) => e.diagnosis?.classification.preflight === true);
    expect(needed.length).toBeGreaterThan(5);
    for (const e of needed) expect([e.url, e.preflightCache, preflightState(e)]).toEqual([e.url, null, 'not-observed']);
    expect(summarize(analysis.exchanges).preflightCacheHits).toBe(0);
    // DevTools' export of the same run records preflights: there a request that shows none was answered by the cache.
    const devtools = analyzeHar(readFixture(devtoolsHarPath));
    expect(devtools.exchanges.filter((e) => preflightState(e) === 'cached').length).toBeGreaterThan(0);
    expect(devtools.exchanges.filter((e) => preflightState(e) === 'not-observed')).toEqual([]);
  });

  it('lists every request Chromium blocked: as unexplained (no headers, no preflight kept), never as passing', () => {
    const blocked = analysis.unexplained.map((u) => u.url);
    const failed = analysis.exchanges.filter((e) => e.diagnosis?.verdict.ok === false).map((e) => e.url);
    expect([...blocked, ...failed].sort()).toEqual(observed.corsErrors.map((o) => o.url).sort());
    for (const u of analysis.unexplained) expect(u).toMatchObject({ error: 'net::ERR_FAILED', initiator: observed.pageOrigin });
  });

  it('passes every request Chromium let through', () => {
    for (const e of analysis.exchanges) expect(`${e.url}: ${verdictOf(e)}`).toBe(`${e.url}: ${chromiumVerdict(e.url)}`);
  });

  it("finds the same passing exchanges as DevTools' export of the same run", () => {
    const devtools = analyzeHar(readFixture(devtoolsHarPath));
    const passing = (exchanges: readonly Exchange[]): string[] => exchanges.filter((e) => e.diagnosis?.verdict.ok !== false).map((e) => `${e.method} ${e.url}`);
    expect(passing(analysis.exchanges)).toEqual(passing(devtools.exchanges));
  });
});
