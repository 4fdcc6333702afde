import { isValidUrl } from './request-url';
import type { BrowserProfile } from './browser-profile';
import type { CorsResponseHeaders } from './cors-response-headers';
import type { CorsErrorName, CredentialsMode } from './types';

/** A failed check: Chromium's `Network.CorsError` and the value it names ('' when none). */
export interface CorsFailure {
  readonly error: CorsErrorName;
  readonly failedParameter: string;
  /** For a malformed Allow-Methods/-Headers list: the first item that is not a token. */
  readonly token?: string;
  /** For RedirectContainsCredentials: the origin of the location, resolved against the URL it answered. */
  readonly redirectOrigin?: string;
}

/**
 * CORS check of a response (preflight or actual), as Chromium's network::cors::CheckAccess does it.
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 *
 * 1. Let origin be the Access-Control-Allow-Origin value.
 * 2. `*` passes unless the credentials mode is "include" (then WildcardOriginNotAllowed; the
 *    Allow-Credentials value does not matter).
 * 3. Absent: MissingAllowOriginHeader.
 * 4. Not the request's serialized origin: Chromium names why, for the developer:
 *    a space or comma -> MultipleAllowOriginValues (repeated lines are joined with ", ");
 *    `null` -> AllowOriginMismatch; not a URL -> InvalidAllowOriginValue; else AllowOriginMismatch.
 *    Chromium 156 differs from the standard, which only says "failure": it names why, and `null`
 *    matches a request from an opaque origin (it keeps the old CORS spec's rule).
 *    Firefox calls only repeated header lines multiple values; a list inside one line is a mismatch.
 * 5. With credentials "include", Access-Control-Allow-Credentials must be exactly `true`.
 */
export function corsCheck(headers: CorsResponseHeaders, origin: string, credentials: CredentialsMode, profile: BrowserProfile): CorsFailure | null {
  // 1. Get the value.
  const allowOrigin = headers.allowOrigin;
  if (allowOrigin === '*') {
    // 2. The wildcard.
    if (credentials !== 'include') return null;
    return { error: 'WildcardOriginNotAllowed', failedParameter: '' };
  }
  // 3. Absent.
  if (allowOrigin === null) return { error: 'MissingAllowOriginHeader', failedParameter: '' };
  // 4. Compare with the serialized origin.
  if (allowOrigin !== origin) {
    const several = profile.commaListIsMismatch ? headers.allowOriginLines > 1 : allowOrigin.includes(' ') || allowOrigin.includes(',');
    if (several) return { error: 'MultipleAllowOriginValues', failedParameter: allowOrigin };
    if (allowOrigin === 'null') return { error: 'AllowOriginMismatch', failedParameter: allowOrigin };
    if (!isValidUrl(allowOrigin)) return { error: 'InvalidAllowOriginValue', failedParameter: allowOrigin };
    return { error: 'AllowOriginMismatch', failedParameter: allowOrigin };
  }
  // 5. Credentials.
  if (credentials === 'include') {
    const allowCredentials = headers.allowCredentials;
    if (allowCredentials !== 'true') return { error: 'InvalidAllowCredentials', failedParameter: allowCredentials ?? '' };
  }
  return null;
}

/** Chromium's preflight twin of each CORS check error. */
const PREFLIGHT_ERROR: Readonly<Record<string, CorsErrorName>> = {
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};

export function asPreflightFailure(failure: CorsFailure): CorsFailure {
  return { error: PREFLIGHT_ERROR[failure.error] ?? failure.error, failedParameter: failure.failedParameter };
}
