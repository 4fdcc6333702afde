/**
 * The shape of a playground scenario: what the page asks for, how the server answers, and what
 * a browser is expected to make of it. The catalogue itself is in `scenarios.ts`.
 */

/** The buttons are grouped by these kinds, in this order. */
export const scenarioGroups = [
  'passes',
  'preflight-failures',
  'response-failures',
  'warnings',
  'special',
] as const;
export type ScenarioGroup = (typeof scenarioGroups)[number];

/**
 * In a header value: replaced (wherever it occurs) by the request's `Origin`. When the request
 * has no `Origin` (an `<img>` without `crossorigin`, a tool), the line is left out.
 */
export const REQUEST_ORIGIN = '{request-origin}';

/** As a body: the 1x1 PNG of the image scenarios. */
export const PIXEL_PNG = '{pixel.png}';

/** One header line as written on the wire; a name may repeat to send repeated lines. */
export type HeaderLine = readonly [name: string, value: string];

/**
 * How the server answers one request. Header lines are written verbatim, in order. The server
 * adds only what HTTP needs (Date, Connection, Content-Length) and, when there is a body and no
 * Content-Type line, `Content-Type: text/plain; charset=utf-8`.
 */
export interface Answer {
  readonly status: number;
  readonly headers: readonly HeaderLine[];
  /** Text, or PIXEL_PNG. Without it, a preflight gets an empty body and a response a short text. */
  readonly body?: string;
}

/** How the server answers one path: its preflight (OPTIONS) and every other method. */
export interface Route {
  /** Absent: an OPTIONS here is unexpected and answered 405 without CORS headers. */
  readonly preflight?: Answer;
  readonly response: Answer;
}

/** What the page does when the scenario runs. */
export type PageRequest =
  | CorsFetch
  | { readonly kind: 'no-cors-fetch' }
  | { readonly kind: 'same-origin-fetch' }
  | { readonly kind: 'image' }
  | { readonly kind: 'image-crossorigin' };

/** A `fetch()` in CORS mode from the page origin to the API origin. */
export interface CorsFetch {
  readonly kind: 'fetch';
  /** As passed to fetch(): fetch uppercases only DELETE GET HEAD OPTIONS POST PUT. */
  readonly method: string;
  readonly headers?: readonly HeaderLine[];
  /** Default 'same-origin' (fetch's default): no cookies cross-origin. */
  readonly credentials?: 'omit' | 'same-origin' | 'include';
  readonly body?: string;
  /** Set or clear the page's cookie first (cookies ignore ports, so the API origin gets it). */
  readonly cookie?: 'set' | 'cleared';
  /** Send the request `count` times, all at once or one after the other. */
  readonly repeat?: { readonly count: number; readonly parallel: boolean };
}

/**
 * The error name that Chromium reports for the failed request in the DevTools Protocol
 * (`Network.loadingFailed` -> `corsErrorStatus.corsError`, enum `Network.CorsError`).
 */
export type ChromiumCorsError =
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightDisallowedRedirect'
  | 'PreflightInvalidAllowCredentials'
  | 'PreflightInvalidStatus'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightWildcardOriginNotAllowed'
  | 'WildcardOriginNotAllowed';

/** What Chromium does with the scenario (observed with Chromium 156; Firefox may differ). */
export interface Expected {
  /** The fetch resolves (every time, when repeated) or the image loads. */
  readonly ok: boolean;
  /** The status the page reads when ok (0 for an opaque no-cors response; absent for images). */
  readonly status?: number;
  /** How many OPTIONS requests reach the server in one run. */
  readonly preflights: number;
  /** Chromium's CORS error for a failure. */
  readonly corsError?: ChromiumCorsError;
}

export interface Scenario extends Route {
  /** kebab-case, unique; also the last segment of `path`. */
  readonly name: string;
  /** The button's label. */
  readonly title: string;
  /** One sentence: what it shows and how it ends. */
  readonly description: string;
  readonly group: ScenarioGroup;
  /** Requested on the API origin (on the page origin for a same-origin fetch). */
  readonly path: string;
  readonly request: PageRequest;
  /** Where a redirect of this scenario points, and how that path answers. */
  readonly redirectTarget?: Route & { readonly path: string };
  readonly expected: Expected;
}
