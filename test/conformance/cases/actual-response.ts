/**
 * The actual response: checked again after a good preflight, and alone for simple requests,
 * whatever its status. A 4xx/5xx with the right headers resolves fetch(); without them the CORS
 * error hides the server's failure.
 * @see https://fetch.spec.whatwg.org/#http-fetch (CORS check of the actual response)
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 */
import { ACAO_PAGE, answer, API_ORIGIN, chk, h, type CorsCase } from './case';

const CHECK = 'fetch.bs#http-fetch; fetch.bs#concept-cors-check; chromium services/network/public/cpp/cors/cors.cc:CheckAccess';
const goodPreflight = answer(204, ACAO_PAGE, h('Access-Control-Allow-Methods', 'PUT'));

const statuses = [200, 201, 204, 400, 401, 403, 404, 500, 503];

export const actualResponseCases: readonly CorsCase[] = [
  chk('pf-ok-actual-acao-mismatch', CHECK, {
    method: 'PUT', preflight: goodPreflight, response: answer(200, h('Access-Control-Allow-Origin', 'http://example.com')),
  }),
  chk('pf-ok-actual-acao-missing', CHECK, { method: 'PUT', preflight: goodPreflight, response: answer(200) }),
  chk('pf-ok-actual-acao-star', CHECK, {
    method: 'PUT', preflight: goodPreflight, response: answer(200, h('Access-Control-Allow-Origin', '*')),
  }),
  chk('pf-ok-actual-acao-two-lines', CHECK, {
    method: 'PUT', preflight: goodPreflight, response: answer(200, ACAO_PAGE, ACAO_PAGE),
  }),
  chk('pf-ok-actual-acao-invalid', CHECK, {
    method: 'PUT', preflight: goodPreflight, response: answer(200, h('Access-Control-Allow-Origin', 'invalid.origin')),
  }),
  chk('pf-ok-actual-500-no-cors-headers', `${CHECK} (the server failed; the CORS error hides it)`, {
    method: 'PUT', preflight: goodPreflight, response: answer(500),
  }),
  chk('pf-ok-actual-500-with-acao', `${CHECK} (a CORS-ok 500 resolves fetch())`, {
    method: 'PUT', preflight: goodPreflight, response: answer(500, ACAO_PAGE),
  }),
  chk('pf-ok-actual-acam-ignored', `${CHECK} (Allow-Methods on the actual response is not checked)`, {
    method: 'PUT', preflight: goodPreflight, response: answer(200, ACAO_PAGE, h('Access-Control-Allow-Methods', 'GET')),
  }),
  ...statuses.flatMap((status) => [
    chk(`simple-status-${status}-with-acao`, `${CHECK} (status does not matter to the CORS check)`, {
      response: answer(status, ACAO_PAGE),
    }),
    chk(`simple-status-${status}-no-cors-headers`, `${CHECK} (the CORS error hides the status)`, {
      response: answer(status),
    }),
  ]),
  chk('simple-head', `${CHECK}; wpt fetch/api/cors/cors-origin.any.js 'Cross domain [HEAD] [origin OK]'`, {
    method: 'HEAD', response: answer(200, ACAO_PAGE),
  }),
  chk('simple-post-text-plain', `${CHECK}; wpt fetch/api/cors/cors-basic.any.js`, {
    method: 'POST', headers: [h('Content-Type', 'text/plain')], response: answer(200, ACAO_PAGE),
  }),
  chk('simple-post-no-cors-headers', CHECK, { method: 'POST', response: answer(200) }),
  chk('simple-redirect-302-no-cors-headers', 'fetch.bs#http-fetch (the CORS check runs on the redirect response before it is followed); wpt fetch/api/cors/cors-redirect.any.js', {
    response: answer(302, h('Location', `${API_ORIGIN}/check/elsewhere`)),
  }),
  chk('simple-redirect-307-acao-mismatch', 'fetch.bs#http-fetch (the CORS check runs on the redirect response before it is followed); wpt fetch/api/cors/cors-redirect.any.js', {
    response: answer(307, h('Access-Control-Allow-Origin', 'http://example.com'), h('Location', `${API_ORIGIN}/check/elsewhere`)),
  }),
  chk('simple-302-without-location', 'fetch.bs#http-redirect-fetch (no Location: the 3xx is the response)', {
    response: answer(302, ACAO_PAGE),
  }),
  chk('simple-acao-exact-vary-origin', 'fetch.bs#cors-protocol-and-http-caches (Vary: Origin does not change the check)', {
    response: answer(200, ACAO_PAGE, h('Vary', 'Origin')),
  }),
  chk('simple-acao-lowercase-header-name', 'fetch.bs#concept-header-list-get (names are case-insensitive)', {
    response: answer(200, h('access-control-allow-origin', '*')),
  }),
];
