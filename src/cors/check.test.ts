import { describe, expect, it } from 'vitest';
import { check } from './index';
import { allowing, answer, API, exchange, ok, PAGE, request } from './test-helpers';

describe('check: passing exchanges', () => {
  it('passes a simple GET whose response allows the origin', () => {
    const req = request('GET');
    const v = check(exchange(req, null, ok(req)));
    expect(v).toMatchObject({ ok: true, error: null, failedParameter: null, stage: null, missing: [], credentialsMode: 'same-origin', browser: 'chromium' });
    expect(v.fix).toEqual({ preflight: [], response: [] });
  });

  it('passes a preflighted PUT', () => {
    const req = request('PUT', { 'X-Api-Key': '1' });
    expect(check(exchange(req, allowing(req), ok(req)))).toMatchObject({ ok: true, error: null, warnings: [] });
  });

  it('passes same-origin requests without any CORS header', () => {
    const req = request('PUT', { 'X-A': '1' }, { url: `${PAGE}/x` });
    expect(check(exchange(req, null, answer(200)))).toMatchObject({ ok: true, explanation: expect.stringMatching(/same-origin/) });
  });
});

describe('check: what was not observed', () => {
  it('says the preflight is missing instead of inventing a result', () => {
    const req = request('DELETE');
    const v = check(exchange(req));
    expect(v).toMatchObject({ ok: null, error: null, missing: ['preflight', 'response'] });
    expect(v.explanation).toMatch(/No preflight was observed/);
    expect(v.fix.preflight).toEqual([`Access-Control-Allow-Origin: ${PAGE}`, 'Access-Control-Allow-Methods: DELETE']);
  });

  it('checks the response when the preflight was answered from the cache', () => {
    const req = request('DELETE');
    expect(check(exchange(req, null, ok(req)))).toMatchObject({ ok: true, missing: ['preflight'] });
    expect(check(exchange(req, null, answer(200)))).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader', stage: 'response', missing: ['preflight'] });
  });

  it('checks the preflight when the response is absent', () => {
    const req = request('PUT');
    expect(check(exchange(req, allowing(req)))).toMatchObject({ ok: null, missing: ['response'] });
  });
});

describe('check: a preflight that ended in a network error', () => {
  const req = request('PUT', { 'X-Api-Key': '1' });
  const refused = { networkError: 'net::ERR_CONNECTION_REFUSED' };

  it('says it got no answer and no CORS check ran: open, no CorsError, no fix lines, no warnings', () => {
    const v = check({ request: req, preflight: refused, response: null });
    expect(v).toMatchObject({ ok: null, error: null, failedParameter: null, stage: null, missing: ['response'], fix: { preflight: [], response: [] }, warnings: [], firefoxReason: null });
    expect(v.explanation).toBe(
      `The browser sent a preflight (OPTIONS with Access-Control-Request-Method: PUT and Access-Control-Request-Headers: x-api-key) for PUT ${API}/items from ${PAGE}, and it got no answer: ` +
        'it failed with net::ERR_CONNECTION_REFUSED, a network error, before any response arrived. No CORS check ran, so nothing in the server\'s CORS headers is at fault; ' +
        `the browser failed the request with the preflight's network error. Look at why the connection to ${API} failed (server down, reset, TLS, proxy or firewall).`,
    );
  });

  it('names the request\'s own network error when it is another', () => {
    expect(check({ request: req, preflight: refused, response: { networkError: 'net::ERR_CONNECTION_REFUSED' } }).explanation).not.toContain('the request ended with');
    expect(check({ request: req, preflight: refused, response: { networkError: 'net::ERR_ABORTED' } }).explanation).toContain(
      "the browser failed the request with the preflight's network error (the request ended with net::ERR_ABORTED).",
    );
  });

  it('is read as no answer when the response was observed all the same: the response is checked', () => {
    expect(check({ request: req, preflight: refused, response: ok(req) })).toMatchObject({ ok: true, missing: ['preflight'] });
    expect(check({ request: req, preflight: refused, response: answer(200) })).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader', stage: 'response' });
  });

  it('is ignored for a request that needs no preflight, as any other preflight answer is', () => {
    const simple = request('GET');
    expect(check({ request: simple, preflight: refused, response: ok(simple) })).toMatchObject({ ok: true, missing: [] });
  });

  it('a response that is a network error is not observed: the verdict is open', () => {
    const simple = request('GET');
    const v = check({ request: simple, preflight: null, response: { networkError: 'net::ERR_CONNECTION_RESET' } });
    expect(v).toMatchObject({ ok: null, missing: ['response'] });
    expect(v.explanation).toMatch(/The response was not observed/);
  });
});

