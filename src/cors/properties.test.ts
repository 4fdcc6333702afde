import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browsers } from './browser-profile';
import { check, classify, readCorsExchange } from './index';
import type { CorsRequest, HeaderLines, HttpResponseLike } from './types';
import { API, PAGE } from './test-helpers';

/** Any byte string: every char 0x00-0xFF. */
const bytes = (maxLength = 40) => fc.array(fc.integer({ min: 0, max: 255 }), { maxLength }).map((a) => String.fromCharCode(...a));
const names = fc.oneof(
  fc.constantFrom('Accept', 'accept-language', 'Content-Language', 'Content-Type', 'Range', 'Authorization', 'X-Api-Key', 'DPR', 'Save-Data', 'Cookie', 'Sec-X', 'User-Agent', 'X-HTTP-Method-Override', 'ECT'),
  fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/),
  bytes(8),
);
const values = fc.oneof(
  fc.constantFrom('', 'text/plain', 'application/json', 'bytes=0-', 'bytes=-5', 'en-US', 'on', '1.5', 'TRACE', 'x'.repeat(129), '1'.repeat(10_000)),
  bytes(),
);
const headerLines: fc.Arbitrary<HeaderLines> = fc.array(fc.tuple(names, values), { maxLength: 8 });
const methods = fc.oneof(fc.constantFrom('GET', 'get', 'POST', 'PUT', 'patch', 'PATCH', 'DELETE', 'OPTIONS', 'SUPER', 'TRACE', '', 'G T'), bytes(6));
const origins = fc.constantFrom(PAGE, 'null', 'http://127.0.0.1:8080', 'https://app.example/', 'app.example', '', 'https://API.example');
const urls = fc.oneof(
  fc.constantFrom(`${API}/x`, `${PAGE}/same`, 'http://127.0.0.1:8081/a?b#c', 'https://u:p@api.example/', 'data:,x', 'ftp://f.example/', '/rel', 'http://', 'https://[::1]:8443/x', 'HTTPS://API.EXAMPLE/x', 'http://a b/'),
  bytes(30),
  fc.webUrl(),
);
const credentials = fc.constantFrom(undefined, 'omit', 'same-origin', 'include');
const requests: fc.Arbitrary<CorsRequest> = fc
  .record({ url: urls, origin: origins, method: methods, headers: headerLines, credentials })
  .map(({ credentials: c, ...rest }) => (c === undefined ? rest : { ...rest, credentials: c as CorsRequest['credentials'] & string }));
