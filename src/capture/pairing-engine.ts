import { browserProfile, type BrowserProfile } from '../cors/browser-profile';
import type { Browser } from '../cors/index';
import { parseMaxAge } from '../cors/max-age';
import { headerRules, type HeaderRules } from './author-headers';
import type { Exchange, PreflightRecord, ResponseRecord } from './exchange';
import { EndedRequests } from './ended-requests';
import { getHeader, splitHeaderNames, type HeaderList } from './header-list';
import { copyExchange, copyPreflightRecord, newExchange } from './new-exchange';
import { PairingBook, type PairingChanges } from './pairing-book';
import { cacheKey, copyTrackedPreflight, copyTrackedRequest, requestKey, withExchange, type PairingState, type TrackedPreflight, type TrackedRequest } from './pairing-state';

import { candidateScore, claimPreflight } from './preflight-claim';
import { observeRequestMode } from './request-mode';
import { isCrossOriginSubresource } from './takes-part';
import type { CompletedEvent, WebRequestEvent } from './web-request-event';

export type { PairingState } from './pairing-state';

type ResponseEvent = Exclude<WebRequestEvent, { kind: 'before-request' | 'send-headers' }>;

/** An unclaimed preflight whose request has not shown up within this time is dropped. */
const UNCLAIMED_PREFLIGHT_TTL_MS = 60_000;

/**
 * Turns webRequest events into {@link Exchange}s: it pairs each CORS preflight with the request
 * it was sent for, although the browser gives no field that links them.
 *
 * A preflight is recognised exactly: an OPTIONS request carrying `Access-Control-Request-Method`,
 * a forbidden header that no page can set. It belongs to an in-flight request of the same tab and
 * frame, to the same URL, whose method equals Access-Control-Request-Method, whose current hop
 * has no preflight yet, and whose CORS-unsafe header names equal Access-Control-Request-Headers:
 * - Firefox shows the request's headers before its preflight: the oldest exact match is taken.
 * - Chrome sends the whole preflight between the request's onBeforeRequest and its
 *   onSendHeaders, so the oldest request whose headers are still unknown is taken, and the pairing
 *   is checked when those headers arrive ({@link claimPreflight}): a better-fitting preflight of a
 *   sibling is swapped in.
 * - A preflight with no candidate (the background restarted and lost the request's start) waits,
 *   unclaimed, for its request to show up.
 *
 * Only requests in flight are kept, indexed by tab + frame + URL; the state is plain data
 * ({@link PairingState}) so a restarted background resumes where the old one stopped.
 */
export class PairingEngine {
  readonly #sink: PairingSink;
  readonly #book: PairingBook;
  readonly #rules: HeaderRules;
  readonly #ended = new EndedRequests();
  readonly #profile: BrowserProfile;

  /** `browser`: whose rules say which sent headers a preflight lists (Chromium by default). */
  constructor(sink: PairingSink, state?: PairingState, browser: Browser = 'chromium') {
    this.#sink = sink;
    this.#book = new PairingBook(state);
    this.#rules = headerRules(browser);
    this.#profile = browserProfile(browser);
  }

  /** The engine's state as plain data; pass it back to the constructor to resume. A copy: O(entries). */
  get state(): PairingState {
    return this.#book.state;
  }

  /** The in-flight request under this key (see {@link takeChanges}), to persist it. */
  trackedRequest(key: string): TrackedRequest | undefined {
    return this.#book.request(key);
  }

  /** The in-flight or unclaimed preflight under this key, to persist it. */
  trackedPreflight(key: string): TrackedPreflight | undefined {
    return this.#book.preflight(key);
  }

  /** Every in-flight request. */
  trackedRequests(): IterableIterator<TrackedRequest> {
    return this.#book.requests();
  }

  /** The preflight cache as plain data (the live object: persist it, never change it). */
  get preflightCache(): PairingState['preflightCache'] {
    return this.#book.preflightCache;
  }

