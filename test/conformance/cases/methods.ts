/**
 * Methods: which ones are CORS-safelisted, which ones fetch() normalizes, and how odd ones travel.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
import { cls, type CorsCase } from './case';

const SAFELISTED = 'fetch.bs#cors-safelisted-method';
const NORMALIZE = 'fetch.bs#concept-method-normalize';
const CHROMIUM_SAFELISTED = 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedMethod';

/** [slug, method as the page writes it, source]. */
const methods: ReadonlyArray<readonly [string, string, string]> = [
  ['get', 'GET', SAFELISTED],
  ['head', 'HEAD', `${SAFELISTED}; wpt fetch/api/cors/cors-origin.any.js 'Cross domain [HEAD]'`],
  ['post', 'POST', `${SAFELISTED}; wpt fetch/api/cors/cors-basic.any.js`],
  ['get-lowercase', 'get', `${NORMALIZE} ('get' -> GET); ${CHROMIUM_SAFELISTED}`],
  ['get-mixedcase', 'Get', `${NORMALIZE} ('Get' -> GET); ${CHROMIUM_SAFELISTED}`],
  ['head-lowercase', 'head', `${NORMALIZE} ('head' -> HEAD)`],
  ['post-lowercase', 'post', `${NORMALIZE} ('post' -> POST)`],
  ['put', 'PUT', `${SAFELISTED}; wpt fetch/api/cors/cors-preflight.any.js 'CORS [PUT], server allows'`],
  ['put-lowercase', 'put', `${NORMALIZE} ('put' -> PUT, still not safelisted)`],
  ['delete', 'DELETE', `${SAFELISTED}; wpt fetch/api/cors/cors-preflight.any.js 'CORS [DELETE], server allows'`],
  ['delete-lowercase', 'delete', `${NORMALIZE} ('delete' -> DELETE)`],
  ['options', 'OPTIONS', `${SAFELISTED}; ${CHROMIUM_SAFELISTED} (OPTIONS is not safelisted)`],
  ['options-lowercase', 'options', `${NORMALIZE} ('options' -> OPTIONS); ${CHROMIUM_SAFELISTED}`],
  ['patch', 'PATCH', `${SAFELISTED}; wpt fetch/api/cors/cors-preflight.any.js 'CORS [PATCH], server allows'`],
  ['patch-lowercase', 'patch', `${NORMALIZE} (PATCH is not in the normalize list, so 'patch' stays lowercase and Access-Control-Request-Method: patch); ${SAFELISTED}`],
  ['patch-mixedcase', 'Patch', `${NORMALIZE} ('Patch' is sent as is)`],
  ['super', 'SUPER', `${SAFELISTED}; wpt fetch/api/cors/cors-preflight-star.any.js (method SUPER)`],
  ['ok-token', 'OK', 'wpt fetch/api/cors/cors-preflight-star.any.js (method OK)'],
  ['star-token', '*', 'wpt fetch/api/cors/cors-preflight-star.any.js (method *)'],
  ['m-search', 'M-SEARCH', 'fetch.bs#concept-method (any token is a method)'],
  ['propfind', 'PROPFIND', 'fetch.bs#concept-method (WebDAV method, a token)'],
  ['x-custom-method-digits', 'X1', 'fetch.bs#concept-method (any token is a method)'],
];

export const methodCases: readonly CorsCase[] = methods.map(([slug, method, source]) =>
  cls(`method-${slug}`, source, { method }),
);

/** Methods combined with headers. */
export const methodWithHeaderCases: readonly CorsCase[] = [
  cls(
    'method-put-only-safelisted-headers',
    `${SAFELISTED}; wpt fetch/api/cors/cors-preflight.any.js 'CORS [PUT] [only safe headers], server allows' (Access-Control-Request-Headers omitted)`,
    {
      method: 'PUT',
      headers: [
        ['Accept', '*'],
        ['Accept-Language', 'bzh'],
        ['Content-Language', 'eu'],
      ],
    },
  ),
  cls('method-post-custom-header', `${SAFELISTED}; fetch.bs#cors-unsafe-request-header-names`, {
    method: 'POST',
    headers: [['X-Custom', '1']],
  }),
  cls('method-head-custom-header', `${SAFELISTED}; fetch.bs#cors-unsafe-request-header-names`, {
    method: 'HEAD',
    headers: [['X-Custom', '1']],
  }),
  cls('method-delete-custom-headers-unsorted', 'fetch.bs#cors-unsafe-request-header-names (sorted, lowercased)', {
    method: 'DELETE',
    headers: [
      ['X-Zeta', '1'],
      ['X-Alpha', '1'],
      ['x-mid', '1'],
    ],
  }),
];
