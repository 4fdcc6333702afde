import type { Browser } from './browser-profile';
import type { CorsSafelistedMethod } from './method';
import type { SafelistFailure } from './safelisted-request-header';

export type { Browser } from './browser-profile';

/** Header lines in order; a repeated name is a repeated line. */
export type HeaderLines = ReadonlyArray<readonly [string, string]>;

export type CredentialsMode = 'omit' | 'same-origin' | 'include';

/** Which browser's behaviour to reproduce. Chromium when absent. */
export interface CorsOptions {
  readonly browser?: Browser;
}

/** A fetch() call as the page wrote it. */
export interface CorsRequest {
  /** Absolute URL of the request. */
  readonly url: string;
  /** Serialized origin of the requesting document, or "null". */
  readonly origin: string;
  /** As the page wrote it ("patch" stays "patch"). */
  readonly method: string;
  /** Author headers as passed to fetch(), in order, repeats allowed. */
  readonly headers: HeaderLines;
  /**
   * For a request that was never sent (its preflight stopped it, so its own headers are unknown):
   * the names its preflight listed in Access-Control-Request-Headers, CORS-unsafe by the browser's
   * own account, their values not observed. They are the request's unsafe header names; `headers`
   * is then ignored.
   */
  readonly listedByPreflight?: readonly string[];
  /** Default 'same-origin'. */
  readonly credentials?: CredentialsMode;
  /**
   * The request's mode, `cors` when absent. A `no-cors` request (fetch with mode: 'no-cors',
   * navigator.sendBeacon, a form) is not subject to CORS: its response reaches the page opaque,
   * and no check runs on it.
   * @see https://fetch.spec.whatwg.org/#concept-request-mode
   */
  readonly mode?: 'cors' | 'no-cors';
}

/** An HTTP response head: 3xx with Location is a redirect. */
export interface HttpResponseLike {
  readonly status: number;
  readonly headers: HeaderLines;
}

/**
 * A fetch that ended without a response: Fetch's network error (a connection refused or reset, a
 * TLS failure, a request aborted), named as the browser names it (`net::ERR_CONNECTION_REFUSED`,
 * `NS_ERROR_CONNECTION_REFUSED`). No CORS check runs on it.
 * @see https://fetch.spec.whatwg.org/#concept-network-error
 */
export interface NetworkError {
  readonly networkError: string;
}

/**
 * A request with what was observed of its preflight and its actual response: an HTTP response, a
 * network error, or `null` (or absent) when not observed.
 */
export interface CorsExchange {
  readonly request: CorsRequest;
  readonly preflight?: HttpResponseLike | NetworkError | null;
  readonly response?: HttpResponseLike | NetworkError | null;
}

/** Which rule made a request need a preflight. */
export const reasonRules = ['method', 'header-name', 'header-value', 'total-size'] as const;
export type ReasonRule = (typeof reasonRules)[number];

/** The data behind a reason: what exactly failed. */
export type ReasonDetail =
  | { readonly kind: 'method-not-safelisted'; readonly method: string; readonly safelisted: readonly CorsSafelistedMethod[] }
  | SafelistFailure
  | { readonly kind: 'total-size'; readonly total: number; readonly limit: number; readonly headers: readonly string[] }
  /**
   * The browser's own preflight listed this safelisted header in Access-Control-Request-Headers,
   * and its value was never observed (the preflight stopped the request): which rule the value
   * broke is not known. Given by classify() for a request read from its preflight (`CorsRequest.listedByPreflight`).
   */
  | { readonly kind: 'listed-by-preflight' };

/** One reason a preflight is sent. */
export interface Reason {
  readonly rule: ReasonRule;
  /** Lowercase header name at fault (null for the method and the total). */
  readonly header: string | null;
  /** The value as the browser checked it (joined when Chromium joined repeats); the method for `method`. */
  readonly value: string | null;
  readonly detail: ReasonDetail;
  /** One plain sentence a web developer acts on. */
  readonly message: string;
  /** The Fetch standard section that states the rule. */
  readonly link: string;
}

