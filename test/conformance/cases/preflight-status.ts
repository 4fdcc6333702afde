/**
 * The preflight's status: only 2xx is ok. 3xx is never followed. Chromium runs the CORS check
 * on the preflight first, so a 4xx without Access-Control-Allow-Origin reports the missing header.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 (ok status)
 * @see https://fetch.spec.whatwg.org/#ok-status
 */
import { ACAO_PAGE, answer, API_ORIGIN, chk, h, type CorsCase } from './case';

const OK_STATUS = 'fetch.bs#cors-preflight-fetch-0 (ok status); chromium services/network/public/cpp/header_util.cc:IsSuccessfulStatus (200 <= status < 300)';
const WPT_STATUS = 'wpt fetch/api/cors/cors-preflight-status.any.js';
const REDIRECT = 'fetch.bs#cors-preflight-fetch-0 (a preflight is fetched with redirect mode "manual"; a redirect is not an ok status); wpt fetch/api/cors/cors-preflight-redirect.any.js; chromium net/http/http_response_headers.cc:IsRedirectResponseCode (301, 302, 303, 307, 308)';
const ORDER = 'chromium services/network/cors/preflight_controller.cc:CheckPreflightAccess (CORS check first, then ok-status; errors mapped to Preflight*)';

const allow = [ACAO_PAGE, h('Access-Control-Allow-Methods', 'PUT')] as const;
const location = h('Location', `${API_ORIGIN}/check/elsewhere`);
const okResponse = answer(200, ACAO_PAGE);

const okStatuses = [200, 201, 202, 203, 204, 205, 206, 226, 299];
const notOkStatuses = [304, 400, 401, 403, 404, 405, 409, 418, 429, 500, 501, 502, 503, 504];
const redirectStatuses = [300, 301, 302, 303, 307, 308];

export const preflightStatusCases: readonly CorsCase[] = [
  ...okStatuses.map((status) =>
    chk(`pf-status-${status}`, `${OK_STATUS}; ${WPT_STATUS} ${status}`, {
      method: 'PUT', preflight: answer(status, ...allow), response: okResponse,
    }),
  ),
  ...notOkStatuses.map((status) =>
    chk(`pf-status-${status}`, `${OK_STATUS}; ${WPT_STATUS} ${status}; ${ORDER}`, {
      method: 'PUT', preflight: answer(status, ...allow), response: okResponse,
    }),
  ),
  ...redirectStatuses.map((status) =>
    chk(`pf-status-${status}-with-location`, `${REDIRECT}; ${ORDER}`, {
      method: 'PUT', preflight: answer(status, location, ...allow), response: okResponse,
    }),
  ),
  ...[301, 302, 307].map((status) =>
    chk(`pf-status-${status}-without-location`, `${REDIRECT} (no Location: not a redirect, still not ok)`, {
      method: 'PUT', preflight: answer(status, ...allow), response: okResponse,
    }),
  ),
  ...[302, 401, 403, 404, 500].map((status) =>
    chk(`pf-status-${status}-no-cors-headers`, `${OK_STATUS}; ${ORDER} (the missing Allow-Origin is reported before the status)`, {
      method: 'PUT',
      preflight: answer(status, ...(status === 302 ? [location] : [])),
      response: okResponse,
    }),
  ),
  chk('pf-status-200-no-cors-headers', `${OK_STATUS}; ${ORDER} (a 2xx preflight without Access-Control-Allow-*: the server's CORS middleware rejected silently)`, {
    method: 'PUT', preflight: answer(200), response: okResponse,
  }),
  chk('pf-status-403-acao-star', `${OK_STATUS}; ${ORDER}`, {
    method: 'PUT', preflight: answer(403, h('Access-Control-Allow-Origin', '*')), response: okResponse,
  }),
];
