/**
 * Same-origin controls: no preflight, no CORS check, whatever the method, headers and answer.
 * @see https://fetch.spec.whatwg.org/#main-fetch (same origin -> basic response)
 */
import { answer, chk, h, type CorsCase } from './case';

const SAME = 'fetch.bs#main-fetch (same origin -> basic response, no CORS check, no preflight); chromium services/network/public/cpp/cors/cors.cc:ShouldCheckCors';

export const sameOriginCases: readonly CorsCase[] = [
  chk('same-origin-no-cors-headers', SAME, {
    to: 'page', method: 'PUT', headers: [h('X-Custom', '1')], response: answer(200),
  }),
  chk('same-origin-get', SAME, { to: 'page', response: answer(200) }),
  chk('same-origin-delete-json', SAME, {
    to: 'page', method: 'DELETE', headers: [h('Content-Type', 'application/json')], response: answer(200),
  }),
  chk('same-origin-patch-lowercase', SAME, { to: 'page', method: 'patch', response: answer(204) }),
  chk('same-origin-authorization-include', SAME, {
    to: 'page', headers: [h('Authorization', 'Bearer x')], credentials: 'include', response: answer(200),
  }),
  chk('same-origin-acao-mismatch-ignored', `${SAME} (a wrong Allow-Origin is not looked at)`, {
    to: 'page', response: answer(200, h('Access-Control-Allow-Origin', 'http://example.com')),
  }),
  chk('same-origin-acao-star-include-ignored', SAME, {
    to: 'page', credentials: 'include', response: answer(200, h('Access-Control-Allow-Origin', '*')),
  }),
  chk('same-origin-500', SAME, { to: 'page', method: 'PUT', response: answer(500) }),
];
