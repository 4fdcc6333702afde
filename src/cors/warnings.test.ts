import { describe, expect, it } from 'vitest';
import { check } from './index';
import type { CorsVerdict } from './types';
import { allowing, answer, exchange, ok, PAGE, request } from './test-helpers';

const codes = (v: CorsVerdict) => v.warnings.map((w) => w.code);

describe('warnings beyond the browser verdict', () => {
  it('server-error-hidden: a 4xx/5xx response without CORS headers', () => {
    const req = request('GET');
    const v = check(exchange(req, null, answer(500, { 'Content-Type': 'text/html' })));
    expect(v.error).toBe('MissingAllowOriginHeader');
    expect(codes(v)).toContain('server-error-hidden');
    expect(v.warnings.find((w) => w.code === 'server-error-hidden')?.message).toMatch(/500 without CORS headers/);
    expect(codes(check(exchange(req, null, ok(req, {}))))).not.toContain('server-error-hidden');
  });

  it('preflight-unauthorized: the preflight got 401 or 403', () => {
    const req = request('GET', { Authorization: 'Bearer x' });
    for (const status of [401, 403]) {
      const v = check(exchange(req, answer(status, { 'WWW-Authenticate': 'Bearer' })));
      expect(codes(v)).toContain('preflight-unauthorized');
      expect(v.error).toBe('PreflightMissingAllowOriginHeader');
    }
  });

  it('preflight-unauthorized says what a 401 most likely means, and both things a 403 can mean', () => {
    const req = request('PUT');
    const message = (status: number) => check(exchange(req, answer(status, {}))).warnings.find((w) => w.code === 'preflight-unauthorized')?.message;
    expect(message(401)).toMatch(/most likely checks authentication before CORS/);
    expect(message(403)).toMatch(/either the server checks authentication before CORS .* or its CORS configuration refused this origin, method or headers/);
  });

  it('preflight-without-cors-headers: a 2xx preflight with no Access-Control-Allow-*', () => {
    const v = check(exchange(request('PUT'), answer(200, { Allow: 'GET, PUT' })));
    expect(codes(v)).toEqual(['preflight-without-cors-headers']);
  });

  it('vary-origin-missing: a specific Allow-Origin without Vary: Origin', () => {
    const req = request('GET');
    expect(codes(check(exchange(req, null, answer(200, { 'Access-Control-Allow-Origin': PAGE }))))).toEqual(['vary-origin-missing']);
    expect(codes(check(exchange(req, null, answer(200, { 'Access-Control-Allow-Origin': PAGE, Vary: 'Accept-Encoding, origin' }))))).toEqual([]);
    expect(codes(check(exchange(req, null, answer(200, { 'Access-Control-Allow-Origin': '*' }))))).toEqual([]);
  });

  it('vary-origin-missing: each response judged by its own Vary, whatever came before', () => {
    const req = request('GET');
    const withVary = (vary: string) => codes(check(exchange(req, null, answer(200, { 'Access-Control-Allow-Origin': PAGE, Vary: vary }))));
    const cases = [
      ['Origin', []], ['Origin', []], ['Accept', ['vary-origin-missing']], ['Accept', ['vary-origin-missing']], ['*', []], ['', ['vary-origin-missing']], ['origin, Accept', []],
      ['Origins', ['vary-origin-missing']], ['Origin-Agent-Cluster', ['vary-origin-missing']], ['Origin,Accept', []], [' Origin ', []], ['Accept, *', []],
    ] as const;
    for (const [vary, expected] of cases) {
      expect(withVary(vary)).toEqual(expected);
    }
  });

  it('wildcard-covers-authorization: Allow-Headers * relied on for Authorization', () => {
    const req = request('GET', { Authorization: 'Bearer x' });
    const v = check(exchange(req, allowing(req, { 'Access-Control-Allow-Headers': '*' }), ok(req)));
    expect(v.ok).toBe(true);
    expect(codes(v)).toEqual(['wildcard-covers-authorization']);
    expect(v.warnings[0]?.message).toMatch(/Chromium allows it today, the standard does not, and Firefox warns/);
    expect(codes(check(exchange(req, allowing(req, { 'Access-Control-Allow-Headers': '*, authorization' }), ok(req))))).toEqual([]);
  });

  it('max-age-missing: Chromium then caches the preflight 5 s', () => {
    const req = request('PUT');
    const preflight = answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' });
    const v = check(exchange(req, preflight, ok(req)));
    expect(codes(v)).toEqual(['max-age-missing']);
    expect(v.warnings[0]?.message).toMatch(/5 s/);
  });

  it('max-age-over-cap: above Chromium 2 h (and Firefox 24 h)', () => {
    const req = request('PUT');
    const over = (s: string) => check(exchange(req, allowing(req, { 'Access-Control-Max-Age': s }), ok(req))).warnings;
    expect(over('7200')).toEqual([]);
    expect(over('86400')[0]).toMatchObject({ code: 'max-age-over-cap', message: expect.stringMatching(/2 h; Firefox allows up to 24 h/) });
    expect(over('90000')[0]?.message).toMatch(/2 h and Firefox to 24 h/);
  });

  it('max-age-invalid: an unparsable value is ignored', () => {
    const req = request('PUT');
    expect(codes(check(exchange(req, allowing(req, { 'Access-Control-Max-Age': 'abc' }), ok(req))))).toEqual(['max-age-invalid']);
  });

  // Measured: two PUTs 300 ms apart after such a preflight were preflighted once in Chromium 156
  // (absent, '', 'abc', '1.5', '+60' all cached), twice in Firefox 153 (all of those not cached).
  it('without a valid Max-Age, Chromium caches the preflight 5 s and Firefox not at all', () => {
    const req = request('PUT');
    const preflight = (maxAge: string | null) => answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', ...(maxAge === null ? {} : { 'Access-Control-Max-Age': maxAge }) });
    const warning = (maxAge: string | null, browser: 'chromium' | 'firefox') => check(exchange(req, preflight(maxAge), ok(req)), { browser }).warnings[0];
    expect(warning(null, 'chromium')?.message).toMatch(/Chromium caches the preflight only 5 s/);
    expect(warning('abc', 'chromium')?.message).toMatch(/is ignored and Chromium caches the preflight only 5 s/);
    expect(warning(null, 'firefox')?.message).toMatch(/Firefox does not cache the preflight at all: every request is preflighted/);
    expect(warning('1.5', 'firefox')).toMatchObject({ code: 'max-age-invalid', message: expect.stringMatching(/Firefox does not cache/) });
    expect(warning('+60', 'chromium')).toBeUndefined();
    expect(warning('+60', 'firefox')).toMatchObject({ code: 'max-age-invalid' });
  });

  it('origin-null: answering an opaque origin lets every such document in', () => {
    const req = request('GET', undefined, { origin: 'null' });
    const v = check(exchange(req, null, answer(200, {})));
    expect(v.fix.response).toEqual(['Access-Control-Allow-Origin: null']);
    expect(v.warnings.find((w) => w.code === 'origin-null')?.message).toMatch(/lets every such document read the response/);
    expect(codes(check(exchange(request('GET'), null, answer(200, {}))))).not.toContain('origin-null');
  });

  it('headers-dropped: forbidden headers fetch() dropped', () => {
    const req = request('GET', { Cookie: 'a=b' });
    expect(check(exchange(req, null, ok(req))).warnings[0]).toMatchObject({ code: 'headers-dropped', message: expect.stringMatching(/dropped Cookie/) });
  });

  it('every warning links the Fetch standard', () => {
    const req = request('GET', { Authorization: 'x', Cookie: 'c' });
    const v = check(exchange(req, answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Headers': '*' }), answer(200, { 'Access-Control-Allow-Origin': PAGE })));
    expect(v.warnings.length).toBeGreaterThan(2);
    for (const w of v.warnings) expect(w.link).toMatch(/^https:\/\/fetch\.spec\.whatwg\.org\/#/);
  });
});
