/**
 * Access-Control-Allow-Methods: parsed as a comma list of tokens, compared case-sensitively,
 * `*` is a wildcard only without credentials; GET/HEAD/POST need no listing.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 (steps on methods)
 * @see https://fetch.spec.whatwg.org/#http-access-control-allow-methods
 */
import { ACAO_PAGE, answer, chk, h, type CaseResponse, type Credentials, type CorsCase } from './case';

const PREFLIGHT = 'fetch.bs#cors-preflight-fetch-0';
const RESULT_TEST = 'chromium services/network/cors/preflight_result_unittest.cc:kMethodCases';
const STAR_TEST = 'wpt fetch/api/cors/cors-preflight-star.any.js';
const SPEC_CONFORMANT = 'chromium services/network/public/cpp/features.cc:kAccessControlAllowMethodsInCORSPreflightSpecConformant (FEATURE_ENABLED_BY_DEFAULT) (older Chromium, or the AccessControlAllowMethodsInCORSPreflightSpecConformant policy set to false, upper-cased the method)';
const LIST = 'fetch.bs#extract-header-list-values; fetch.bs#http-access-control-allow-methods (#method: comma list of tokens)';

interface Row {
  readonly slug: string;
  readonly method: string;
  /** Access-Control-Allow-Methods lines; none = missing. */
  readonly acam: readonly string[];
  readonly credentials?: Credentials;
  readonly source: string;
}

