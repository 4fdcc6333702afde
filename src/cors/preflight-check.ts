import type { BrowserProfile } from './browser-profile';
import { asPreflightFailure, type CorsFailure, corsCheck } from './cors-check';
import { isCorsSafelistedMethod } from './method';
import type { CorsResponseHeaders } from './cors-response-headers';
import { firstInvalidItem, isRedirectStatus, parseAllowList } from './response-header';
import type { CredentialsMode } from './types';

export interface PreflightOutcome {
  readonly failure: CorsFailure | null;
  /** `*` let Authorization through (Chromium only; the standard requires it by name). */
  readonly wildcardCoveredAuthorization: boolean;
}

/** The two passing outcomes, shared: a passing preflight allocates nothing. */
const PASSED: PreflightOutcome = Object.freeze({ failure: null, wildcardCoveredAuthorization: false });
const PASSED_BY_WILDCARD: PreflightOutcome = Object.freeze({ failure: null, wildcardCoveredAuthorization: true });

/** An ok status: 200 to 299. @see https://fetch.spec.whatwg.org/#ok-status */
export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

function methodDisallowed(method: string): CorsFailure {
  return { error: 'MethodDisallowedByPreflightResponse', failedParameter: method };
}

function fail(failure: CorsFailure): PreflightOutcome {
  return { failure, wildcardCoveredAuthorization: false };
}

/**
 * Check a CORS-preflight response for a request, in Chromium's order
 * (PreflightLoader::HandleRedirect, CheckPreflightAccess, PreflightResult::Parse, CheckPreflightResult).
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 *
 * 1. A redirect (301, 302, 303, 307, 308 with a Location) is not followed: PreflightDisallowedRedirect.
 *    Chromium 156 differs from the standard, which only says "network error": it names the redirect,
 *    and a 300 (which it does not treat as a redirect) fails later as PreflightInvalidStatus.
 * 2. CORS check on the preflight response, with the actual request's credentials mode: Preflight* errors.
 * 3. Then the status must be ok (200-299): PreflightInvalidStatus. (A 300 is not a redirect.)
 * 4. Access-Control-Allow-Methods, then -Headers, must parse as lists of tokens, both before either is used.
 * 5. The method must be safelisted, listed byte-exactly, or covered by `*` without credentials.
 *    Chromium 156 matches case-sensitively: `patch` is not allowed by `PATCH`.
 * 6. Each CORS-unsafe header name must be listed (case-insensitively), or `*` without credentials.
 *    Chromium 156 differs from the standard: `*` also covers Authorization.
 */
export function preflightCheck(
  status: number,
  lines: CorsResponseHeaders,
  method: string,
  requestHeaders: readonly string[],
  origin: string,
  credentials: CredentialsMode,
  profile: BrowserProfile,
): PreflightOutcome {
  // 1. Redirects. (Firefox follows the redirect and CORS-checks it first: a missing Allow-Origin fails before the redirect does.)
  const redirect = isRedirectStatus(status) && lines.location !== null && lines.location !== '';
  if (redirect && !profile.followsPreflightRedirect) return fail({ error: 'PreflightDisallowedRedirect', failedParameter: '' });
  // 2. CORS check.
  const access = corsCheck(lines, origin, credentials, profile);
  if (access !== null) return fail(asPreflightFailure(access));
  if (redirect) return fail({ error: 'PreflightDisallowedRedirect', failedParameter: '' });
  // 3. Ok status.
  if (!isOkStatus(status)) return fail({ error: 'PreflightInvalidStatus', failedParameter: '' });
  // 4. Parse both lists (Firefox checks the method before parsing Allow-Headers).
  const methods = parseAllowList(lines.allowMethods, false);
  if (methods === null) return fail({ error: 'InvalidAllowMethodsPreflightResponse', failedParameter: '', token: firstInvalidItem(lines.allowMethods) });
  const include = credentials === 'include';
  // (Chromium upper-cases before its safelist test; fetch() already upper-cased get/head/post.)
  const methodAllowed = isCorsSafelistedMethod(method) || methods.includes(method) || (!include && methods.includes('*'));
  if (!methodAllowed && profile.checksMethodBeforeAllowHeaders) return fail(methodDisallowed(method));
  const headers = parseAllowList(lines.allowHeaders, true);
  if (headers === null) return fail({ error: 'InvalidAllowHeadersPreflightResponse', failedParameter: '', token: firstInvalidItem(lines.allowHeaders) });
  // 5. Method.
  if (!methodAllowed) return fail(methodDisallowed(method));
  // 6. Headers.
  if (!include && headers.includes('*')) {
    const authorization = requestHeaders.includes('authorization') && !headers.includes('authorization');
    if (authorization && !profile.wildcardCoversAuthorization) {
      return fail({ error: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' });
    }
    return authorization ? PASSED_BY_WILDCARD : PASSED;
  }
  for (let i = 0; i < requestHeaders.length; i++) {
    const name = requestHeaders[i] as string;
    if (!headers.includes(name)) return fail({ error: 'HeaderDisallowedByPreflightResponse', failedParameter: name });
  }
  return PASSED;
}
