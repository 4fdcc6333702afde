import { describe, expect, it } from 'vitest';
import { check, classify } from './index';
import { answer, exchange, PAGE, request } from './test-helpers';

const firefox = { browser: 'firefox' } as const;

describe('Firefox differs from Chromium (issue 6, Firefox 153)', () => {
  it('preflights client hints Chromium safelists', () => {
    const req = request('GET', { DPR: '2', 'Save-Data': 'on' });
    expect(classify(req).preflight).toBe(false);
    expect(classify(req, firefox).requestHeaders).toEqual(['dpr', 'save-data']);
  });

  it('sends and preflights a page-set User-Agent', () => {
    const req = request('GET', { 'User-Agent': 'bot' });
    expect(classify(req)).toMatchObject({ preflight: false, dropped: ['user-agent'] });
    expect(classify(req, firefox)).toMatchObject({ preflight: true, requestHeaders: ['user-agent'], dropped: [] });
  });

  it('treats bytes 0x80 and above in Accept and Content-Type as unsafe', () => {
    const req = request('POST', { 'Content-Type': 'text/plain; charset=\u00e9' });
    expect(classify(req).preflight).toBe(false);
    expect(classify(req, firefox).reasons[0]?.detail).toEqual({ kind: 'non-ascii-byte', byte: 0xe9, position: 20 });
  });

  it('checks repeated headers one at a time, and does not de-duplicate', () => {
    const req = request('POST', [['Content-Type', 'text/plain'], ['Content-Type', 'text/plain'], ['X-A', '1'], ['X-A', '2']]);
    expect(classify(req).requestHeaders).toEqual(['content-type', 'x-a']);
    expect(classify(req, firefox).requestHeaders).toEqual(['x-a', 'x-a']);
  });

  it('has no 1,024-byte total', () => {
    const v = 'a'.repeat(128);
    const req = request('GET', { Accept: v, 'Accept-Language': v, 'Content-Language': v, 'Content-Type': 'text/plain', Range: 'bytes=0-' });
    const many = request('GET', [...req.headers, ...Array.from({ length: 6 }, () => ['Accept', v] as const)]);
    expect(classify(many, firefox).preflight).toBe(false);
  });

  it('calls an origin list inside one line a mismatch', () => {
    const req = request('GET');
    const oneLine = answer(200, { 'Access-Control-Allow-Origin': `${PAGE}, https://b.example` });
    expect(check(exchange(req, null, oneLine)).error).toBe('MultipleAllowOriginValues');
    expect(check(exchange(req, null, oneLine), firefox)).toMatchObject({
      firefoxReason: 'CORSAllowOriginNotMatchingOrigin',
      firefoxParameter: `${PAGE}, https://b.example`,
    });
    const twoLines = answer(200, [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Origin', PAGE]]);
    expect(check(exchange(req, null, twoLines), firefox)).toMatchObject({ error: 'MultipleAllowOriginValues', firefoxReason: 'CORSMultipleAllowOriginNotAllowed' });
  });

  it('reports a redirected preflight without Allow-Origin as a missing Allow-Origin', () => {
    const pf = answer(302, { Location: '/elsewhere' });
    expect(check(exchange(request('PUT'), pf)).error).toBe('PreflightDisallowedRedirect');
    expect(check(exchange(request('PUT'), pf), firefox).error).toBe('PreflightMissingAllowOriginHeader');
    const allowed = answer(302, { Location: '/elsewhere', 'Access-Control-Allow-Origin': PAGE });
    expect(check(exchange(request('PUT'), allowed), firefox).error).toBe('PreflightDisallowedRedirect');
  });

  it('checks the method before validating Allow-Headers', () => {
    const pf = answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'bad value' });
    expect(check(exchange(request('PUT'), pf)).error).toBe('InvalidAllowHeadersPreflightResponse');
    expect(check(exchange(request('PUT'), pf), firefox).error).toBe('MethodDisallowedByPreflightResponse');
  });

  it('caps Access-Control-Max-Age at 24 h and says so', () => {
    const req = request('PUT');
    const pf = answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' });
    expect(check(exchange(req, pf, answer(200, { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' })), firefox)).toMatchObject({ ok: true, browser: 'firefox', warnings: [] });
  });

  it("names Firefox's console reason and its parameter", () => {
    const v = check(exchange(request('PUT', { 'X-A': '1' }), answer(204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' })), firefox);
    expect(v).toMatchObject({ error: 'HeaderDisallowedByPreflightResponse', firefoxReason: 'CORSMissingAllowHeaderFromPreflight2', firefoxParameter: 'x-a' });
    expect(check(exchange(request('GET'), null, answer(500)), firefox)).toMatchObject({ firefoxReason: 'CORSMissingAllowOrigin2', firefoxParameter: '500' });
    expect(check(exchange(request('GET'), null, answer(500)))).toMatchObject({ firefoxReason: null, firefoxParameter: null });
  });
});