  /** Which entries of {@link state} changed since the last call. */
  takeChanges(): PairingChanges {
    return this.#book.takeChanges();
  }

  ingest(event: WebRequestEvent): void {
    switch (event.kind) {
      case 'before-request':
        return this.#beforeRequest(event);
      case 'send-headers':
        return this.#sendHeaders(event);
      default:
        return this.#responseEvent(event);
    }
  }

  /** Stops tracking a request (its exchange is known to be settled). */
  forget(request: TrackedRequest): void {
    this.#book.deleteRequest(request);
  }

  /** The capture stopped listening: no request in flight will send anything more. */
  forgetInFlight(): void {
    this.#book.forgetInFlight();
  }

  /** The tab closed: its requests will send nothing more. */
  tabRemoved(tabId: number): void {
    this.#book.forgetTab(tabId);
  }

  #beforeRequest(event: Extract<WebRequestEvent, { kind: 'before-request' }>): void {
    if (event.type === 'main_frame') return this.#sink.navigated(event.tabId, event.timeStamp);
    const key = requestKey(event.tabId, event.requestId);
    // A redirect's next hop is announced again with the same requestId: the redirect event moved it
    // (its method too, by the rule the browser follows it with: methodAfterRedirect).
    if (this.#book.request(key) !== undefined || this.#book.preflight(key) !== undefined) return;
    this.#track(event, key);
  }

  #sendHeaders(event: Extract<WebRequestEvent, { kind: 'send-headers' }>): void {
    const key = requestKey(event.tabId, event.requestId);
    if (this.#book.preflight(key) !== undefined) return;
    const request = this.#book.request(key) ?? this.#track(event, key);
    if (request === undefined) return;
    const accessControlRequestMethod = event.method === 'OPTIONS' ? getHeader(event.requestHeaders, 'access-control-request-method') : undefined;
    if (accessControlRequestMethod !== undefined) return this.#preflightSent(request, key, event.requestHeaders, accessControlRequestMethod, event.timeStamp);
    // A same-origin OPTIONS tracked as a possible hop preflight (see #mayBeHopPreflight) that is none.
    // (The method first: only an OPTIONS can be one, and this runs for every request's headers.)
    if (event.method === 'OPTIONS' && request.exchange === null && !isCrossOriginSubresource(event)) return this.#book.deleteRequest(request, key);
    this.#requestSent(request, key, event.requestHeaders);
  }

