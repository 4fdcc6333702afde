/**
 * The fixture format (test/fixtures/cors-vectors.<browser>.json): one vector per case, with the
 * request as absolute URL and origin, the scripted answers, and what the browser did (`expect`).
 * Chromium's and Firefox's vectors share everything but the browser's own verdict, which each
 * gives in its own vocabulary.
 */
import type { CaseResponse, CorsCase, Credentials, HeaderList } from './cases/case';

export interface VectorRequest {
  readonly url: string;
  /** Serialized origin of the requesting document, or "null" (sandboxed frame). */
  readonly origin: string;
  readonly method: string;
  readonly headers: HeaderList;
  readonly credentials: Credentials;
}

/** What Chromium did; every field is observed, none is written by hand. */
export interface Expectation {
  /** An OPTIONS preflight reached the server. */
  readonly preflight: boolean;
  /** Its Access-Control-Request-Headers split on ',' ([] when no preflight or none sent). */
  readonly requestHeaders: readonly string[];
  /** fetch() resolved (with any status). */
  readonly fetchResolved: boolean;
  /** The CORS verdict: fetch() resolved and Chromium reported no CORS error. */
  readonly ok: boolean;
  /** Chromium's Network.CorsError for the request, null when none. */
  readonly error: string | null;
  /** Chromium's failedParameter with that error, null when no error. */
  readonly failedParameter: string | null;
}

/**
 * What Firefox did; every field is observed. The verdict is Firefox's console message for the
 * request, by its key in security.properties (the names MDN's CORS error pages use).
 */
export interface FirefoxExpectation {
  readonly preflight: boolean;
  readonly requestHeaders: readonly string[];
  readonly fetchResolved: boolean;
  /** fetch() resolved and Firefox wrote no CORS error for the request. */
  readonly ok: boolean;
  /** The key of Firefox's first CORS error for the request (e.g. `CORSMethodNotFound`), null when none. */
  readonly firefoxReason: string | null;
  /**
   * That message's second argument, when it has one: the Allow-Origin value, the header name or
   * token refused, or the status code (`CORSMissingAllowOrigin2`, `CORSPreflightDidNotSucceed3`).
   */
  readonly firefoxParameter: string | null;
  /** Every CORS error key for the request, in order (a failed preflight adds `CORSDidNotSucceed2`). */
  readonly firefoxReasons: readonly string[];
  /** CORS warning keys (e.g. `CORSAllowHeaderFromPreflightDeprecation`). */
  readonly firefoxWarnings: readonly string[];
}

export interface Vector<E> {
  readonly id: string;
  readonly source: string;
  /** The browser build that produced `expect`. */
  readonly observedIn: string;
  readonly request: VectorRequest;
  readonly preflight: CaseResponse | null;
  readonly response: CaseResponse | null;
  readonly expect: E;
}

export type CorsVector = Vector<Expectation>;
export type FirefoxVector = Vector<FirefoxExpectation>;

export interface Origins {
  readonly page: string;
  readonly api: string;
}

export function vectorRequest(c: CorsCase, origins: Origins): VectorRequest {
  return {
    url: `${c.request.to === 'page' ? origins.page : origins.api}${c.request.path}`,
    origin: c.request.from === 'sandboxed-frame' ? 'null' : origins.page,
    method: c.request.method,
    headers: c.request.headers,
    credentials: c.request.credentials,
  };
}

/** Fields compared between a recording and a replay (all but `ok`, which follows from them). */
export const COMPARED_FIELDS = ['preflight', 'requestHeaders', 'fetchResolved', 'error', 'failedParameter'] as const;
export const FIREFOX_COMPARED_FIELDS = [
  'preflight',
  'requestHeaders',
  'fetchResolved',
  'firefoxReason',
  'firefoxParameter',
  'firefoxReasons',
  'firefoxWarnings',
] as const;
