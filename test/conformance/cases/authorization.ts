/**
 * Authorization: never safelisted, and not covered by `Access-Control-Allow-Headers: *` in the
 * standard (Chromium lets the wildcard cover it).
 * @see https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name
 */
import { ACAO_PAGE, answer, chk, cls, h, PAGE_ORIGIN, type CorsCase } from './case';

const NON_WILDCARD = 'fetch.bs#cors-non-wildcard-request-header-name; fetch.bs#cors-preflight-fetch-0';
const CHROMIUM_STAR = "CHROMIUM-DIFFERS-FROM-SPEC: per fetch.bs#cors-non-wildcard-request-header-name + fetch.bs#cors-preflight-fetch-0 Authorization must be listed explicitly and the spec fails this with a network error (HeaderDisallowedByPreflightResponse in a conforming build); Chromium lets '*' cover it; chromium services/network/public/cpp/features.cc:kCorsNonWildcardRequestHeadersSupport (FEATURE_DISABLED_BY_DEFAULT); chromium services/network/cors/preflight_controller_unittest.cc:AuthorizationIsCoveredByWildcard vs AuthorizationIsNotCoveredByWildcard";

const auth = h('Authorization', 'Bearer x');
const okResponse = answer(200, ACAO_PAGE);
const okCredentialedResponse = answer(200, ACAO_PAGE, h('Access-Control-Allow-Credentials', 'true'));

export const authorizationCases: readonly CorsCase[] = [
  cls('authorization-bearer', 'fetch.bs#cors-safelisted-request-header (Authorization is not safelisted)', { headers: [auth] }),
  cls('authorization-basic-omit', 'fetch.bs#cors-safelisted-request-header (credentials mode does not change classification)', {
    headers: [['Authorization', 'Basic eDp5']], credentials: 'omit',
  }),
  cls('authorization-lowercase-name', 'fetch.bs#cors-unsafe-request-header-names', { headers: [['authorization', 'Bearer x']] }),
  chk('acah-star-covers-authorization-in-chromium', CHROMIUM_STAR, {
    headers: [auth],
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Headers', '*')),
    response: okResponse,
  }),
  chk('acah-star-covers-authorization-with-custom', `${CHROMIUM_STAR} (together with a custom header)`, {
    headers: [auth, h('X-Custom', '1')],
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Headers', '*')),
    response: okResponse,
  }),
  chk('acah-authorization-listed', NON_WILDCARD, {
    headers: [auth],
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Headers', 'authorization')),
    response: okResponse,
  }),
  chk('acah-authorization-listed-capitalized', `${NON_WILDCARD} (header names match case-insensitively)`, {
    headers: [auth],
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Headers', 'Authorization')),
    response: okResponse,
  }),
  chk('acah-star-and-authorization', NON_WILDCARD, {
    headers: [auth, h('X-Custom', '1')],
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Headers', '*, Authorization')),
    response: okResponse,
  }),
  chk('acah-missing-authorization', NON_WILDCARD, {
    headers: [auth],
    preflight: answer(204, ACAO_PAGE),
  }),
  chk('acah-other-header-not-authorization', NON_WILDCARD, {
    headers: [auth],
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Headers', 'x-custom')),
  }),
  chk('acah-star-authorization-include', 'fetch.bs#cors-preflight-fetch-0 (with credentials "*" is a literal name)', {
    headers: [auth],
    credentials: 'include',
    preflight: answer(204, ACAO_PAGE, h('Access-Control-Allow-Credentials', 'true'), h('Access-Control-Allow-Headers', '*')),
  }),
  chk('acah-authorization-include-listed', NON_WILDCARD, {
    headers: [auth],
    credentials: 'include',
    preflight: answer(204, h('Access-Control-Allow-Origin', PAGE_ORIGIN), h('Access-Control-Allow-Credentials', 'true'), h('Access-Control-Allow-Headers', 'authorization')),
    response: okCredentialedResponse,
  }),
];
