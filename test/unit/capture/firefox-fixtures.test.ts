/**
 * The recorded Firefox sequences (test/fixtures/web-request/firefox) replayed through the parser,
 * the pairing engine and the diagnosis with Firefox's rules, as the Firefox build runs them.
 * Firefox differs from Chrome in what it shows: preflights without extraHeaders, the request's
 * headers before its preflight, NS_ERROR_DOM_BAD_URI on both when a preflight fails, and a
 * normal onCompleted for a simple request that CORS blocked.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { corsRequestsOf } from '../../playground/cors-requests';
import { scenarios } from '../../playground/scenarios';
import { readFixtures } from '../../fixtures/web-request/web-request-fixture';
import { replay } from './replay-events';

const fixtures = readFixtures('firefox');

/** Cross-origin CORS requests a scenario makes (what the capture must list). */
function corsRequestsOfFixture(name: string): number {
  const scenario = scenarios.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(`no playground scenario ${name}`);
  return corsRequestsOf(scenario);
}

/** Preflights in the recording: OPTIONS requests that carried Access-Control-Request-Method. */
function recordedPreflights(name: string): string[] {
  const ids = new Set<string>();
  for (const { event, details } of fixtures.get(name)?.events ?? []) {
    if (event !== 'onSendHeaders' || details['method'] !== 'OPTIONS') continue;
    const headers = (details['requestHeaders'] as Array<{ name: string }> | undefined) ?? [];
    if (headers.some((h) => h.name.toLowerCase() === 'access-control-request-method')) ids.add(String(details['requestId']));
  }
  return [...ids].sort();
}

function exchangesOf(name: string): Exchange[] {
  return replay(fixtures.get(name)?.events ?? [], { browser: 'firefox' }).exchanges();
}

describe('recorded Firefox sequences', () => {
  it('has the hard cases recorded', () => {
    expect([...fixtures.keys()]).toEqual(expect.arrayContaining([
      'parallel-preflights', 'preflight-missing-allow-origin', 'redirect-307-actual', 'preflight-cache-hit', 'image-no-cors', 'missing-allow-origin',
    ]));
  });

  it.each([...fixtures.keys()])('%s: lists each CORS request once, with every recorded preflight paired to a request of its method', (name) => {
    const exchanges = exchangesOf(name);
    expect(exchanges).toHaveLength(corsRequestsOfFixture(name));
    const paired = exchanges.flatMap((e) => e.preflights.map((p) => p.requestId)).sort();
    expect(paired).toEqual(recordedPreflights(name));
    for (const exchange of exchanges) {
      for (const preflight of exchange.preflights) expect(preflight.accessControlRequestMethod).toBe(exchange.method);
      expect(exchange.state).not.toBe('pending');
    }
  });

  it.each([...fixtures.keys()].filter((name) => corsRequestsOfFixture(name) > 0))('%s: the verdict, under Firefox rules, is what the page got', (name) => {
    const scenario = scenarios.find((s) => s.name === name);
    for (const exchange of exchangesOf(name)) {
      const diagnosis = exchange.diagnosis;
      expect(diagnosis?.verdict.browser).toBe('firefox');
      if (name === 'wildcard-credentials-no-cookie') {
        // Nothing in webRequest shows the credentials: passes as seen, blocked if they were included.
        expect(diagnosis?.verdict.ok).toBe(true);
        expect(diagnosis?.ifCredentialsIncluded).toMatchObject({ ok: false, firefoxReason: 'CORSNotSupportingCredentials' });
        continue;
      }
      expect(diagnosis?.verdict.ok, diagnosis?.verdict.explanation).toBe(scenario?.expected.ok);
      if (diagnosis?.verdict.ok === false) expect(diagnosis.verdict.firefoxReason).toMatch(/^CORS/);
    }
  });

  it('pairs a failed preflight although Firefox errors both it and its request with NS_ERROR_DOM_BAD_URI', () => {
    const [exchange] = exchangesOf('preflight-missing-allow-origin');
    expect(exchange?.preflights).toHaveLength(1);
    expect(exchange).toMatchObject({ state: 'failed', error: 'NS_ERROR_DOM_BAD_URI' });
    expect(exchange?.diagnosis?.verdict).toMatchObject({ ok: false, error: 'PreflightMissingAllowOriginHeader', firefoxReason: 'CORSMissingAllowOrigin2' });
  });

  it('finds a simple request blocked although Firefox completed it normally', () => {
    const [exchange] = exchangesOf('missing-allow-origin');
    expect(exchange).toMatchObject({ state: 'complete', error: null, response: { status: 200 } });
    expect(exchange?.diagnosis?.verdict).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader', firefoxReason: 'CORSMissingAllowOrigin2' });
  });
});
