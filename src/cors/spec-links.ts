/**
 * Fetch standard sections each rule cites, in one table so a reason, a warning and the docs
 * point at the same place.
 * @see https://fetch.spec.whatwg.org/
 */
const FETCH = 'https://fetch.spec.whatwg.org/#';

export const specLinks = {
  corsSafelistedMethod: `${FETCH}cors-safelisted-method`,
  methodNormalize: `${FETCH}concept-method-normalize`,
  forbiddenMethod: `${FETCH}forbidden-method`,
  corsSafelistedRequestHeader: `${FETCH}cors-safelisted-request-header`,
  corsUnsafeRequestHeaderByte: `${FETCH}cors-unsafe-request-header-byte`,
  corsUnsafeRequestHeaderNames: `${FETCH}cors-unsafe-request-header-names`,
  forbiddenRequestHeader: `${FETCH}forbidden-request-header`,
  simpleRangeHeaderValue: `${FETCH}simple-range-header-value`,
  headerValueNormalize: `${FETCH}concept-header-value-normalize`,
  headerName: `${FETCH}header-name`,
  headerValue: `${FETCH}header-value`,
  headersAppend: `${FETCH}concept-headers-append`,
  requestConstructor: `${FETCH}dom-request`,
  corsCheck: `${FETCH}concept-cors-check`,
  corsPreflightFetch: `${FETCH}cors-preflight-fetch`,
  corsPreflightCache: `${FETCH}cors-preflight-cache`,
  corsNonWildcardRequestHeaderName: `${FETCH}cors-non-wildcard-request-header-name`,
  corsProtocolAndCredentials: `${FETCH}cors-protocol-and-credentials`,
  corsProtocolAndHttpCaches: `${FETCH}cors-protocol-and-http-caches`,
  accessControlAllowOrigin: `${FETCH}http-access-control-allow-origin`,
  accessControlAllowCredentials: `${FETCH}http-access-control-allow-credentials`,
  accessControlAllowMethods: `${FETCH}http-access-control-allow-methods`,
  accessControlAllowHeaders: `${FETCH}http-access-control-allow-headers`,
  accessControlMaxAge: `${FETCH}http-access-control-max-age`,
  okStatus: `${FETCH}ok-status`,
  httpRedirectFetch: `${FETCH}http-redirect-fetch`,
  mainFetch: `${FETCH}main-fetch`,
  schemeFetch: `${FETCH}scheme-fetch`,
} as const;

export type SpecLink = (typeof specLinks)[keyof typeof specLinks];