const rows: readonly Row[] = [
  { slug: 'missing-put', method: 'PUT', acam: [], source: `${PREFLIGHT}; ${RESULT_TEST} ("" PUT -> error)` },
  { slug: 'missing-delete', method: 'DELETE', acam: [], source: `${PREFLIGHT}; ${RESULT_TEST}` },
  { slug: 'missing-get-with-header', method: 'GET', acam: [], source: `${PREFLIGHT} (GET is safelisted: no listing needed); ${RESULT_TEST}` },
  { slug: 'missing-post-with-header', method: 'POST', acam: [], source: `${PREFLIGHT}; ${RESULT_TEST}` },
  { slug: 'missing-head-with-header', method: 'HEAD', acam: [], source: `${PREFLIGHT}; ${RESULT_TEST}` },
  { slug: 'empty-value-put', method: 'PUT', acam: [''], source: `${PREFLIGHT}; ${LIST}` },
  { slug: 'exact-put', method: 'PUT', acam: ['PUT'], source: `${PREFLIGHT}; ${RESULT_TEST}` },
  { slug: 'lowercase-list-uppercase-request', method: 'PUT', acam: ['put'], source: `${PREFLIGHT} (case-sensitive); ${RESULT_TEST} ({"put", "PUT"} -> error); ${STAR_TEST}` },
  { slug: 'uppercase-list-normalized-request', method: 'put', acam: ['PUT'], source: `fetch.bs#concept-method-normalize ('put' -> PUT); ${RESULT_TEST} ({"PUT", "put"} -> ok)` },
  { slug: 'uppercase-rejects-lowercase-patch', method: 'patch', acam: ['PATCH'], source: `fetch.bs#concept-method-normalize (patch is not normalized; Access-Control-Request-Method: patch); ${PREFLIGHT}; ${RESULT_TEST} ({"PATCH", "patch"} -> error); ${SPEC_CONFORMANT}` },
  { slug: 'lowercase-patch-listed', method: 'patch', acam: ['patch'], source: `${PREFLIGHT} (exact byte match)` },
  { slug: 'uppercase-patch', method: 'PATCH', acam: ['PATCH'], source: PREFLIGHT },
  { slug: 'lowercase-get-safelisted', method: 'GET', acam: ['get'], source: `${STAR_TEST} ("get" does not match, but GET is safelisted); ${RESULT_TEST}` },
  { slug: 'list-with-spaces', method: 'DELETE', acam: ['GET, PUT, DELETE'], source: `${LIST}; ${RESULT_TEST}` },
  { slug: 'list-no-spaces', method: 'DELETE', acam: ['GET,PUT,DELETE'], source: LIST },
  { slug: 'list-missing-method', method: 'PUT', acam: ['GET, POST, DELETE'], source: `${LIST}; ${RESULT_TEST}` },
  { slug: 'whitespace-around', method: 'PUT', acam: ['  PUT  '], source: LIST },
  { slug: 'trailing-comma', method: 'PUT', acam: ['PUT,'], source: `${LIST} (empty items)` },
  { slug: 'leading-comma', method: 'PUT', acam: [',PUT'], source: `${LIST} (empty items)` },
  { slug: 'double-comma', method: 'DELETE', acam: ['PUT,,DELETE'], source: `${LIST} (empty items)` },
  { slug: 'only-commas', method: 'PUT', acam: [', ,'], source: `${LIST} (empty items)` },
  { slug: 'two-lines', method: 'DELETE', acam: ['PUT', 'DELETE'], source: `${LIST} (repeated lines are combined)` },
  { slug: 'space-separated', method: 'PUT', acam: ['PUT DELETE'], source: `${LIST} ('PUT DELETE' is not a token -> failure -> network error)` },
  { slug: 'semicolon', method: 'PUT', acam: ['PUT;'], source: `${LIST} (';' is not a token code point)` },
  { slug: 'slash', method: 'PUT', acam: ['PUT/DELETE'], source: `${LIST} ('/' is not a token code point)` },
  { slug: 'quoted', method: 'PUT', acam: ['"PUT"'], source: `${LIST} ('"' is not a token code point)` },
  { slug: 'invalid-token-unused', method: 'PUT', acam: ['PUT, {bad}'], source: `${LIST} (one invalid item fails the whole list)` },
  { slug: 'star-super', method: 'SUPER', acam: ['*'], source: `${STAR_TEST} ("*" works as any for method)` },
  { slug: 'star-put', method: 'PUT', acam: ['*'], source: `${PREFLIGHT}; ${RESULT_TEST} (By '*')` },
  { slug: 'star-put-include', method: 'PUT', acam: ['*'], credentials: 'include', source: `${STAR_TEST} (preflightTest(false, true, "*", "", "PUT", [])); ${PREFLIGHT} ("*" is a wildcard only without credentials)` },
  { slug: 'star-method-star-include', method: '*', acam: ['*'], credentials: 'include', source: `${STAR_TEST} (exact character match works even for "*" with credentials)` },
  { slug: 'exact-put-include', method: 'PUT', acam: ['PUT'], credentials: 'include', source: `${STAR_TEST} (preflightTest(true, true, "PUT", "*", "PUT", []))` },
  { slug: 'lowercase-put-include', method: 'PUT', acam: ['put'], credentials: 'include', source: `${STAR_TEST} (preflightTest(false, true, "put", "*", "PUT", []))` },
  { slug: 'star-and-put-include', method: 'PUT', acam: ['*, PUT'], credentials: 'include', source: PREFLIGHT },
  { slug: 'options-listed', method: 'OPTIONS', acam: ['OPTIONS'], source: `${PREFLIGHT}; ${RESULT_TEST}` },
  { slug: 'odd-token-method', method: 'M-SEARCH', acam: ['M-SEARCH'], source: PREFLIGHT },
];

function credentialedLines(credentials: Credentials | undefined): ReadonlyArray<readonly [string, string]> {
  return credentials === 'include' ? [h('Access-Control-Allow-Credentials', 'true')] : [];
}

export const allowMethodsCases: readonly CorsCase[] = rows.map((row) => {
  // GET/HEAD/POST need a non-safelisted header to be preflighted at all.
  const needsHeader = ['GET', 'HEAD', 'POST'].includes(row.method);
  const extra = credentialedLines(row.credentials);
  const response: CaseResponse = answer(200, ACAO_PAGE, ...extra);
  return chk(`acam-${row.slug}`, row.source, {
    method: row.method,
    headers: needsHeader ? [h('X-Custom', '1')] : [],
    credentials: row.credentials ?? 'same-origin',
    preflight: answer(
      204,
      ACAO_PAGE,
      ...extra,
      ...row.acam.map((v) => h('Access-Control-Allow-Methods', v)),
      ...(needsHeader ? [h('Access-Control-Allow-Headers', 'x-custom')] : []),
    ),
    response,
  });
});
