import type { Classification, CorsVerdict } from '../cors/index';
import type { HeaderList } from './header-list';

/**
 * One cross-origin request as the browser made it: the request, the preflight(s) sent for it,
 * its response or failure, and the core's diagnosis. Plain data, so it can be stored in
 * `storage.session`, sent over a port, and written into a report as it is.
 */
export interface Exchange {
  /** Stable for the exchange's life: `<tabId>:<requestId of the actual request>`. */
  readonly id: string;
  readonly tabId: number;
  readonly frameId: number;
  /** Serialized origin of the requesting document (`null` for an opaque origin). */
  readonly initiator: string;
  /** webRequest resource type (`xmlhttprequest`, `image`, `script`, `font`, ...). */
  readonly type: string;
  readonly mode: RequestModeObservation;
  readonly method: string;
  /** The URL the request was last sent to (after redirects). */
  readonly url: string;
  /** Headers as sent, browser-added ones included; `null` until the browser sent them. */
  readonly requestHeaders: HeaderList | null;
  readonly startTime: number;
  readonly endTime: number | null;
  readonly redirects: readonly Redirect[];
  /** Preflights paired with this request, in order (a redirect gets a new one). */
  readonly preflights: readonly PreflightRecord[];
  /** Set when a preflight was needed and none was sent: the preflight cache answered. */
  readonly preflightCache: PreflightCacheLink | null;
  readonly response: ResponseRecord | null;
  /** The browser's error string when the request failed (`net::ERR_FAILED`, `NS_ERROR_DOM_BAD_URI`). */
  readonly error: string | null;
  readonly state: 'pending' | 'complete' | 'failed';
  /** The core's reading, computed once the exchange settled. */
  readonly diagnosis: Diagnosis | null;
}

/**
 * The request's mode. `Sec-Fetch-Mode` says it exactly; browsers send it only to potentially
 * trustworthy URLs, so elsewhere it is inferred from `Origin`, the method and the resource type;
 * a request stopped by its preflight is never sent, and the preflight itself proves CORS mode.
 * @see https://fetch.spec.whatwg.org/#concept-request-mode
 */
export interface RequestModeObservation {
  readonly value: 'cors' | 'no-cors' | 'navigate' | 'same-origin' | 'websocket' | 'unknown';
  /** `preflight`: the browser sent a CORS preflight for it, which only CORS-mode requests get. */
  readonly source: 'sec-fetch-mode' | 'preflight' | 'inferred';
}

export interface Redirect {
  readonly from: string;
  readonly to: string;
  readonly status: number;
  readonly time: number;
}

export interface ResponseRecord {
  readonly status: number;
  readonly statusLine: string;
  readonly headers: HeaderList;
  readonly time: number;
}

export interface PreflightRecord {
  readonly requestId: string;
  readonly url: string;
  /** Access-Control-Request-Method as sent. */
  readonly accessControlRequestMethod: string;
  /** Access-Control-Request-Headers as sent, split into names (`[]` when absent). */
  readonly accessControlRequestHeaders: readonly string[];
  readonly requestHeaders: HeaderList;
  readonly response: ResponseRecord | null;
  readonly error: string | null;
  readonly startTime: number;
  readonly endTime: number | null;
}

export interface PreflightCacheLink {
  /** The exchange whose preflight filled the cache, when this session saw it. */
  readonly exchangeId: string | null;
  /** Its Access-Control-Max-Age in seconds (`null` when absent or not a number: Chromium then caches 5 s, Firefox not at all). */
  readonly maxAge: number | null;
}

export interface Diagnosis {
  /** Credentials mode the check assumed, and how it was known. */
  readonly credentials: {
    readonly mode: 'omit' | 'same-origin' | 'include';
    readonly source: 'cookie-header' | 'default' | 'likely';
  };
  readonly classification: Classification;
  readonly verdict: CorsVerdict;
  /** Whether the browser blocked it (from its error), independent of the core's verdict. */
  readonly blockedByBrowser: boolean;
  /**
   * Firefox only, where a blocked simple request still ends normally: the verdict had the request
   * been sent with credentials, when that differs from `verdict` (webRequest does not show it).
   */
  readonly ifCredentialsIncluded?: CorsVerdict;
  /** The request's mode where the capture inferred it and the verdict depends on it (see {@link InferredMode}). */
  readonly mode?: InferredMode;
  /** With `mode` likely no-cors: the verdict had the request been sent in CORS mode (the check it would have failed). */
  readonly ifCorsMode?: CorsVerdict;
}

/**
 * A POST without Sec-Fetch-Mode (browsers send it only to potentially trustworthy URLs: https,
 * localhost) carries Origin in CORS mode and in no-cors mode alike (fetch with mode: 'no-cors',
 * navigator.sendBeacon, a form), and webRequest does not show which. When its response fails the
 * CORS check, the browser's ending tells: Chromium ends every request CORS blocks with
 * net::ERR_FAILED, so one it completed was `likely` no-cors (the verdict reads it so); Firefox ends
 * both alike, so the verdict reads it as CORS, `inferred`, holding if it was.
 */
export type InferredMode = { readonly value: 'no-cors'; readonly source: 'likely' } | { readonly value: 'cors'; readonly source: 'inferred' };

/** A copy of a record being built: every field settable until it is handed out, then never again. */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };
