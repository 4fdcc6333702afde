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
 * as Firefox 153 reported them in the conformance corpus.
 */
export function firefoxReasonFor(failure: CorsFailure, answer: Answer | null): FirefoxReason {
  const status = answer === null ? null : String(answer.status);
  switch (failure.error.replace('Preflight', '')) {
    case 'InvalidStatus':
      return { reason: 'CORSPreflightDidNotSucceed3', parameter: status };
    case 'MissingAllowOriginHeader':
      return { reason: 'CORSMissingAllowOrigin2', parameter: status };
    case 'AllowOriginMismatch':
    case 'InvalidAllowOriginValue':
      return { reason: 'CORSAllowOriginNotMatchingOrigin', parameter: failure.failedParameter };
    case 'MultipleAllowOriginValues':
      return { reason: 'CORSMultipleAllowOriginNotAllowed', parameter: null };
    case 'WildcardOriginNotAllowed':
      return { reason: 'CORSNotSupportingCredentials', parameter: null };
    case 'InvalidAllowCredentials':
      return { reason: 'CORSMissingAllowCredentials', parameter: null };
    case 'InvalidAllowMethodsResponse':
      return { reason: 'CORSInvalidAllowMethod', parameter: failure.token ?? null };
    case 'InvalidAllowHeadersResponse':
      return { reason: 'CORSInvalidAllowHeader', parameter: failure.token ?? null };
    case 'MethodDisallowedByResponse':
      return { reason: 'CORSMethodNotFound', parameter: null };
    case 'HeaderDisallowedByResponse':
      return { reason: 'CORSMissingAllowHeaderFromPreflight2', parameter: failure.failedParameter };
    case 'DisallowedRedirect':
      return { reason: 'CORSExternalRedirectNotAllowed', parameter: null };
    case 'CorsDisabledScheme':
      return { reason: 'CORSRequestNotHttp', parameter: null };
    default:
      return { reason: 'CORSDidNotSucceed2', parameter: null };
  }
}