/** Why fetch() would throw before sending anything (or the URL cannot be fetched at all). */
export interface InvalidRequest {
  readonly kind: 'url' | 'credentials-in-url' | 'origin' | 'method' | 'forbidden-method' | 'header-name' | 'header-value' | 'header-entry';
  /** The offending input. */
  readonly value: string;
  readonly message: string;
  readonly link: string;
}

export interface Classification {
  /** Whether the request is cross-origin (CORS applies). */
  readonly crossOrigin: boolean;
  /** Whether the browser sends a CORS preflight. */
  readonly preflight: boolean;
  /** The method as sent (after fetch() normalization). */
  readonly method: string;
  /** Access-Control-Request-Headers as the browser sends it: lowercase, sorted, de-duplicated; [] when none. */
  readonly requestHeaders: string[];
  /** Why a preflight is sent; [] when it is not. */
  readonly reasons: Reason[];
  /** Forbidden request headers fetch() silently dropped (lowercase). They never cause a preflight. */
  readonly dropped: string[];
  /** Set when fetch() would throw or the URL/origin is malformed; the rest is then empty. */
  readonly invalid: InvalidRequest | null;
}

/** Chrome DevTools Protocol `Network.CorsError` names; open, the enum changes. */
export type CorsErrorName =
  | 'PreflightDisallowedRedirect'
  | 'PreflightInvalidStatus'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightInvalidAllowCredentials'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'WildcardOriginNotAllowed'
  | 'InvalidAllowCredentials'
  | 'CorsDisabledScheme'
  | 'RedirectContainsCredentials'
  | (string & {});

export type Stage = 'preflight' | 'response';

export const warningCodes = [
  'server-error-hidden',
  'preflight-unauthorized',
  'preflight-without-cors-headers',
  'vary-origin-missing',
  'wildcard-covers-authorization',
  'max-age-missing',
  'max-age-invalid',
  'max-age-over-cap',
  'headers-dropped',
  'origin-null',
] as const;
export type WarningCode = (typeof warningCodes)[number];

/** Something the user should know beyond the browser's verdict. */
export interface CorsWarning {
  readonly code: WarningCode;
  readonly message: string;
  readonly link?: string;
}

/** What would make the exchange pass: the exact header lines, and the preflight's status where no header line mends it. */
export interface CorsFix {
  /** Header lines the preflight (OPTIONS) response needs. */
  readonly preflight: string[];
  /** Header lines the actual response needs. */
  readonly response: string[];
  /**
   * The status to answer the preflight with, when it failed and its own status was not an ok
   * status (200-299), which no header line mends: 204, what CORS middleware answers (any 2xx
   * passes). Absent otherwise, and for a redirected preflight: that one must be answered where it
   * is asked, or the page call the final URL (its explanation says so).
   * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch (step 7: an ok status)
   */
  readonly preflightStatus?: number;
}

export interface CorsVerdict {
  /** true: passes; false: blocked (or fetch() throws); null: nothing failed, but a needed part was not observed. */
  readonly ok: boolean | null;
  /** `Network.CorsError` of the first failing check, exactly as Chromium names it; null when none failed. */
  readonly error: CorsErrorName | null;
  /** The value Chromium names with the error ('' when it names none); null when no error. */
  readonly failedParameter: string | null;
  /** Where the first failure happened. */
  readonly stage: Stage | null;
  /** Needed parts that were not observed (a preflight answered from the cache shows none). */
  readonly missing: Stage[];
  /** What the browser asked, what the server answered and why that fails, in plain words. */
  readonly explanation: string;
  readonly fix: CorsFix;
  readonly warnings: CorsWarning[];
  /** The credentials mode the checks assumed. */
  readonly credentialsMode: CredentialsMode;
  readonly browser: Browser;
  /** When checking for Firefox: its console reason key (security.properties, e.g. `CORSMissingAllowOrigin2`); else null. */
  readonly firefoxReason: string | null;
  /** The value Firefox's console names with that reason (a status, an origin, a header, a token), or null. */
  readonly firefoxParameter: string | null;
}