const answers: fc.Arbitrary<HttpResponseLike | null> = fc.option(
  fc.record({
    status: fc.oneof(fc.constantFrom(200, 204, 206, 300, 301, 302, 401, 403, 500), fc.integer({ min: -5, max: 999 })),
    headers: fc.array(
      fc.tuple(
        fc.constantFrom('Access-Control-Allow-Origin', 'access-control-allow-methods', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Credentials', 'Access-Control-Max-Age', 'Location', 'Vary'),
        fc.oneof(fc.constantFrom(PAGE, '*', 'null', 'true', 'PUT', 'x-api-key, authorization', '*, authorization', '600', '99999', `${PAGE}, ${PAGE}`), bytes(20)),
      ),
      { maxLength: 6 },
    ),
  }),
);

describe('properties', () => {
  it('classify never throws, whatever the input', () => {
    fc.assert(fc.property(requests, (r) => void classify(r)), { numRuns: 2000 });
    for (const junk of [null, undefined, 42, 'x', {}, { headers: 'x' }, { headers: [[1, 2], ['a']] }, { url: {}, origin: [], method: null }]) {
      expect(() => classify(junk as unknown as CorsRequest)).not.toThrow();
      expect(() => check({ request: junk as unknown as CorsRequest, preflight: junk as unknown as HttpResponseLike })).not.toThrow();
    }
  });

  it('check never throws and its verdict is consistent', () => {
    fc.assert(
      fc.property(requests, answers, answers, (request, preflight, response) => {
        const v = check({ request, preflight, response });
        expect(v.error === null).toBe(v.failedParameter === null);
        if (v.error !== null) expect(v.ok).toBe(false);
        if (v.ok === null) expect(v.missing.length).toBeGreaterThan(0);
        expect(v.explanation.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('readCorsExchange classifies and checks as classify() and check() do, under every credentials mode', () => {
    const modes = ['omit', 'same-origin', 'include'] as const;
    fc.assert(
      fc.property(requests, answers, answers, fc.constantFrom(...browsers), (request, preflight, response, browser) => {
        const reading = readCorsExchange({ request, preflight, response }, { browser });
        expect(reading.classification).toEqual(classify(request, { browser }));
        for (const credentials of modes) expect(reading.check(credentials)).toEqual(check({ request: { ...request, credentials }, preflight, response }, { browser }));
      }),
      { numRuns: 1000 },
    );
  });

  it('requestHeaders are lowercase, sorted and unique, and only name headers the page set', () => {
    fc.assert(
      fc.property(requests, (r) => {
        const c = classify(r);
        const given = new Set(r.headers.map(([n]) => n.toLowerCase()));
        expect([...new Set(c.requestHeaders)].sort()).toEqual(c.requestHeaders);
        for (const h of c.requestHeaders) {
          expect(h).toBe(h.toLowerCase());
          expect(given.has(h)).toBe(true);
          expect(c.dropped).not.toContain(h);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never preflights a same-origin request; preflights exactly when there is a reason', () => {
    fc.assert(
      fc.property(requests, (r) => {
        const c = classify({ ...r, url: `${PAGE}/path`, origin: PAGE });
        expect(c.preflight).toBe(false);
        expect(c.requestHeaders).toEqual([]);
        const x = classify({ ...r, url: `${API}/path`, origin: PAGE });
        if (x.invalid === null) expect(x.preflight).toBe(x.reasons.length > 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('applying the fix lines makes a failing exchange pass', () => {
    const validHeaders = fc.array(fc.tuple(names.filter((n) => /^[A-Za-z0-9-]+$/.test(n)), fc.constantFrom('1', 'application/json', 'text/plain', 'en')), { maxLength: 4 });
    const pass = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'patch', 'DELETE'),
      headers: validHeaders,
      credentials: fc.constantFrom('omit', 'same-origin', 'include'),
      // Any status but a redirect's: a 404 or 401 preflight is mended by the fix's status.
      preflight: answers.filter((a) => a === null || a.status < 300 || a.status >= 400),
      response: answers.filter((a) => a === null || (a.status >= 200 && a.status < 300)),
    });
    fc.assert(
      fc.property(pass, ({ method, headers, credentials: cred, preflight, response }) => {
        const request: CorsRequest = { url: `${API}/x`, origin: PAGE, method, headers, credentials: cred as CorsRequest['credentials'] & string };
        const pf = preflight ?? { status: 204, headers: [] };
        const rs = response ?? { status: 200, headers: [] };
        const v = check({ request, preflight: pf, response: rs });
        if (v.ok !== false) return;
        const fixedPreflight = apply(pf, v.fix.preflight, v.fix.preflightStatus);
        const fixed = check({ request, preflight: fixedPreflight, response: apply(rs, v.fix.response) });
        if (fixed.ok === false) {
          // A fix can uncover the next failure (e.g. the response after the preflight); one more round must pass.
          const again = check({ request, preflight: apply(fixedPreflight, fixed.fix.preflight, fixed.fix.preflightStatus), response: apply(apply(rs, v.fix.response), fixed.fix.response) });
          // An Allow-Headers line with nothing valid in it, on a request without unsafe headers: the fix is to remove it, which no line can say.
          if (again.error === 'InvalidAllowHeadersPreflightResponse' && classify(request).requestHeaders.length === 0) return;
          expect(again.ok).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** The answer with a fix's header lines (replacing those of the same names) and, if it gives one, its status. */
function apply(answer: HttpResponseLike, lines: readonly string[], status?: number): HttpResponseLike {
  const set = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 2)]));
  const kept = answer.headers.filter(([n]) => !set.has(n.toLowerCase()) && n.toLowerCase() !== 'location');
  return { status: status ?? answer.status, headers: [...kept, ...lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)] as const)] };
}