  /** Starts tracking a request to another origin; `undefined` when it is none of CORS's business. */
  #track(event: WebRequestEvent, key: string, startTime = event.timeStamp): TrackedRequest | undefined {
    const initiator = event.initiator;
    if (initiator === undefined || this.#ended.has(key)) return undefined;
    if (!isCrossOriginSubresource(event) && !this.#mayBeHopPreflight(event)) return undefined;
    return this.#book.setRequest({
      requestId: event.requestId,
      tabId: event.tabId,
      frameId: event.frameId,
      url: event.url,
      method: event.method,
      type: event.type,
      initiator,
      startTime,
      exchange: null,
      hopPreflight: null,
    }, key);
  }

  /**
   * Whether a request to the page's own origin may be the preflight of a request redirected there:
   * after a redirect through another origin the origin is tainted, and the hop back to the page's
   * origin is still CORS, preflighted with `Origin: null` (Fetch: serializing a request origin).
   * Tracked until its headers say whether it is one.
   */
  #mayBeHopPreflight(event: WebRequestEvent): boolean {
    if (event.method !== 'OPTIONS') return false;
    for (const candidate of this.#book.requestsTo(event.tabId, event.frameId, event.url)) {
      if (candidate.hopPreflight === null && candidate.exchange !== null && candidate.exchange.redirects.length > 0) return true;
    }
    return false;
  }

  /** The request's own headers: now its mode is known, and its preflight can be checked. */
  #requestSent(request: TrackedRequest, key: string, headers: HeaderList): void {
    const mode = observeRequestMode(request.type, request.method, headers);
    let exchange = request.exchange;
    if (exchange === null) {
      if (mode.value !== 'cors') return this.#book.deleteRequest(request, key);
      exchange = newExchange(request, mode, headers);
    } else {
      // Promoted by a preflight (Chrome) or a redirect's next hop: keep the exact mode if given.
      const next = copyExchange(exchange);
      next.requestHeaders = headers;
      if (mode.source === 'sec-fetch-mode') next.mode = mode;
      exchange = next;
    }
    const claimed = claimPreflight(this.#book, withExchange(request, exchange), this.#sink, this.#rules);
    this.#sink.exchange(this.#book.setRequest(claimed, key).exchange ?? exchange);
  }

  #preflightSent(options: TrackedRequest, key: string, headers: HeaderList, method: string, time: number): void {
    this.#book.deleteRequest(options, key);
    const record: PreflightRecord = {
      requestId: options.requestId,
      url: options.url,
      accessControlRequestMethod: method,
      accessControlRequestHeaders: splitHeaderNames(getHeader(headers, 'access-control-request-headers')),
      requestHeaders: headers,
      response: null,
      error: null,
      startTime: options.startTime,
      endTime: null,
    };
    const preflight: TrackedPreflight = {
      requestId: options.requestId,
      tabId: options.tabId,
      frameId: options.frameId,
      url: options.url,
      initiator: options.initiator,
      record,
      pairedWith: null,
      ended: false,
    };
    const target = this.#candidateFor(preflight);
    if (target === undefined) {
      this.#book.expireUnclaimed(time - UNCLAIMED_PREFLIGHT_TTL_MS);
      this.#book.setPreflight(preflight, key);
      return;
    }
    const paired = copyTrackedPreflight(preflight);
    paired.pairedWith = requestKey(target.tabId, target.requestId);
    this.#book.setPreflight(paired, key);
    const exchange = copyExchange(target.exchange ?? newExchange(target, { value: 'cors', source: 'preflight' }, null));
    // A request starts before its preflight: one taken up after a restart is dated no later than it.
    const startTime = Math.min(target.startTime, record.startTime);
    exchange.startTime = Math.min(exchange.startTime, startTime);
    exchange.preflights = [...exchange.preflights, record];
    const request = copyTrackedRequest(target);
    request.startTime = startTime;
    request.exchange = exchange;
    request.hopPreflight = record.requestId;
    this.#book.setRequest(request, paired.pairedWith);
    this.#sink.exchange(exchange);
  }

  /** The oldest request this preflight fits: headers seen and matching (Firefox) before headers unseen (Chrome). */
  #candidateFor(preflight: TrackedPreflight): TrackedRequest | undefined {
    let best: TrackedRequest | undefined;
    let bestScore = 0;
    for (const candidate of this.#book.requestsTo(preflight.tabId, preflight.frameId, preflight.url)) {
      if (candidate.method !== preflight.record.accessControlRequestMethod || candidate.hopPreflight !== null) continue;
      const score = candidateScore(preflight.record, candidate.exchange?.requestHeaders ?? null, candidate.method, this.#rules);
      if (score > bestScore || (score === bestScore && score > 0 && best !== undefined && candidate.startTime < best.startTime)) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  #responseEvent(event: ResponseEvent): void {
    const key = requestKey(event.tabId, event.requestId);
    const preflight = this.#book.preflight(key);
    if (preflight !== undefined) return this.#preflightEvent(preflight, key, event);
    const request = this.#book.request(key) ?? this.#adopt(event, key);
    if (request !== undefined) this.#requestEvent(request, key, event);
  }

  /**
   * A request whose start this background never saw (it restarted meanwhile) is taken up when a
   * preflight waits for it: a failed preflight's request only ever shows its error. It started
   * before its preflight did, which is the earliest time known for it.
   */
  #adopt(event: ResponseEvent, key: string): TrackedRequest | undefined {
    for (const preflight of this.#book.unclaimedTo(event.tabId, event.frameId, event.url)) {
      if (preflight.record.accessControlRequestMethod === event.method) return this.#track(event, key, Math.min(event.timeStamp, preflight.record.startTime));
    }
    return undefined;
  }

  #preflightEvent(preflight: TrackedPreflight, key: string, event: ResponseEvent): void {
    const record = updatePreflight(preflight.record, event);
    const ended = event.kind === 'completed' || event.kind === 'error';
    if (ended) this.#ended.add(key);
    if (event.kind === 'completed') this.#rememberPreflightCache(preflight, record);
    const request = preflight.pairedWith === null ? undefined : this.#book.request(preflight.pairedWith);
    if (ended && preflight.pairedWith !== null) this.#book.deletePreflight(preflight.tabId, preflight.requestId, key);
    else {
      const updated = copyTrackedPreflight(preflight);
      updated.record = record;
      updated.ended = ended;
      this.#book.setPreflight(updated, key);
    }
    if (request?.exchange == null) return;
    const exchange = copyExchange(request.exchange);
    exchange.preflights = request.exchange.preflights.map((p) => (p.requestId === record.requestId ? record : p));
    this.#book.setRequest(withExchange(request, exchange));
    this.#sink.exchange(exchange);
  }

  #rememberPreflightCache(preflight: TrackedPreflight, record: PreflightRecord): void {
    const response = record.response;
    if (response === null || response.status < 200 || response.status > 299) return;
    const request = preflight.pairedWith === null ? undefined : this.#book.request(preflight.pairedWith);
    this.#book.setCacheEntry(cacheKey(preflight.initiator, record.url), {
      exchangeId: request?.exchange?.id ?? null,
      // As the browser reads it (the core's parser: Chromium takes `+60`, Firefox does not).
      maxAge: parseMaxAge(getHeader(response.headers, 'access-control-max-age') ?? null, this.#profile).seconds,
      time: response.time,
    });
  }

  #requestEvent(tracked: TrackedRequest, key: string, event: ResponseEvent): void {
    // A redirect of a hop the request already left is a repeat: applying it twice would add a hop.
    if (event.kind === 'redirect' && event.url !== tracked.url) return;
    let request = tracked;
    if (request.exchange === null && (event.kind === 'completed' || event.kind === 'error')) {
      // Ended before its headers were seen: a CORS request only if a preflight waits for it.
      request = claimPreflight(this.#book, withExchange(request, newExchange(request, { value: 'cors', source: 'preflight' }, null)), this.#sink, this.#rules);
      if (request.hopPreflight === null) {
        this.#ended.add(key);
        return this.#book.deleteRequest(tracked, key);
      }
    }
    const exchange = request.exchange;
    if (exchange === null) {
      if (event.kind === 'redirect') {
        const moved = copyTrackedRequest(request);
        moved.url = event.redirectUrl;
        moved.method = methodAfterRedirect(request.method, event.statusCode);
        this.#book.setRequest(moved, key);
      }
      return;
    }
    const next = copyExchange(exchange);
    switch (event.kind) {
      case 'headers-received':
        next.response = responseOf(event.statusCode, event.statusLine, event.responseHeaders, event.timeStamp);
        break;
      case 'redirect': {
        // The next hop is a new request for CORS: it may get a preflight of its own.
        next.url = event.redirectUrl;
        next.response = null;
        next.redirects = [...exchange.redirects, { from: exchange.url, to: event.redirectUrl, status: event.statusCode, time: event.timeStamp }];
        const method = methodAfterRedirect(exchange.method, event.statusCode);
        if (method !== exchange.method) {
          next.method = method;
          // Sent without its body: the request-body headers go with it (Fetch, HTTP-redirect fetch, step 12).
          if (next.requestHeaders !== null) next.requestHeaders = next.requestHeaders.filter(([name]) => !requestBodyHeaderNames.has(name.toLowerCase()));
        }
        const moved = copyTrackedRequest(request);
        moved.url = event.redirectUrl;
        moved.method = method;
        moved.exchange = next;
        moved.hopPreflight = null;
        this.#book.setRequest(moved, key);
        this.#sink.exchange(next);
        return;
      }
      case 'completed':
        next.response = exchange.response ?? completedResponse(event);
        next.endTime = event.timeStamp;
        next.state = 'complete';
        next.preflightCache = this.#cacheLinkFor(request, exchange);
        break;
      case 'error':
        next.error = event.error;
        next.endTime = event.timeStamp;
        next.state = 'failed';
        next.preflightCache = this.#cacheLinkFor(request, exchange);
        break;
    }
    if (next.state === 'pending') {
      this.#book.setRequest(withExchange(request, next), key);
    } else {
      this.#ended.add(key);
      this.#book.deleteRequest(request, key);
    }
    this.#sink.exchange(next);
  }

  /**
   * A request that needed a preflight, was sent, and had none for its last hop went through the
   * preflight cache: linked to the preflight that filled it when this session saw it.
   */
  #cacheLinkFor(request: TrackedRequest, exchange: Exchange): Exchange['preflightCache'] {
    if (request.hopPreflight !== null || exchange.requestHeaders === null) return null;
    if (!this.#rules.needsPreflight(exchange.method, exchange.requestHeaders)) return null;
    const entry = this.#book.preflightCache[cacheKey(exchange.initiator, exchange.url)];
    return entry === undefined ? { exchangeId: null, maxAge: null } : { exchangeId: entry.exchangeId, maxAge: entry.maxAge };
  }
}

