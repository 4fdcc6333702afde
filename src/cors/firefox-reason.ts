import type { CorsFailure } from './cors-check';
import type { Answer } from './cors-response-headers';

export interface FirefoxReason {
  /** The key of Firefox's console message in security.properties. */
  readonly reason: string;
  /** The value the message names, or null. */
  readonly parameter: string | null;
}

/**
 * Firefox's own name for a failed check, as its console reports it ("Cross-Origin Request
 * Blocked: ... (Reason: ...)"), so a user can match what the console said. Keys and parameters
 * as Firefox 153 reported them in the conformance corpus; `null` for a failure no recorded case
 * showed Firefox's words for (a redirect to a URL with credentials), rather than a guess.
 */
export function firefoxReasonFor(failure: CorsFailure, answer: Answer | null): FirefoxReason | null {
  const status = answer === null ? null : String(answer.status);
  // (Chromium's names as they are, each preflight twin beside its response one: no string built per call.)
  switch (failure.error) {
    case 'PreflightInvalidStatus':
      return { reason: 'CORSPreflightDidNotSucceed3', parameter: status };
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return { reason: 'CORSMissingAllowOrigin2', parameter: status };
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return { reason: 'CORSAllowOriginNotMatchingOrigin', parameter: failure.failedParameter };
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return { reason: 'CORSMultipleAllowOriginNotAllowed', parameter: null };
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return { reason: 'CORSNotSupportingCredentials', parameter: null };
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return { reason: 'CORSMissingAllowCredentials', parameter: null };
    case 'InvalidAllowMethodsPreflightResponse':
      return { reason: 'CORSInvalidAllowMethod', parameter: failure.token ?? null };
    case 'InvalidAllowHeadersPreflightResponse':
      return { reason: 'CORSInvalidAllowHeader', parameter: failure.token ?? null };
    case 'MethodDisallowedByPreflightResponse':
      return { reason: 'CORSMethodNotFound', parameter: null };
    case 'HeaderDisallowedByPreflightResponse':
      return { reason: 'CORSMissingAllowHeaderFromPreflight2', parameter: failure.failedParameter };
    case 'PreflightDisallowedRedirect':
      return { reason: 'CORSExternalRedirectNotAllowed', parameter: null };
    case 'CorsDisabledScheme':
      return { reason: 'CORSRequestNotHttp', parameter: null };
    case 'RedirectContainsCredentials':
      return null;
    default:
      return { reason: 'CORSDidNotSucceed2', parameter: null };
  }
}
