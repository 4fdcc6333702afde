import { type AuthorHeaderList, authorHeaderList, type RequestHeader } from './author-header-list';
import type { BrowserProfile } from './browser-profile';
import { describeByte } from './http-bytes';
import { isCorsSafelistedMethod, methodProblem, normalizeMethod } from './method';
import { headerReason, listedByPreflightReason, methodReason, totalSizeReason } from './reason';
import { type ParsedUrl, parseRequestUrl, serializeRequestOrigin } from './request-url';
import { corsSafelistFailureByRule, safelistRule } from './safelisted-request-header';
import { specLinks } from './spec-links';
import type { Classification, CorsRequest, InvalidRequest, Reason } from './types';

/** The classification plus what `check()` needs again, so it is computed once. */
export interface ClassifiedRequest extends Classification {
  /** Serialized origin of the requesting document ('' when invalid). */
  readonly requestOrigin: string;
  /** The request URL's scheme (`http:`) and origin ('' when invalid). */
  readonly target: ParsedUrl;
}

const NO_TARGET: ParsedUrl = { scheme: '', origin: '', problem: 'malformed' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function invalid(kind: InvalidRequest['kind'], value: string, message: string, link: string, method: string, target = NO_TARGET, dropped: string[] = []): ClassifiedRequest {
  return {
    crossOrigin: false,
    preflight: false,
    method,
    requestHeaders: [],
    reasons: [],
    dropped,
    invalid: { kind, value, message, link },
    requestOrigin: '',
    target,
  };
}

function headerProblem(list: AuthorHeaderList, method: string, target: ParsedUrl): ClassifiedRequest | null {
  const p = list.problem;
  if (p === null) return null;
  if (p.kind === 'header-entry') {
    return invalid('header-entry', '', 'A header entry is not a [name, value] pair, so fetch() throws a TypeError and sends nothing.', specLinks.headersAppend, method, target, list.dropped);
  }
  if (p.kind === 'header-name') {
    return invalid('header-name', p.name, `"${p.name}" is not a valid header name (only letters, digits and !#$%&'*+-.^_\`|~ are allowed), so fetch() throws a TypeError and sends nothing.`, specLinks.headerName, method, target, list.dropped);
  }
  const what = p.charCode !== null && p.charCode > 0xff ? `the character U+${p.charCode.toString(16).toUpperCase().padStart(4, '0')}, which is not a byte` : describeByte(p.charCode ?? 0);
  return invalid('header-value', p.value, `The ${p.name} value holds ${what} at position ${p.position ?? 0}, which a header value cannot hold, so fetch() throws a TypeError and sends nothing.`, specLinks.headerValue, method, target, list.dropped);
}

/**
 * Classify a request as the browser would before sending it.
 * @see https://fetch.spec.whatwg.org/#main-fetch
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function classifyRequest(request: CorsRequest, profile: BrowserProfile): ClassifiedRequest {
  const req: Partial<CorsRequest> = request !== null && typeof request === 'object' ? request : {};
  const rawMethod = text(req.method);
  // 1. The requesting document's origin must be an origin (ours to check: the page cannot get it wrong).
  const requestOrigin = serializeRequestOrigin(text(req.origin));
  if (requestOrigin === null) {
    return invalid('origin', text(req.origin), `"${text(req.origin)}" is not a serialized origin such as https://app.example or "null".`, 'https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin', rawMethod);
  }
  // 2. new Request() parses the URL: failure, or credentials in it, is a TypeError.
  const url = text(req.url);
  const target = parseRequestUrl(url);
  if (target.problem === 'malformed') {
    return invalid('url', url, `"${url}" is not an absolute URL, so fetch() cannot send it (the URL parser fails on it).`, specLinks.requestConstructor, rawMethod);
  }
  if (target.problem === 'credentials') {
    return invalid('credentials-in-url', url, `The URL holds a user name or password, so fetch() throws a TypeError and sends nothing.`, specLinks.requestConstructor, rawMethod, target);
  }
  // 3. The method must be a token and not forbidden; then it is normalized.
  const problem = methodProblem(rawMethod);
  if (problem === 'not-a-token') {
    return invalid('method', rawMethod, `"${rawMethod}" is not a valid HTTP method (a token), so fetch() throws a TypeError.`, specLinks.requestConstructor, rawMethod, target);
  }
  if (problem === 'forbidden') {
    return invalid('forbidden-method', rawMethod, `${rawMethod.toUpperCase()} is a forbidden method, so fetch() throws a TypeError.`, specLinks.forbiddenMethod, rawMethod, target);
  }
  const method = normalizeMethod(rawMethod);
  // 4. The headers fill a Headers object with the "request" guard.
  const list = authorHeaderList(req.headers, profile);
  const bad = headerProblem(list, method, target);
  if (bad !== null) return bad;
  // 5. CORS applies to a cross-origin request; data: URLs are always fetched without it.
  const crossOrigin = target.scheme !== 'data:' && (requestOrigin === 'null' || target.origin !== requestOrigin);
  const httpScheme = target.scheme === 'http:' || target.scheme === 'https:';
  // (Object literals, not spreads: a spread costs about a microsecond here.)
  if (!crossOrigin || !httpScheme) {
    return { crossOrigin, preflight: false, method, requestHeaders: [], reasons: [], dropped: list.dropped, invalid: null, requestOrigin, target };
  }
  // 6. A preflight is needed when the method is not safelisted or a header name is CORS-unsafe.
  const reasons: Reason[] = [];
  if (!isCorsSafelistedMethod(method)) reasons.push(methodReason(method));
  const listed = req.listedByPreflight;
  const requestHeaders = listed === undefined ? corsUnsafeRequestHeaderNames(list, profile, reasons) : listedUnsafeNames(listed, profile, reasons);
  return { crossOrigin, preflight: reasons.length > 0, method, requestHeaders, reasons, dropped: list.dropped, invalid: null, requestOrigin, target };
}

/**
 * CORS-unsafe request-header names: names not safelisted, plus every safelisted one when their
 * values add up to more than 1,024 bytes; then lowercase, sorted, de-duplicated.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function corsUnsafeRequestHeaderNames(list: AuthorHeaderList, profile: BrowserProfile, reasons: Reason[]): string[] {
  const unsafe: string[] = [];
  let safelistValueSize = 0;
  let safelisted = 0;
  // 1-3. For each header: not safelisted -> unsafe; else count its value's length.
  const headers = list.headers;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i] as RequestHeader;
    const failure = corsSafelistFailureByRule(header.safelist, header.value, profile);
    if (failure !== null) {
      unsafe.push(header.name);
      reasons.push(headerReason(header.name, header.value, failure, header.count));
    } else {
      safelisted++;
      safelistValueSize += header.value.length;
    }
  }
  // 4. Over the limit: every safelisted name is unsafe too.
  if (profile.totalSizeLimit !== null && safelisted > 0 && safelistValueSize > profile.totalSizeLimit) {
    const potentiallyUnsafe: string[] = [];
    for (const header of headers) if (corsSafelistFailureByRule(header.safelist, header.value, profile) === null) potentiallyUnsafe.push(header.name);
    reasons.push(totalSizeReason(safelistValueSize, profile.totalSizeLimit, [...new Set(potentiallyUnsafe)].sort()));
    for (const name of potentiallyUnsafe) unsafe.push(name);
  }
  // 5. Convert to a sorted-lowercase set (names are lowercase already; Chromium joined repeats).
  if (unsafe.length < 2) return unsafe;
  insertionSort(unsafe);
  if (!profile.dedupesRequestHeaders) return unsafe;
  let w = 1;
  for (let r = 1; r < unsafe.length; r++) if (unsafe[r] !== unsafe[w - 1]) unsafe[w++] = unsafe[r] as string;
  if (w !== unsafe.length) unsafe.length = w;
  return unsafe;
}

/**
 * The unsafe names of a request never sent, as its preflight listed them: lowercase, sorted,
 * de-duplicated, each with its reason.
 */
function listedUnsafeNames(listed: readonly string[], profile: BrowserProfile, reasons: Reason[]): string[] {
  const names = [...new Set(listed.map((name) => text(name).toLowerCase()))];
  insertionSort(names);
  for (const name of names) reasons.push(listedByPreflightReason(name, safelistRule(name, profile) !== null));
  return names;
}

/** Byte-order sort for the handful of names a request has. */
function insertionSort(a: string[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i] as string;
    let j = i - 1;
    while (j >= 0 && (a[j] as string) > v) {
      a[j + 1] = a[j] as string;
      j--;
    }
    a[j + 1] = v;
  }
}
