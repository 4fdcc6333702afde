/**
 * Access-Control-Allow-Headers: a comma list of tokens matched case-insensitively, `*` a wildcard
 * only without credentials; safelisted headers need no listing unless their value fails.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 (steps on headers)
 * @see https://fetch.spec.whatwg.org/#http-access-control-allow-headers
 */
import { ACAO_PAGE, answer, chk, h, type Credentials, type CorsCase, type HeaderList } from './case';

const PREFLIGHT = 'fetch.bs#cors-preflight-fetch-0';
const RESULT_TEST = 'chromium services/network/cors/preflight_result_unittest.cc:kHeaderCases';
const STAR_TEST = 'wpt fetch/api/cors/cors-preflight-star.any.js';
const LIST = 'fetch.bs#extract-header-list-values; fetch.bs#http-access-control-allow-headers (#field-name: comma list of tokens)';
const ORDER = 'chromium services/network/cors/preflight_controller.cc:CreatePreflightResult + CheckPreflightResult (order: CheckPreflightAccess, Parse ACAM, Parse ACAH, method, headers)';

interface Row {
  readonly slug: string;
  readonly method?: string;
  readonly headers: HeaderList;
  /** Access-Control-Allow-Headers lines; none = missing. */
  readonly acah: readonly string[];
  readonly acam?: readonly string[];
  readonly credentials?: Credentials;
  readonly source: string;
}

const custom = h('X-Custom', '1');

