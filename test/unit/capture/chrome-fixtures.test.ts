/**
 * The recorded Chrome sequences (test/fixtures/web-request/chrome) replayed through the adapter's
 * parser, the pairing engine and the diagnosis, as the background runs them.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { readFixtures, type WebRequestFixture } from '../../fixtures/web-request/web-request-fixture';
import { pairing, replay, requestIdOf } from './replay-events';

const fixtures = readFixtures('chrome');

function fixture(name: string): WebRequestFixture {
  const found = fixtures.get(name);
  if (found === undefined) throw new Error(`no Chrome fixture ${name}`);
  return found;
}

function only(name: string): Exchange {
  const exchanges = replay(fixture(name).events).exchanges();
  expect(exchanges).toHaveLength(1);
  return exchanges[0] as Exchange;
}

function verdictOf(exchange: Exchange): unknown {
  return { ok: exchange.diagnosis?.verdict.ok, error: exchange.diagnosis?.verdict.error, credentials: exchange.diagnosis?.credentials };
}

describe('recorded Chrome sequences', () => {
  it('has every hard case recorded', () => {
    expect([...fixtures.keys()]).toEqual(expect.arrayContaining([
      'parallel-preflights', 'preflight-missing-allow-origin', 'redirect-307-actual', 'preflight-cache-hit', 'image-no-cors',
      'image-crossorigin', 'same-origin-fetch', 'missing-allow-origin', 'credentials-with-cookie', 'interleaved-header-sets', 'navigation',
    ]));
  });

  it('pairs five identical parallel PUTs with five preflights, in order, whose ids interleave', () => {
    const exchanges = replay(fixture('parallel-preflights').events).exchanges();
    expect(pairing(exchanges)).toEqual({ 11: ['12'], 13: ['15'], 14: ['17'], 16: ['19'], 18: ['20'] });
    for (const exchange of exchanges) {
      const preflight = exchange.preflights[0];
      expect(exchange.state).toBe('complete');
      expect(exchange.preflightCache).toBeNull();
      expect(preflight?.startTime).toBeGreaterThan(exchange.startTime);
      expect(preflight?.response?.status).toBe(204);
      expect(exchange.mode).toEqual({ value: 'cors', source: 'sec-fetch-mode' });
      expect(verdictOf(exchange)).toEqual({ ok: true, error: null, credentials: { mode: 'same-origin', source: 'default' } });
    }
  });

  it('tells interleaved preflights apart by Access-Control-Request-Headers, and gives the simple GET none', () => {
    const exchanges = replay(fixture('interleaved-header-sets').events).exchanges();
    const byHeaders = Object.fromEntries(exchanges.map((e) => [
      (e.requestHeaders ?? []).filter(([name]) => name.toLowerCase().startsWith('x-')).map(([name]) => name.toLowerCase()).join('+') || 'none',
      e.preflights.map((p) => p.accessControlRequestHeaders.join(',')),
    ]));
    expect(byHeaders).toEqual({ 'x-a': ['x-a'], 'x-b': ['x-b'], 'x-a+x-b': ['x-a,x-b'], none: [] });
    expect(exchanges.find((e) => e.preflights.length === 0)?.preflightCache).toBeNull();
  });

  it.each([
    ['preflight-missing-allow-origin', 'PreflightMissingAllowOriginHeader'],
    ['method-not-allowed', 'MethodDisallowedByPreflightResponse'],
    ['preflight-401', 'PreflightInvalidStatus'],
    ['preflight-redirect-302', 'PreflightDisallowedRedirect'],
  ])('a failed preflight (%s): paired, the request never sent, net::ERR_FAILED, %s', (name, error) => {
    const exchange = only(name);
    expect(exchange.preflights).toHaveLength(1);
    expect(exchange.requestHeaders).toBeNull();
    expect(exchange).toMatchObject({ state: 'failed', error: 'net::ERR_FAILED', response: null, preflightCache: null });
    expect(exchange.mode).toEqual({ value: 'cors', source: 'preflight' });
    expect(verdictOf(exchange)).toMatchObject({ ok: false, error });
    expect(exchange.diagnosis?.blockedByBrowser).toBe(true);
  });

  it('follows a 307 of the actual request with its new preflight (a new requestId) on the same exchange', () => {
    const exchange = only('redirect-307-actual');
    expect(pairing([exchange])).toEqual({ 33: ['34', '35'] });
    expect(exchange.redirects).toMatchObject([{ status: 307 }]);
    expect(exchange.url).toMatch(/\/api\/redirect-307-actual\/moved$/);
    expect(exchange.preflights[1]?.url).toBe(exchange.url);
    expect(exchange).toMatchObject({ state: 'complete', preflightCache: null, response: { status: 200 } });
    expect(verdictOf(exchange)).toMatchObject({ ok: true, error: null });
  });

  it('marks the second PUT a preflight-cache hit linked to the exchange that filled the cache, with its max-age', () => {
    const [first, second] = replay(fixture('preflight-cache-hit').events).exchanges();
    expect(first?.preflights).toHaveLength(1);
    expect(first?.preflightCache).toBeNull();
    expect(second?.preflights).toHaveLength(0);
    expect(second?.preflightCache).toEqual({ exchangeId: first?.id, maxAge: 60 });
    // The request went, so the cache allowed it; the core still says the preflight was not seen.
    expect(second?.diagnosis?.verdict).toMatchObject({ ok: true, error: null, missing: ['preflight'] });
  });

  it.each(['image-no-cors', 'no-cors-fetch', 'same-origin-fetch'])('never makes an exchange of %s', (name) => {
    expect(replay(fixture(name).events).exchanges()).toEqual([]);
  });

  it('makes exchanges of <img crossorigin>, which is CORS mode', () => {
    expect(only('image-crossorigin')).toMatchObject({ type: 'image', mode: { value: 'cors', source: 'sec-fetch-mode' }, state: 'complete' });
    const failed = only('image-crossorigin-fails');
    expect(verdictOf(failed)).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader' });
  });

  it.each([
    ['simple-get', true, null],
    ['missing-allow-origin', false, 'MissingAllowOriginHeader'],
    ['allow-origin-mismatch', false, 'AllowOriginMismatch'],
    ['server-error-hidden', false, 'MissingAllowOriginHeader'],
  ])('diagnoses the simple request %s: ok %s, %s', (name, ok, error) => {
    const exchange = only(name);
    expect(exchange.preflights).toEqual([]);
    expect(exchange.preflightCache).toBeNull();
    expect(verdictOf(exchange)).toMatchObject({ ok, error, credentials: { mode: 'same-origin', source: 'default' } });
    expect(exchange.diagnosis?.blockedByBrowser).toBe(!ok);
    if (name === 'server-error-hidden') expect(exchange.response?.status).toBe(500);
  });

  it('reads credentials from the Cookie header, and says "likely" when only the browser\'s block shows them', () => {
    expect(verdictOf(only('credentials-with-cookie'))).toEqual({ ok: true, error: null, credentials: { mode: 'include', source: 'cookie-header' } });
    expect(verdictOf(only('wildcard-credentials'))).toEqual({ ok: false, error: 'WildcardOriginNotAllowed', credentials: { mode: 'include', source: 'cookie-header' } });
    expect(verdictOf(only('wildcard-credentials-no-cookie'))).toEqual({ ok: false, error: 'WildcardOriginNotAllowed', credentials: { mode: 'include', source: 'likely' } });
  });

  it('clears the tab on a top-level navigation, and keeps it with "preserve log"', () => {
    const events = fixture('navigation').events;
    const cleared = replay(events);
    expect(cleared.exchanges()).toEqual([]);
    expect(cleared.updates.map(requestIdOf)).toContain('58');

    const navigation = events.findIndex((e) => e.details['type'] === 'main_frame');
    const kept = replay(events.slice(0, navigation));
    const tabId = kept.exchanges()[0]?.tabId ?? -1;
    kept.service.setPreserveLog(tabId, true);
    for (const event of events.slice(navigation)) kept.service.ingest(parseOne(event));
    expect(kept.exchanges().map(requestIdOf)).toEqual(['58']);
  });
});

import { parseFixtureEvents } from './replay-events';
import type { FixtureEvent } from '../../fixtures/web-request/web-request-fixture';
import type { WebRequestEvent } from '../../../src/capture/web-request-event';

function parseOne(event: FixtureEvent): WebRequestEvent {
  const [parsed] = parseFixtureEvents([event]);
  if (parsed === undefined) throw new Error('unparsable fixture event');
  return parsed;
}
