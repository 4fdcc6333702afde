import { describe, expect, it } from 'vitest';
import { classify } from './index';
import { API, PAGE, request } from './test-helpers';

describe('classify', () => {
  it('sends a simple GET without preflight', () => {
    expect(classify(request('GET', { Accept: 'application/json' }))).toEqual({
      crossOrigin: true,
      preflight: false,
      method: 'GET',
      requestHeaders: [],
      reasons: [],
      dropped: [],
      invalid: null,
    });
  });

  it('preflights a custom header and names the rule', () => {
    const c = classify(request('PUT', { 'x-api-key': '1' }));
    expect(c.preflight).toBe(true);
    expect(c.requestHeaders).toEqual(['x-api-key']);
    expect(c.reasons.map((r) => [r.rule, r.header])).toEqual([
      ['method', null],
      ['header-name', 'x-api-key'],
    ]);
    expect(c.reasons[1]?.message).toMatch(/Access-Control-Allow-Headers: x-api-key/);
    expect(c.reasons[1]?.link).toBe('https://fetch.spec.whatwg.org/#cors-safelisted-request-header');
  });

  it('lists Access-Control-Request-Headers lowercase, sorted, unique', () => {
    const c = classify(request('GET', [['X-B', '1'], ['Authorization', 'x'], ['x-b', '2'], ['Content-Type', 'application/json']]));
    expect(c.requestHeaders).toEqual(['authorization', 'content-type', 'x-b']);
  });

  it('explains a Content-Type that is not one of the three', () => {
    const [reason] = classify(request('POST', { 'Content-Type': 'application/json' })).reasons;
    expect(reason).toMatchObject({ rule: 'header-value', header: 'content-type', value: 'application/json', detail: { kind: 'mime-type-not-safelisted', essence: 'application/json' } });
    expect(reason?.message).toMatch(/^Content-Type application\/json is not one of application\/x-www-form-urlencoded, multipart\/form-data or text\/plain/);
  });

  it('joins repeated headers before checking, as Chromium does', () => {
    const c = classify(request('POST', [['Content-Type', 'text/plain'], ['Content-Type', 'text/plain']]));
    expect(c.requestHeaders).toEqual(['content-type']);
    expect(c.reasons[0]?.value).toBe('text/plain, text/plain');
    expect(c.reasons[0]?.message).toMatch(/Chromium joins the 2 Content-Type values/);
  });

  it('keeps a lowercase method as written and says why it matters', () => {
    const c = classify(request('patch'));
    expect(c.method).toBe('patch');
    expect(c.reasons[0]?.detail).toEqual({ kind: 'method-not-safelisted', method: 'patch', safelisted: ['GET', 'HEAD', 'POST'] });
    expect(c.reasons[0]?.message).toMatch(/"patch"/);
    expect(classify(request('post')).preflight).toBe(false);
  });

  it('adds every safelisted name past the 1,024-byte total', () => {
    const v = '1'.repeat(128);
    const c = classify(request('GET', { Accept: v, 'Accept-Language': v, 'Content-Language': v, DPR: v, 'Device-Memory': v, Width: v, 'Viewport-Width': v, Downlink: v, 'Content-Type': 'text/plain', Range: 'bytes=0-1' }));
    expect(c.requestHeaders).toEqual(['accept', 'accept-language', 'content-language', 'content-type', 'device-memory', 'downlink', 'dpr', 'range', 'viewport-width', 'width']);
    const total = c.reasons.find((r) => r.rule === 'total-size');
    expect(total?.detail).toMatchObject({ kind: 'total-size', total: 128 * 8 + 10 + 9, limit: 1024 });
  });

  it('lists dropped forbidden headers and does not preflight them', () => {
    const c = classify(request('GET', { Cookie: 'a=b', 'Sec-Custom': '1', 'User-Agent': 'bot', 'Proxy-X': '1', cookie: 'c' }));
    expect(c.preflight).toBe(false);
    expect(c.dropped).toEqual(['cookie', 'sec-custom', 'user-agent', 'proxy-x']);
  });

  it('does not preflight same-origin requests', () => {
    const c = classify(request('DELETE', { 'X-Custom': '1' }, { url: `${PAGE}/x` }));
    expect(c).toMatchObject({ crossOrigin: false, preflight: false, requestHeaders: [], reasons: [] });
  });

  it('treats a "null" origin as cross-origin to everything', () => {
    expect(classify(request('GET', {}, { origin: 'null', url: `${API}/x` })).crossOrigin).toBe(true);
  });

  it('never preflights data: URLs', () => {
    expect(classify(request('PUT', { 'X-A': '1' }, { url: 'data:text/plain,hi' }))).toMatchObject({ crossOrigin: false, preflight: false });
  });

  describe('inputs fetch() rejects', () => {
    it.each([
      ['url', request('GET', {}, { url: 'not a url' })],
      ['url', request('GET', {}, { url: '/relative' })],
      ['credentials-in-url', request('GET', {}, { url: 'https://user:pw@api.example/' })],
      ['origin', request('GET', {}, { origin: 'app.example' })],
      ['method', request('GET POST')],
      ['forbidden-method', request('trace')],
      ['header-name', request('GET', [['X Bad', '1']])],
      ['header-value', request('GET', [['X-A', 'a\u0000b']])],
      ['header-value', request('GET', [['X-A', 'a\nb']])],
      ['header-value', request('GET', [['X-A', '\u2603']])],
    ] as const)('%s', (kind, req) => {
      const c = classify(req);
      expect(c.invalid?.kind).toBe(kind);
      expect(c.invalid?.message.length).toBeGreaterThan(20);
      expect(c).toMatchObject({ preflight: false, requestHeaders: [], reasons: [] });
    });

    it('says which byte and where for a bad value', () => {
      expect(classify(request('GET', [['X-A', 'ab\rc']])).invalid?.message).toMatch(/0x0D at position 2/);
    });
  });

  it('normalizes values before checking (leading and trailing whitespace)', () => {
    expect(classify(request('GET', { Accept: '  text/html \t' })).preflight).toBe(false);
  });

  it('reports Firefox where it differs', () => {
    const req = request('GET', [['DPR', '2'], ['X-A', '1'], ['x-a', '2']]);
    expect(classify(req, { browser: 'firefox' }).requestHeaders).toEqual(['dpr', 'x-a', 'x-a']);
    expect(classify(req).requestHeaders).toEqual(['x-a']);
  });
});