/** What the engine reports. */
export interface PairingSink {
  /** An exchange was created or changed; the same `id` replaces the previous version. */
  exchange(exchange: Exchange): void;
  /** A top-level navigation started in the tab. */
  navigated(tabId: number, time: number): void;
}

/**
 * The method of a redirect's next hop: a 301 or 302 of a POST, and a 303 of anything but GET or
 * HEAD, is followed with GET; any other keeps it. Chromium (RedirectInfo's method for a redirect)
 * and Firefox (ShouldRewriteRedirectToGET) follow the same rule, so the next hop's onBeforeRequest
 * carries this method and is not read for it.
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch (step 12)
 */
export function methodAfterRedirect(method: string, status: number): string {
  if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD')) return 'GET';
  return method;
}

/** @see https://fetch.spec.whatwg.org/#request-body-header-name */
const requestBodyHeaderNames: ReadonlySet<string> = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);

function updatePreflight(record: PreflightRecord, event: ResponseEvent): PreflightRecord {
  const next = copyPreflightRecord(record);
  switch (event.kind) {
    case 'headers-received':
      next.response = responseOf(event.statusCode, event.statusLine, event.responseHeaders, event.timeStamp);
      break;
    case 'redirect':
      next.response = responseOf(event.statusCode, '', event.responseHeaders, event.timeStamp);
      break;
    case 'completed':
      next.response = record.response ?? completedResponse(event);
      next.endTime = event.timeStamp;
      break;
    case 'error':
      next.error = event.error;
      next.endTime = event.timeStamp;
      break;
  }
  return next;
}

function responseOf(status: number, statusLine: string, headers: ResponseRecord['headers'], time: number): ResponseRecord {
  return { status, statusLine, headers, time };
}

/**
 * The response from onCompleted, for when onHeadersReceived was not seen: only if it carries the
 * headers. Without them the response stays unknown (the verdict then says what is missing),
 * never a response without headers, which would read as "no Access-Control-Allow-Origin".
 */
function completedResponse(event: CompletedEvent): ResponseRecord | null {
  return event.responseHeaders === undefined ? null : responseOf(event.statusCode, '', event.responseHeaders, event.timeStamp);
}
