import { describe, expect, it } from 'vitest';
import { isFailedExchange, summarize } from './report-summary';
import { allowHeaders, allowMethods, allowOrigin, answer, exchange, failingPut, maxAge, simpleGet } from './test-exchanges';

describe('summarize', () => {
  it('counts verdicts, preflights, cache hits and errors', () => {
    const cachedPut = exchange({ method: 'PUT', preflight: 'cached', response: answer(200, allowOrigin) });
    const tracing = exchange({
      headers: [['X-Request-Id', '1']],
      preflight: answer(204, allowOrigin, allowHeaders('x-request-id'), maxAge(60)),
      response: answer(200, allowOrigin),
    });
    const put = exchange({ method: 'PUT', preflight: answer(204, allowOrigin, allowMethods('PUT')), response: answer(200, allowOrigin) });
    const s = summarize([simpleGet(), failingPut(), failingPut(), exchange({ response: answer(200) }), cachedPut, tracing, put, { ...simpleGet(), diagnosis: null }]);
    expect(s).toMatchObject({
      total: 8,
      failed: 3,
      passed: 4,
      notObserved: 0,
      pending: 1,
      preflighted: 5,
      preflightsSent: 4,
      preflightCacheHits: 1,
      likelyUnexpectedPreflights: 1,
      blockedByBrowser: 2,
    });
    expect(s.errors).toEqual([
      { error: 'PreflightMissingAllowOriginHeader', count: 2 },
      { error: 'MissingAllowOriginHeader', count: 1 },
    ]);
    expect(s.warnings.find((w) => w.code === 'vary-origin-missing')?.count).toBeGreaterThan(0);
  });

  it('reads a failure from the verdict only', () => {
    expect(isFailedExchange(failingPut())).toBe(true);
    expect(isFailedExchange(simpleGet())).toBe(false);
    expect(isFailedExchange({ ...failingPut(), diagnosis: null })).toBe(false);
  });
});
