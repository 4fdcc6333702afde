/**
 * Forbidden request-headers: fetch() drops them silently, so they never cause a preflight.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
import { cls, type CorsCase } from './case';

const SPEC = 'fetch.bs#forbidden-request-header';
const CHROMIUM = 'chromium third_party/blink/renderer/core/fetch/headers.cc:Headers::append (request guard silently returns for forbidden headers); chromium net/http/http_util.cc:IsSafeHeader (kForbiddenHeaderFields)';

/** [slug, name, value]. */
const forbidden: ReadonlyArray<readonly [string, string, string]> = [
  ['accept-charset', 'Accept-Charset', 'utf-8'],
  ['accept-encoding', 'Accept-Encoding', 'identity'],
  ['acrh', 'Access-Control-Request-Headers', 'x-custom'],
  ['acrm', 'Access-Control-Request-Method', 'PUT'],
  ['connection', 'Connection', 'close'],
  ['content-length', 'Content-Length', '0'],
  ['cookie', 'Cookie', 'a=b'],
  ['cookie2', 'Cookie2', 'x=y'],
  ['date', 'Date', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ['dnt', 'DNT', '1'],
  ['expect', 'Expect', '100-continue'],
  ['host', 'Host', 'example.com'],
  ['keep-alive', 'Keep-Alive', 'timeout=5'],
  ['origin', 'Origin', 'http://example.com'],
  ['referer', 'Referer', 'http://example.com/'],
  ['set-cookie', 'Set-Cookie', 'a=b'],
  ['te', 'TE', 'trailers'],
  ['trailer', 'Trailer', 'X-Foo'],
  ['transfer-encoding', 'Transfer-Encoding', 'chunked'],
  ['upgrade', 'Upgrade', 'websocket'],
  ['via', 'Via', '1.1 proxy'],
  ['proxy-prefix-custom', 'Proxy-Custom', '1'],
  ['proxy-authorization', 'Proxy-Authorization', 'Basic eDp5'],
  ['sec-prefix-custom', 'Sec-Custom', '1'],
  ['sec-fetch-mode', 'Sec-Fetch-Mode', 'navigate'],
  ['name-mixedcase', 'aCCEPT-eNCODING', 'gzip'],
  ['x-http-method-override-trace', 'X-HTTP-Method-Override', 'TRACE'],
  ['x-http-method-connect', 'X-HTTP-Method', 'CONNECT'],
  ['x-method-override-track-in-list', 'X-Method-Override', 'GET, track'],
];

export const forbiddenHeaderCases: readonly CorsCase[] = [
  ...forbidden.map(([slug, name, value]) =>
    cls(`forbidden-${slug}`, slug.startsWith('sec-prefix') ? `${SPEC} (any 'sec-' prefix); ${CHROMIUM}` : `${SPEC}; ${CHROMIUM}`, {
      headers: [[name, value]],
    }),
  ),
  cls('not-forbidden-x-http-method-override-get', `${SPEC} (X-HTTP-Method-Override is forbidden only when it names a forbidden method)`, {
    headers: [['X-HTTP-Method-Override', 'GET']],
  }),
  cls('user-agent-set-by-page', 'fetch.bs#forbidden-request-header (User-Agent is no longer forbidden by the standard, so a spec browser would preflight); CHROMIUM-DIFFERS-FROM-SPEC: Chromium drops a page-set User-Agent', {
    headers: [['User-Agent', 'custom-agent']],
  }),
  cls('forbidden-with-custom', `${SPEC}; fetch.bs#cors-unsafe-request-header-names (the dropped header is not listed)`, {
    headers: [['Cookie', 'a=b'], ['X-Custom', '1']],
  }),
  cls('forbidden-with-put', `${SPEC}; fetch.bs#cors-safelisted-method (the method alone still preflights)`, {
    method: 'PUT', headers: [['Accept-Encoding', 'br']],
  }),
];
