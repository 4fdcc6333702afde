import type { BrowserProfile } from './browser-profile';
import type { ClassifiedRequest } from './classify-request';
import { describePreflight } from './explain';

/**
 * The first sentence of a verdict's explanation (what the browser sent, or needed), and the
 * sentence that says a response passes. They run on every check, so the phrases that repeat
 * from request to request (the page's origin, the method, the preflight a request shape needs)
 * are built once and only the URL and the reason are joined in: three to six string joins per
 * explanation instead of a dozen.
 */

/** Phrases that depend on the page's origin only; a page's requests share one origin. */
interface OriginPhrases {
  readonly origin: string;
  /** ` from https://app.example` */
  readonly from: string;
  /** ` from https://app.example without a preflight (simple request).` */
  readonly fromSimple: string;
  /** ` from https://app.example: ` */
  readonly fromColon: string;
  /** ` The response allows https://app.example, so the page can read it.` */
  readonly allowed: string;
}

function originPhrases(origin: string): OriginPhrases {
  const from = ` from ${origin}`;
  return { origin, from, fromSimple: `${from} without a preflight (simple request).`, fromColon: `${from}: `, allowed: ` The response allows ${origin}, so the page can read it.` };
}

let lastOrigin = originPhrases('null');

function phrasesFor(origin: string): OriginPhrases {
  if (lastOrigin.origin !== origin) lastOrigin = originPhrases(origin);
  return lastOrigin;
}

/** `The browser sent PUT ` for each method seen (a handful). */
const sentPrefixes = new Map<string, string>();

function sentPrefix(method: string): string {
  let prefix = sentPrefixes.get(method);
  if (prefix === undefined) {
    if (sentPrefixes.size >= 64) sentPrefixes.clear();
    prefix = `The browser sent ${method} `;
    sentPrefixes.set(method, prefix);
  }
  return prefix;
}

/** The preflight phrases of one request shape (method and Access-Control-Request-Headers). */
interface PreflightPhrases {
  readonly method: string;
  readonly names: readonly string[];
  /** `The browser needed a preflight (OPTIONS with ...) for PUT ` */
  readonly needed: string;
  /** `The browser sent a preflight (OPTIONS with ...) for PUT ` */
  readonly sent: string;
}

const RECENT_SHAPES = 8;
const recentShapes: PreflightPhrases[] = [];
let nextShape = 0;

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function preflightPhrases(c: ClassifiedRequest): PreflightPhrases {
  for (let i = 0; i < recentShapes.length; i++) {
    const shape = recentShapes[i] as PreflightPhrases;
    if (shape.method === c.method && sameNames(shape.names, c.requestHeaders)) return shape;
  }
  const preflight = describePreflight(c);
  // (A copy of the names: the classification's array is the caller's to keep.)
  const shape = { method: c.method, names: c.requestHeaders.slice(), needed: `The browser needed ${preflight} for ${c.method} `, sent: `The browser sent ${preflight} for ${c.method} ` };
  recentShapes[nextShape] = shape;
  nextShape = (nextShape + 1) % RECENT_SHAPES;
  return shape;
}

/** `The browser sent GET https://api.example/x from https://app.example without a preflight (simple request).` */
export function sentSimple(c: ClassifiedRequest, url: string): string {
  return `${sentPrefix(c.method)}${url}${phrasesFor(c.requestOrigin).fromSimple}`;
}

/** `The browser sent a preflight (OPTIONS with ...) for PUT https://api.example/x from https://app.example.` */
export function sentPreflight(c: ClassifiedRequest, url: string): string {
  return `${preflightPhrases(c).sent}${url}${phrasesFor(c.requestOrigin).from}.`;
}

/**
 * `The browser needed a preflight (...) for PUT https://api.example/x from https://app.example: <first reason>`,
 * how many more reasons there are, and, when no preflight was observed, why that can be.
 */
export function neededPreflight(c: ClassifiedRequest, url: string, preflightMissing: boolean, profile: BrowserProfile): string {
  const reasons = c.reasons.length;
  const more = reasons > 1 ? ` (${reasons - 1} more reason${reasons > 2 ? 's' : ''} in the classification)` : '';
  const cacheNote = preflightMissing
    ? ` No preflight was observed: the preflight cache may have answered it (${profile.label} keeps one for Access-Control-Max-Age seconds, 5 s by default), or the capture missed it.`
    : '';
  return `${preflightPhrases(c).needed}${url}${phrasesFor(c.requestOrigin).fromColon}${c.reasons[0]?.message ?? ''}${more}${cacheNote}`;
}

/**
 * `The browser sent a preflight (...) for PUT https://api.example/x from https://app.example, and it got no answer: ...`
 * for a preflight that ended in a network error (`error`); `requestError`, the request's own
 * network error, is named when it is another. Chromium fails the request with the preflight's
 * (CorsURLLoader passes the preflight's net error on).
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch (step 7: a network error is returned as is)
 */
export function preflightGotNoAnswer(c: ClassifiedRequest, url: string, error: string, requestError: string | null): string {
  const ended = requestError !== null && requestError !== error ? ` (the request ended with ${requestError})` : '';
  return (
    `${preflightPhrases(c).sent}${url}${phrasesFor(c.requestOrigin).from}, and it got no answer: it failed with ${error}, a network error, before any response arrived. ` +
    `No CORS check ran, so nothing in the server's CORS headers is at fault; the browser failed the request with the preflight's network error${ended}. ` +
    `Look at why the connection to ${c.target.origin} failed (server down, reset, TLS, proxy or firewall).`
  );
}

/**
 * A no-cors request: no CORS check runs, and the page gets an opaque response. Said of the request
 * as read ("as a no-cors request"): its mode may be the caller's inference (Diagnosis.mode says so).
 * @see https://fetch.spec.whatwg.org/#concept-opaque-filtered-response
 */
export function sentNoCors(c: ClassifiedRequest, url: string): string {
  return `CORS does not apply to ${c.method} ${url} as a no-cors request: no CORS check runs and the server's CORS headers do not concern it; the page gets an opaque response, which it cannot read.`;
}

/**
 * fetch() refuses a no-cors request with another method than GET, HEAD or POST (a TypeError).
 * @see https://fetch.spec.whatwg.org/#dom-request (a "no-cors" request's method must be CORS-safelisted)
 */
export function noCorsMethodRefused(c: ClassifiedRequest): string {
  return `fetch() refuses ${c.method} in no-cors mode, which only allows GET, HEAD and POST: it throws a TypeError and sends nothing.`;
}

/** ` The response allows https://app.example, so the page can read it.` */
export function responseAllowed(origin: string): string {
  return phrasesFor(origin).allowed;
}
