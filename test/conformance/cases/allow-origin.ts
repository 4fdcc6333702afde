/**
 * Access-Control-Allow-Origin forms, each checked twice: on a simple GET's response and on the
 * preflight of a PUT (where Chromium reports the Preflight* twin of the same error).
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 * @see https://fetch.spec.whatwg.org/#http-access-control-allow-origin
 */
import { answer, chk, h, PAGE_ORIGIN, type CaseResponse, type CorsCase } from './case';

const CHECK = 'fetch.bs#concept-cors-check; chromium services/network/public/cpp/cors/cors.cc:CheckAccess';
const JOIN = "chromium net/http/http_response_headers.cc:GetNormalizedHeader (joins repeated field lines with ', ' and trims LWS)";

/** [slug, header lines (each one Access-Control-Allow-Origin line; none = missing), extra source]. */
const forms: ReadonlyArray<readonly [string, readonly string[], string]> = [
  ['missing', [], 'chromium cors_unittest.cc:CheckAccessDetectsMissingAllowOriginHeader'],
  ['star', ['*'], 'wpt fetch/api/cors/cors-origin.any.js'],
  ['exact', [PAGE_ORIGIN], 'wpt fetch/api/cors/cors-origin.any.js'],
  ['mismatch', ['http://example.com'], 'chromium cors_unittest.cc:CheckAccessDetectsAllowOriginMismatch'],
  ['other-port', ['http://127.0.0.1:8081'], 'fetch.bs#concept-cors-check (the API origin itself is not the page origin)'],
  ['localhost-for-127', ['http://localhost:8080'], 'fetch.bs#concept-cors-check (byte comparison, no DNS)'],
  ['https-scheme', ['https://127.0.0.1:8080'], 'fetch.bs#concept-cors-check'],
  ['no-port', ['http://127.0.0.1'], 'fetch.bs#concept-cors-check'],
  ['star-whitespace', [' *  '], `wpt cors/origin.htm shouldPass(' *  '); ${JOIN}`],
  ['exact-whitespace', [`  ${PAGE_ORIGIN} `], `wpt cors/origin.htm; ${JOIN}`],
  ['exact-tab', [`\t${PAGE_ORIGIN}\t`], `${JOIN} (tab is LWS)`],
  ['star-space-star', ['* *'], "wpt cors/origin.htm shouldFail('* *')"],
  ['comma-list', [`${PAGE_ORIGIN},http://example.com`], 'chromium cors_unittest.cc:CheckAccessDetectsMultipleAllowOriginValues (comma separated)'],
  ['space-list', [`${PAGE_ORIGIN} http://example.com`], 'chromium cors_unittest.cc:CheckAccessDetectsMultipleAllowOriginValues (space separated)'],
  ['comma-space-list-exact-first', [`${PAGE_ORIGIN}, ${PAGE_ORIGIN}`], 'fetch.bs#http-access-control-allow-origin (a single origin only)'],
  ['two-fields-same-origin', [PAGE_ORIGIN, PAGE_ORIGIN], "fetch.bs#concept-cors-check ('get' combines repeated fields into 'o, o'); wpt cors/origin.htm doubleOrigin(origin, origin)"],
  ['two-fields-different', [PAGE_ORIGIN, 'http://example.com'], `wpt cors/origin.htm doubleOrigin; ${JOIN}`],
  ['two-fields-star', ['*', '*'], `${JOIN} ('*, *')`],
  ['two-fields-star-and-exact', ['*', PAGE_ORIGIN], JOIN],
  ['null', ['null'], "fetch.bs#concept-cors-check ('null' matches only an opaque origin)"],
  ['null-uppercase', ['NULL'], 'fetch.bs#concept-cors-check (byte comparison)'],
  ['trailing-slash', [`${PAGE_ORIGIN}/`], 'fetch.bs#concept-cors-check (byte comparison: a trailing slash fails)'],
  ['with-path', [`${PAGE_ORIGIN}/app`], 'fetch.bs#concept-cors-check'],
  ['uppercase-scheme', ['HTTP://127.0.0.1:8080'], 'fetch.bs#concept-cors-check (byte comparison: case matters)'],
  ['no-scheme', ['127.0.0.1:8080'], 'chromium cors_unittest.cc:CheckAccessDetectsInvalidAllowOriginValue'],
  ['invalid-host-only', ['invalid.origin'], 'chromium cors_unittest.cc:CheckAccessDetectsInvalidAllowOriginValue'],
  ['empty', [''], 'fetch.bs#concept-cors-check (an empty value is not the origin)'],
  ['default-port-written', ['http://127.0.0.1:8080:80'], 'fetch.bs#concept-cors-check'],
  ['star-with-origin-text', ['*.127.0.0.1'], 'fetch.bs#http-access-control-allow-origin (no wildcard patterns)'],
];

function acaoLines(values: readonly string[]): ReadonlyArray<readonly [string, string]> {
  return values.map((v) => h('Access-Control-Allow-Origin', v));
}

const goodResponse: CaseResponse = answer(200, h('Access-Control-Allow-Origin', PAGE_ORIGIN));

export const allowOriginCases: readonly CorsCase[] = forms.flatMap(([slug, values, extra]) => [
  chk(`simple-acao-${slug}`, `${CHECK}; ${extra}`, {
    response: answer(200, ...acaoLines(values)),
  }),
  chk(`pf-acao-${slug}`, `fetch.bs#cors-preflight-fetch-0; ${CHECK}; ${extra}; chromium services/network/cors/preflight_controller.cc:CheckPreflightAccess (errors mapped to Preflight*)`, {
    method: 'PUT',
    preflight: answer(204, ...acaoLines(values), h('Access-Control-Allow-Methods', 'PUT')),
    response: goodResponse,
  }),
]);