const rows: readonly Row[] = [
  { slug: 'missing', headers: [custom], acah: [], source: `${PREFLIGHT}; ${RESULT_TEST} ("" -> kHeaderDisallowedByPreflightResponse x-my-header); wpt fetch/api/cors/cors-preflight.any.js 'CORS [GET] [x-test-header: refused], server refuses'` },
  { slug: 'partial', headers: [h('X-A', '1'), h('X-B', '1')], acah: ['x-a'], source: `${PREFLIGHT}; ${RESULT_TEST} (X-MY-HEADER allowed, Y-MY-HEADER not); wpt cors/request-headers.htm 'Unspecified request headers are disallowed'` },
  { slug: 'exact', headers: [custom], acah: ['x-custom'], source: `${PREFLIGHT}; ${RESULT_TEST}` },
  { slug: 'uppercase-listed', headers: [custom], acah: ['X-CUSTOM'], source: `${PREFLIGHT} (byte-case-insensitive); ${RESULT_TEST}` },
  { slug: 'mixedcase-both', headers: [h('x-MiXeD', '1')], acah: ['X-mIxEd'], source: `${PREFLIGHT} (byte-case-insensitive)` },
  { slug: 'other-header', headers: [custom], acah: ['x-other'], source: `${PREFLIGHT}; ${RESULT_TEST} (X-SOME-OTHER-HEADER)` },
  { slug: 'empty-value', headers: [custom], acah: [''], source: `${PREFLIGHT}; ${LIST}` },
  { slug: 'list-with-spaces', headers: [h('X-A', '1'), h('X-B', '1')], acah: [' x-a , x-b '], source: LIST },
  { slug: 'list-no-spaces', headers: [h('X-A', '1'), h('X-B', '1')], acah: ['x-a,x-b'], source: LIST },
  { slug: 'trailing-comma', headers: [custom], acah: ['x-custom,'], source: `${LIST} (empty items)` },
  { slug: 'leading-comma', headers: [custom], acah: [',x-custom'], source: `${LIST} (empty items)` },
  { slug: 'double-comma', headers: [h('X-A', '1'), h('X-B', '1')], acah: ['x-a,,x-b'], source: `${LIST} (empty items)` },
  { slug: 'two-lines', headers: [h('X-A', '1'), h('X-B', '1')], acah: ['x-a', 'x-b'], source: `${LIST} (repeated lines are combined)` },
  { slug: 'invalid-space-in-name', headers: [custom], acah: ['x custom'], source: `${LIST} ('x custom' is not a token -> failure -> network error)` },
  { slug: 'invalid-before-method-check', method: 'PUT', headers: [], acah: ['bad value'], acam: ['GET'], source: `${PREFLIGHT} (both lists are extracted before the method is checked); ${ORDER}` },
  { slug: 'invalid-colon', headers: [custom], acah: ['x-custom:'], source: `${LIST} (':' is not a token code point)` },
  { slug: 'invalid-unused-item', headers: [custom], acah: ['x-custom, {bad}'], source: `${LIST} (one invalid item fails the whole list)` },
  { slug: 'invalid-acam-and-acah', method: 'PUT', headers: [custom], acah: ['bad value'], acam: ['bad value'], source: `${PREFLIGHT}; ${ORDER} (methods are parsed first)` },
  { slug: 'star', headers: [custom], acah: ['*'], source: `${PREFLIGHT}; ${RESULT_TEST} (By '*'); ${STAR_TEST}` },
  { slug: 'star-include', headers: [custom], acah: ['*'], credentials: 'include', source: `${STAR_TEST} (preflightTest(false, true, "*", "*", "GET", ["X-Test", "1"])); ${RESULT_TEST} ('*' with kInclude -> xyzzy disallowed)` },
  { slug: 'star-name-include', headers: [h('*', '1')], acah: ['*'], credentials: 'include', source: `${STAR_TEST} (exact character match works even for "*" with credentials)` },
  { slug: 'exact-include', headers: [custom], acah: ['x-custom'], credentials: 'include', source: PREFLIGHT },
  { slug: 'star-and-name-include', headers: [custom], acah: ['*, x-custom'], credentials: 'include', source: PREFLIGHT },
  { slug: 'star-unsafe-accept', headers: [h('Accept', 'text/x}y')], acah: ['*'], source: `${PREFLIGHT} (a safelisted name with an unsafe value is covered by '*')` },
  { slug: 'missing-unsafe-accept', headers: [h('Accept', 'text/x}y')], acah: [], source: `${PREFLIGHT} (a safelisted name with an unsafe value must be listed)` },
  { slug: 'missing-json-content-type', method: 'POST', headers: [h('Content-Type', 'application/json')], acah: [], source: PREFLIGHT },
  { slug: 'content-type-listed', method: 'POST', headers: [h('Content-Type', 'application/json')], acah: ['content-type'], source: PREFLIGHT },
  { slug: 'missing-safelisted-with-custom', headers: [h('Accept', 'text/html'), custom], acah: ['x-custom'], source: `${PREFLIGHT} (safelisted headers need no listing); ${RESULT_TEST} (Accept:*/*)` },
  { slug: 'star-put-no-headers', method: 'PUT', headers: [], acah: ['*'], acam: ['PUT'], source: `${STAR_TEST} (preflightTest(true, true, "PUT", "*", "PUT", []))` },
  { slug: 'super-method-star-star', method: 'OK', headers: [h('X-Test', '1')], acah: ['*'], acam: ['*'], source: `${STAR_TEST} (preflightTest(true, false, "*", "*", "OK", ["X-Test", "1"]))` },
  { slug: 'super-method-star-star-include', method: 'OK', headers: [h('X-Test', '1')], acah: ['*'], acam: ['*'], credentials: 'include', source: `${STAR_TEST} (preflightTest(false, true, "*", "*", "OK", ["X-Test", "1"]))` },
  { slug: 'get-lowercase-acam-include', headers: [h('X-Test', '1')], acah: ['*'], acam: ['get'], credentials: 'include', source: `${STAR_TEST} (preflightTest(false, true, "get", "*", "GET", ["X-Test", "1"]))` },
];

export const allowHeadersCases: readonly CorsCase[] = rows.map((row) => {
  const credentialed = row.credentials === 'include' ? [h('Access-Control-Allow-Credentials', 'true')] : [];
  const method = row.method ?? 'GET';
  const acam = row.acam ?? (['GET', 'HEAD', 'POST'].includes(method) ? [] : [method]);
  return chk(`acah-${row.slug}`, row.source, {
    method,
    headers: row.headers,
    credentials: row.credentials ?? 'same-origin',
    preflight: answer(
      204,
      ACAO_PAGE,
      ...credentialed,
      ...acam.map((v) => h('Access-Control-Allow-Methods', v)),
      ...row.acah.map((v) => h('Access-Control-Allow-Headers', v)),
    ),
    response: answer(200, ACAO_PAGE, ...credentialed),
  });
});
