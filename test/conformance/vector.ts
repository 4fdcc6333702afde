/**
 * The fixture format (test/fixtures/cors-vectors.chromium.json): one vector per case, with the
 * request as absolute URL and origin, the scripted answers, and what Chromium did (`expect`).
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

export interface CorsVector {
  readonly id: string;
  readonly source: string;
  /** The browser build that produced `expect`. */
  readonly observedIn: string;
  readonly request: VectorRequest;
  readonly preflight: CaseResponse | null;
  readonly response: CaseResponse | null;
  readonly expect: Expectation;
}

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
