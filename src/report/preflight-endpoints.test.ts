import { describe, expect, it } from 'vitest';
import type { Exchange } from '../capture/exchange';
import { endpointOf } from './endpoint-of';
import { preflightEndpoints } from './preflight-endpoints';
import { API, allowHeaders, allowMethods, allowOrigin, answer, exchange, maxAge, simpleGet } from './test-exchanges';

const preflighted = (spec: Parameters<typeof exchange>[0]): Exchange =>
  exchange({ response: answer(200, allowOrigin), ...spec });

describe('preflightEndpoints', () => {
  it('groups per origin + path, query ignored, and says what triggered the preflights', () => {
    const traced = [1, 2, 3].map((i) =>
      preflighted({ url: `${API}/search?q=${i}`, headers: [['X-Request-Id', `r${i}`]], preflight: answer(204, allowOrigin, allowHeaders('x-request-id'), maxAge(600)), preflightMs: i * 10 }),
    );
    const [endpoint, ...rest] = preflightEndpoints([...traced, simpleGet()]);
    expect(rest).toHaveLength(0);
    expect(endpoint).toMatchObject({
      endpoint: `${API}/search`,
      origin: API,
      path: '/search',
      requests: 3,
      preflights: 3,
      cacheHits: 0,
      likelyUnexpected: 3,
      summary: 'only `x-request-id` on every GET',
      waitMs: { total: 60, median: 20 },
    });
    expect(endpoint?.triggers).toEqual([
      { rule: 'header-name', header: 'x-request-id', value: null, words: '`x-request-id`', requests: 3, methods: ['GET'], likelyUnexpected: true },
    ]);
    expect(endpoint?.advice[0]).toMatch(/^Drop `x-request-id` from cross-origin requests/);
  });

  it('names a JSON Content-Type on every GET and advises dropping it', () => {
    const gets = [1, 2].map(() => preflighted({ url: `${API}/items`, headers: [['Content-Type', 'application/json']], preflight: answer(204, allowOrigin, allowHeaders('content-type'), maxAge(60)) }));
    const [endpoint] = preflightEndpoints(gets);
    expect(endpoint?.summary).toBe('`content-type: application/json` on every GET');
    expect(endpoint?.advice[0]).toContain('A GET has no body');
    expect(endpoint?.likelyUnexpected).toBe(2);
  });

  it('names the method, and mixes of triggers with their counts', () => {
    const put = preflighted({ method: 'PUT', url: `${API}/doc`, preflight: answer(204, allowOrigin, allowMethods('PUT'), maxAge(60)) });
    const putTraced = preflighted({ method: 'PUT', url: `${API}/doc`, headers: [['traceparent', '00-1-2-01']], preflight: answer(204, allowOrigin, allowMethods('PUT'), allowHeaders('traceparent'), maxAge(60)) });
    expect(preflightEndpoints([put])[0]?.summary).toBe('method PUT');
    expect(preflightEndpoints([put, putTraced])[0]?.summary).toBe('method PUT and `traceparent` (1 of 2)');
    expect(preflightEndpoints([put])[0]?.advice[0]).toContain('PUT is never CORS-safelisted');
    expect(preflightEndpoints([put])[0]?.likelyUnexpected).toBe(0);
    // The method preflights every request anyway: header advice would not avoid one.
    const putJson = preflighted({ method: 'PUT', url: `${API}/doc`, headers: [['Content-Type', 'application/json']], preflight: answer(204, allowOrigin, allowMethods('PUT'), allowHeaders('content-type'), maxAge(60)) });
    expect(preflightEndpoints([putJson])[0]?.advice).toEqual([expect.stringContaining('PUT is never CORS-safelisted')]);
  });

  describe('the cache', () => {
    const kinds = (e: Exchange[]) => preflightEndpoints(e)[0]?.cache.map((c) => c.kind);
    const put = (...headers: Array<readonly [string, string]>) => preflighted({ method: 'PUT', url: `${API}/doc`, preflight: answer(204, allowOrigin, allowMethods('PUT'), ...headers) });

    it('says when Access-Control-Max-Age is missing, so 5 s', () => {
      const [endpoint] = preflightEndpoints([put()]);
      expect(endpoint?.cache[0]).toMatchObject({ kind: 'max-age-missing', count: 1 });
      expect(endpoint?.cache[0]?.message).toContain('only 5 s');
      expect(endpoint?.advice).toContain("Send Access-Control-Max-Age: 7200 with the preflight response (Chromium's 2-hour cap; Firefox allows up to 86400).");
    });

    it('says when it is zero, negative, invalid or above the cap', () => {
      expect(kinds([put(maxAge(0))])).toEqual(['max-age-zero']);
      expect(kinds([put(maxAge(-1))])).toEqual(['max-age-negative']);
      expect(kinds([put(maxAge('10 minutes'))])).toEqual(['max-age-invalid']);
      expect(kinds([put(maxAge(86400))])).toEqual(['max-age-over-cap']);
      expect(preflightEndpoints([put(maxAge(86400))], { browser: 'firefox' })[0]?.cache).toEqual([]);
      expect(kinds([put(maxAge(600))])).toEqual([]);
    });

    it('finds the cache-busting query that defeats the per-URL cache', () => {
      const busted = [1, 2, 3].map((i) =>
        preflighted({ method: 'PUT', url: `${API}/doc?v=1&_=${1700000000 + i}`, preflight: answer(204, allowOrigin, allowMethods('PUT'), maxAge(600)), startTime: i * 100 }),
      );
      const [endpoint] = preflightEndpoints(busted);
      const unique = endpoint?.cache.find((c) => c.kind === 'unique-urls');
      expect(unique?.message).toBe('3 preflights went to 3 different URLs (`_` differs between them): the preflight cache is per URL, so every new URL preflights again, whatever the max-age.');
      expect(endpoint?.advice.some((a) => a.startsWith('Stop varying the URL with `_`'))).toBe(true);
    });

    it('does not call a redirect to another path a cache miss, and names a parameter only some URLs have', () => {
      const redirected = preflighted({ method: 'PUT', url: `${API}/moved`, preflight: answer(204, allowOrigin, allowMethods('PUT'), maxAge(600)) });
      const withHop = { ...redirected, preflights: [{ ...(redirected.preflights[0] as Exchange['preflights'][number]), url: `${API}/old` }, ...redirected.preflights] };
      expect(kinds([withHop])).toEqual([]);
      const sometimes = [`${API}/doc`, `${API}/doc?nocache=1`].map((url) => preflighted({ method: 'PUT', url, preflight: answer(204, allowOrigin, allowMethods('PUT'), maxAge(600)) }));
      expect(preflightEndpoints(sometimes)[0]?.cache[0]?.message).toContain('(`nocache` differs between them)');
    });

    it('sees parallel preflights and cache hits', () => {
      const parallel = [0, 1, 2].map(() => preflighted({ method: 'PUT', url: `${API}/doc`, preflight: answer(204, allowOrigin, allowMethods('PUT'), maxAge(0)), startTime: 1000, preflightMs: 5 }));
      expect(kinds(parallel)).toEqual(['max-age-zero', 'parallel']);
      const hit = exchange({ method: 'PUT', url: `${API}/doc`, preflight: 'cached', cacheMaxAge: 600, response: answer(200, allowOrigin) });
      const [endpoint] = preflightEndpoints([put(maxAge(600)), hit]);
      expect(endpoint).toMatchObject({ requests: 2, preflights: 1, cacheHits: 1 });
      expect(endpoint?.cache.map((c) => c.message)).toEqual(['1 request was answered by the preflight cache.']);
    });
  });

  it('orders endpoints by preflights, then time waited', () => {
    const a = preflighted({ method: 'PUT', url: `${API}/a`, preflight: answer(204, allowOrigin, allowMethods('PUT')), preflightMs: 50 });
    const b = [1, 2].map(() => preflighted({ method: 'PUT', url: `${API}/b`, preflight: answer(204, allowOrigin, allowMethods('PUT')), preflightMs: 1 }));
    const c = preflighted({ method: 'PUT', url: `${API}/c`, preflight: answer(204, allowOrigin, allowMethods('PUT')), preflightMs: 80 });
    expect(preflightEndpoints([a, ...b, c]).map((e) => e.path)).toEqual(['/b', '/c', '/a']);
  });

  it('never throws on odd data', () => {
    const odd = { ...simpleGet(), url: 'not a url?x=1', preflights: [{ ...(exchange({ method: 'PUT', preflight: answer(204) }).preflights[0] ?? ({} as never)), endTime: null }], diagnosis: null };
    expect(() => preflightEndpoints([odd])).not.toThrow();
    expect(preflightEndpoints([odd])[0]).toMatchObject({ endpoint: 'not a url', summary: 'no reason recorded', waitMs: { total: 0, median: null } });
    expect(endpointOf(`${API}/x?y#z`)).toEqual({ endpoint: `${API}/x`, origin: API, path: '/x' });
    expect(endpointOf('not a url?x=1')).toEqual({ endpoint: 'not a url', origin: '', path: 'not a url' });
  });
});

describe('preflightEndpoints, requests their preflight stopped', () => {
  it('does not invent the header values that were never observed', () => {
    const stopped = exchange({ url: `${API}/stopped`, headers: [['Content-Type', 'application/json']], preflight: answer(204) });
    expect(preflightEndpoints([stopped])[0]?.summary).toBe('`content-type` (value not observed) on every GET');
  });
});