describe('check: failures, as Chromium names them', () => {
  const req = request('PUT', { 'X-Api-Key': '1' });
  const cases = [
    ['PreflightMissingAllowOriginHeader', '', answer(204, {})],
    ['PreflightAllowOriginMismatch', 'https://other.example', answer(204, { 'Access-Control-Allow-Origin': 'https://other.example' })],
    ['PreflightMultipleAllowOriginValues', `${PAGE}, ${PAGE}`, answer(204, [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Origin', PAGE]])],
    ['PreflightInvalidAllowOriginValue', 'app.example', answer(204, { 'Access-Control-Allow-Origin': 'app.example' })],
    ['PreflightInvalidStatus', '', answer(500, { 'Access-Control-Allow-Origin': PAGE })],
    ['PreflightDisallowedRedirect', '', answer(302, { Location: '/elsewhere' })],
    ['InvalidAllowMethodsPreflightResponse', '', answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT GET' })],
    ['InvalidAllowHeadersPreflightResponse', '', answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-api-key;' })],
    ['MethodDisallowedByPreflightResponse', 'PUT', answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET, POST' })],
    ['HeaderDisallowedByPreflightResponse', 'x-api-key', answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' })],
  ] as const;
  it.each(cases)('%s (%j)', (error, failedParameter, preflight) => {
    const v = check(exchange(req, preflight));
    expect(v).toMatchObject({ ok: false, error, failedParameter, stage: 'preflight' });
    expect(v.explanation).toMatch(/^The browser sent a preflight \(OPTIONS with Access-Control-Request-Method: PUT and Access-Control-Request-Headers: x-api-key\)/);
  });

  it('gives the exact lines that fix the preflight and the response', () => {
    const v = check(exchange(req, answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET' })));
    expect(v.fix).toEqual({
      preflight: ['Access-Control-Allow-Methods: GET, PUT', 'Access-Control-Allow-Headers: x-api-key'],
      response: [`Access-Control-Allow-Origin: ${PAGE}`],
    });
  });

  it('fixes Allow-Headers keeping what the server already allows', () => {
    const r = request('GET', { Authorization: 'x', 'Content-Type': 'application/json' });
    const v = check(exchange(r, answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Headers': 'x-trace' })));
    expect(v.fix.preflight).toEqual(['Access-Control-Allow-Headers: x-trace, authorization, content-type']);
  });

  it('matches methods case-sensitively (patch is not PATCH)', () => {
    const r = request('patch');
    const v = check(exchange(r, answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PATCH' })));
    expect(v).toMatchObject({ error: 'MethodDisallowedByPreflightResponse', failedParameter: 'patch' });
    expect(v.explanation).toMatch(/case-sensitively/);
    expect(v.fix.preflight).toEqual(['Access-Control-Allow-Methods: PATCH, patch']);
  });

  it('refuses * with credentials and asks for the exact origin', () => {
    const r = request('GET', {}, { credentials: 'include' });
    const v = check(exchange(r, null, answer(200, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' })));
    expect(v).toMatchObject({ ok: false, error: 'WildcardOriginNotAllowed', failedParameter: '', stage: 'response', credentialsMode: 'include' });
    expect(v.fix.response).toEqual([`Access-Control-Allow-Origin: ${PAGE}`, 'Access-Control-Allow-Credentials: true']);
  });

  it('requires Allow-Credentials: true exactly', () => {
    const r = request('GET', {}, { credentials: 'include' });
    const v = check(exchange(r, null, answer(200, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'TRUE' })));
    expect(v).toMatchObject({ error: 'InvalidAllowCredentials', failedParameter: 'TRUE' });
  });

  it('lets "null" match an opaque origin', () => {
    const r = request('GET', {}, { origin: 'null' });
    expect(check(exchange(r, null, answer(200, { 'Access-Control-Allow-Origin': 'null' })))).toMatchObject({ ok: true });
  });

  it('refuses cross-origin schemes other than http(s)', () => {
    const r = request('GET', {}, { url: 'ftp://files.example/x' });
    expect(check(exchange(r))).toMatchObject({ ok: false, error: 'CorsDisabledScheme' });
  });

  it('reports a request fetch() rejects without a CORS error', () => {
    const v = check(exchange(request('GET', {}, { url: 'http://' })));
    expect(v).toMatchObject({ ok: false, error: null, stage: null });
    expect(v.explanation).toMatch(/not an absolute URL/);
  });
});

describe('check: a redirect to a URL with credentials', () => {
  // Chromium 156, seen: a fetch() redirected by a 302 (Access-Control-Allow-Origin: *) to
  // http://user:pw@<another origin>/x is blocked, "Redirect location '' contains a username and password".
  const req = request('GET');
  const redirect = (location: string) => answer(302, { 'Access-Control-Allow-Origin': '*', Location: location });

  it('is blocked when it leads to another origin than the request\'s, in either browser', () => {
    for (const browser of ['chromium', 'firefox'] as const) {
      const v = check(exchange(req, null, redirect('https://user:secret@other.example/x')), { browser });
      expect(v).toMatchObject({ ok: false, error: 'RedirectContainsCredentials', failedParameter: '', stage: 'response', fix: { preflight: [], response: [] }, firefoxReason: null });
      expect(v.explanation).toMatch(/redirect to a URL on https:\/\/other\.example that holds a user name or password/);
      expect(v.explanation).not.toContain('secret');
    }
    expect(check(exchange(req, null, redirect('https://token@other.example/x'))).error).toBe('RedirectContainsCredentials');
    // A location without a scheme is resolved against the URL it answered, in the check and in its words.
    expect(check(exchange(req, null, redirect('//user:secret@other.example/x'))).explanation).toMatch(/redirect to a URL on https:\/\/other\.example that holds/);
  });

  it('is followed when the URL has no credentials, or is of the request\'s own origin', () => {
    expect(check(exchange(req, null, redirect('https://other.example/x')))).toMatchObject({ ok: null, error: null });
    expect(check(exchange(req, null, redirect(`${PAGE.replace('://', '://user:pw@')}/back`)))).toMatchObject({ ok: null, error: null });
  });
});

describe('check: fix lines only where a header line fixes something', () => {
  it('none for a redirected preflight: it must be answered where it is asked', () => {
    const req = request('PUT');
    const v = check(exchange(req, answer(301, { Location: "https://api.example/items/", 'Access-Control-Allow-Origin': PAGE })));
    expect(v).toMatchObject({ ok: false, error: 'PreflightDisallowedRedirect' });
    expect(v.fix.preflight).toEqual([]);
  });

  it('a status for a preflight answered 404 or 401: no header line mends it', () => {
    const req = request('PUT', { 'X-Api-Key': '1' });
    const bare = check(exchange(req, answer(404, {})));
    expect(bare).toMatchObject({ error: 'PreflightMissingAllowOriginHeader' });
    expect(bare.fix.preflightStatus).toBe(204);
    expect(bare.fix.preflight).toEqual([`Access-Control-Allow-Origin: ${PAGE}`, 'Access-Control-Allow-Methods: PUT', 'Access-Control-Allow-Headers: x-api-key']);
    const allowed = check(exchange(req, answer(401, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-api-key' })));
    expect(allowed).toMatchObject({ error: 'PreflightInvalidStatus' });
    expect(allowed.fix).toMatchObject({ preflight: [], preflightStatus: 204 });
  });

  it('no status for a preflight whose 2xx status passed, nor for a redirected one', () => {
    const req = request('PUT');
    expect(check(exchange(req, answer(200, { 'Access-Control-Allow-Origin': PAGE }))).fix.preflightStatus).toBeUndefined();
    expect(check(exchange(req, answer(307, { Location: 'https://api.example/x/', 'Access-Control-Allow-Origin': PAGE }))).fix.preflightStatus).toBeUndefined();
  });

  it('none for an exchange that passed with its preflight answered by the cache', () => {
    const req = request('PUT');
    const v = check(exchange(req, null, ok(req)));
    expect(v).toMatchObject({ ok: true, missing: ['preflight'] });
    expect(v.fix).toEqual({ preflight: [], response: [] });
  });
});

describe('check: a no-cors request', () => {
  it('is not checked: its response is opaque to the page, whatever CORS headers it has', () => {
    const req = { ...request('POST', { 'Content-Type': 'text/plain' }), mode: 'no-cors' as const };
    const v = check(exchange(req, null, answer(200, {})));
    expect(v).toMatchObject({ ok: true, error: null, stage: null, missing: [], fix: { preflight: [], response: [] } });
    expect(v.explanation).toBe(`CORS does not apply to POST ${API}/items as a no-cors request: no CORS check runs and the server's CORS headers do not concern it; the page gets an opaque response, which it cannot read.`);
    // fetch() refuses another method than GET, HEAD and POST in no-cors mode.
    expect(check(exchange({ ...req, method: 'PUT' }, null, answer(200, {})))).toMatchObject({ ok: false, error: null, explanation: 'fetch() refuses PUT in no-cors mode, which only allows GET, HEAD and POST: it throws a TypeError and sends nothing.' });
    // The same request in CORS mode fails.
    expect(check(exchange({ ...req, mode: 'cors' }, null, answer(200, {})))).toMatchObject({ ok: false, error: 'MissingAllowOriginHeader' });
  });
});
