/**
 * What a server must allow for one exchange to pass, as data the server snippets are written
 * from: the origin, the method, the request headers, credentials and a preflight max-age. Values
 * that no snippet could quote safely (a header name with `$` or a quote, an origin that is not
 * one) are left out and named in `notes`, never pasted into code.
 */
import type { Exchange } from '../capture/exchange';
import { getHeader } from '../capture/header-list';
import { isCorsSafelistedMethod } from '../cors/method';
import { SUGGESTED_MAX_AGE } from '../cors/max-age';

export interface CorsNeeds {
  /** The origin to allow, exactly as the browser sends it in Origin. */
  readonly origin: string;
  /** The URL path the request went to (query dropped), for scoping the configuration. */
  readonly path: string;
  /** The request's method. */
  readonly method: string;
  /** Methods the preflight must allow: the request's method when it is not GET, HEAD or POST. */
  readonly methods: readonly string[];
  /** Request headers the preflight must allow (Access-Control-Request-Headers). */
  readonly requestHeaders: readonly string[];
  /** Whether the request carries credentials (cookies), so Allow-Credentials and a named origin are needed. */
  readonly credentials: boolean;
  /** Whether the request is preflighted. */
  readonly preflight: boolean;
  /** Access-Control-Max-Age to send with the preflight: Chromium's 2 h cap; null without a preflight. */
  readonly maxAge: number | null;
  /** What was left out or deserves a second look. */
  readonly notes: readonly string[];
}

/** The core's suggestion (Chromium's 2-hour cap), the same in every warning, snippet and report. */
export { SUGGESTED_MAX_AGE };

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PLACEHOLDER_ORIGIN = 'https://your-app.example';

function pathOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = '/';
  }
  // Only characters every snippet's string and path syntax takes literally.
  const safe = path.replace(/[^A-Za-z0-9._~/%-]/g, (ch) => encodeURIComponent(ch).replace(/[^A-Za-z0-9%]/g, ''));
  return safe.startsWith('/') ? safe : `/${safe}`;
}

/** What `exchange` needs from the server, or null before it is diagnosed. */
export function corsNeedsOf(exchange: Exchange): CorsNeeds | null {
  const d = exchange.diagnosis;
  if (d === null) return null;
  const notes: string[] = [];
  const sentOrigin = (exchange.requestHeaders === null ? undefined : getHeader(exchange.requestHeaders, 'origin')) ?? exchange.initiator;
  let origin = sentOrigin;
  if (sentOrigin === 'null') {
    notes.push('The request came from an opaque origin ("null": a sandboxed iframe, a file: page, or after a cross-origin redirect). Allowing "null" lets every such document in; prefer giving the page a real origin.');
  } else if (!ORIGIN.test(sentOrigin)) {
    origin = PLACEHOLDER_ORIGIN;
    notes.push(`The origin ${JSON.stringify(sentOrigin.slice(0, 200))} is not a serialized origin; replace ${PLACEHOLDER_ORIGIN} with the page's origin.`);
  }
  const c = d.classification;
  const method = SAFE_NAME.test(c.method) ? c.method : 'GET';
  if (method !== c.method) notes.push(`The method ${JSON.stringify(c.method.slice(0, 200))} cannot be written safely into a configuration; add it by hand.`);
  const requestHeaders = c.requestHeaders.filter((name) => SAFE_NAME.test(name));
  const skipped = c.requestHeaders.filter((name) => !SAFE_NAME.test(name));
  if (skipped.length > 0) notes.push(`Left out request headers with unusual characters: ${skipped.map((n) => JSON.stringify(n.slice(0, 100))).join(', ')}; allow them by hand.`);
  const credentials = d.verdict.credentialsMode === 'include';
  return {
    origin,
    path: pathOf(exchange.url),
    method,
    methods: isCorsSafelistedMethod(method) ? [] : [method],
    requestHeaders,
    credentials,
    preflight: c.preflight,
    maxAge: c.preflight ? SUGGESTED_MAX_AGE : null,
    notes,
  };
}

/** GET, HEAD and POST plus the methods needed: for libraries whose method list replaces their default. */
export function allowedMethods(needs: CorsNeeds): string[] {
  const out = ['GET', 'HEAD', 'POST'];
  for (const m of needs.methods) if (!out.includes(m)) out.push(m);
  return out;
}
