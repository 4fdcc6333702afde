import type { Exchange, PreflightRecord, ResponseRecord } from './exchange';
import { getHeader, splitHeaderNames } from './header-list';
import { observeRequestMode } from './request-mode';
import type { WebRequestEvent } from './web-request-event';
import { originOf } from './url-origin';
import { maxAgeOf } from './max-age';
import { unsafeHeaderNamesOf } from './author-headers';

/**
 * Turns webRequest events into {@link Exchange}s: it pairs each CORS preflight with the request
 * it was sent for, although the browser gives no field that links them.
 *
 * A preflight is recognised exactly: an OPTIONS request carrying `Access-Control-Request-Method`,
 * a forbidden header that no page can set. It is paired with an in-flight request of the same
 * tab and frame, to the same URL, whose method equals Access-Control-Request-Method and whose
 * current hop has no preflight yet:
 * - Firefox shows the request's headers before its preflight, so the candidate whose CORS-unsafe
 *   header names equal Access-Control-Request-Headers is taken;
 * - Chrome sends the preflight between the request's onBeforeRequest and its onBeforeSendHeaders,
 *   so the oldest candidate is taken, and checked again once its headers are seen: if another
 *   candidate's preflight fits it better, the two are swapped ({@link reconcile}).
 *
 * The engine keeps only requests in flight; its whole state is plain data ({@link PairingState})
 * so a restarted service worker resumes where the old one stopped.
 */
export class PairingEngine {
  readonly #sink: PairingSink;
  readonly #state: PairingState;

  constructor(sink: PairingSink, state?: PairingState) {
    this.#sink = sink;
    this.#state = state ?? { requests: {}, preflightCache: {} };
  }

  /** The engine's state, to persist; pass it back to the constructor to resume. */
  get state(): PairingState {
    return this.#state;
  }

  ingest(event: WebRequestEvent): void {
    const key = requestKey(event.tabId, event.requestId);
    const pending = this.#state.requests[key];
    switch (event.kind) {
      case 'before-request':
        return this.#beforeRequest(key, event);
      case 'send-headers': {
        if (pending === undefined) return;
        if (event.method === 'OPTIONS' && getHeader(event.requestHeaders, 'access-control-request-method') !== undefined) {
          return this.#preflightSent(key, pending, event.requestHeaders);
        }
        return this.#requestSent(key, pending, event);
      }
      case 'headers-received':
      case 'redirect':
      case 'completed':
      case 'error':
        if (pending === undefined) return;
        if (pending.preflightFor !== undefined) return this.#preflightEvent(key, pending, event);
        if (pending.exchange !== undefined) return this.#requestEvent(key, pending.exchange, event);
        if (event.kind === 'completed' || event.kind === 'error') delete this.#state.requests[key];
        return;
    }
  }

  #beforeRequest(key: string, event: Extract<WebRequestEvent, { kind: 'before-request' }>): void {
    if (event.type === 'main_frame') {
      this.#sink.navigated(event.tabId, event.timeStamp);
      return;
    }
    const initiator = event.initiator;
    // Requests the browser makes for itself have no initiator; same-origin ones need no CORS.
    if (initiator === undefined || originOf(event.url) === initiator) return;
    this.#state.requests[key] = {
      requestId: event.requestId,
      tabId: event.tabId,
      frameId: event.frameId,
      url: event.url,
      method: event.method,
      type: event.type,
      initiator,
      startTime: event.timeStamp,
    };
  }

  /** The request's own headers: now its mode is known, and (Chrome) its pairing can be checked. */
  #requestSent(key: string, pending: PendingRequest, event: Extract<WebRequestEvent, { kind: 'send-headers' }>): void {
    const mode = observeRequestMode(pending.type, pending.method, event.requestHeaders);
    const exchange = pending.exchange;
    if (exchange === undefined) {
      if (mode.value !== 'cors') {
        delete this.#state.requests[key];
        return;
      }
      pending.exchange = newExchange(pending, { mode, requestHeaders: event.requestHeaders });
    } else {
      // Already promoted by a preflight (Chrome): keep the exact mode if the headers give it.
      pending.exchange = {
        ...exchange,
        requestHeaders: event.requestHeaders,
        mode: mode.source === 'sec-fetch-mode' ? mode : exchange.mode,
      };
      reconcile(this.#state, pending, this.#sink);
    }
    this.#sink.exchange(pending.exchange);
  }

  #preflightSent(key: string, pending: PendingRequest, headers: PreflightRecord['requestHeaders']): void {
    const record: PreflightRecord = {
      requestId: pending.requestId,
      url: pending.url,
      accessControlRequestMethod: getHeader(headers, 'access-control-request-method') ?? '',
      accessControlRequestHeaders: splitHeaderNames(getHeader(headers, 'access-control-request-headers')),
      requestHeaders: headers,
      response: null,
      error: null,
      startTime: pending.startTime,
      endTime: null,
    };
    const target = findRequestForPreflight(this.#state, pending, record);
    if (target === undefined) {
      // No request seen for it (it started before this worker did): keep the preflight alone.
      this.#sink.orphanPreflight?.(pending.tabId, record);
      delete this.#state.requests[key];
      return;
    }
    pending.preflightFor = requestKey(target.tabId, target.requestId);
    pending.preflight = record;
    const base = target.exchange ?? newExchange(target, { mode: { value: 'cors', source: 'inferred' }, requestHeaders: null });
    target.exchange = { ...base, preflights: [...base.preflights, record] };
    target.awaitingPreflight = false;
    this.#sink.exchange(target.exchange);
  }

  #preflightEvent(key: string, pending: PendingRequest, event: Exclude<WebRequestEvent, { kind: 'before-request' | 'send-headers' }>): void {
    const target = pending.preflightFor === undefined ? undefined : this.#state.requests[pending.preflightFor];
    const previous = pending.preflight;
    if (previous === undefined) return;
    let record: PreflightRecord = previous;
    switch (event.kind) {
      case 'headers-received':
        record = { ...record, response: responseOf(event.statusCode, event.statusLine, event.responseHeaders, event.timeStamp) };
        break;
      case 'redirect':
        record = { ...record, response: responseOf(event.statusCode, '', event.responseHeaders, event.timeStamp) };
        break;
      case 'completed':
        record = {
          ...record,
          response: record.response ?? responseOf(event.statusCode, '', event.responseHeaders, event.timeStamp),
          endTime: event.timeStamp,
        };
        this.#rememberPreflightCache(pending, record);
        break;
      case 'error':
        record = { ...record, error: event.error, endTime: event.timeStamp };
        break;
    }
    pending.preflight = record;
    if (event.kind === 'completed' || event.kind === 'error') delete this.#state.requests[key];
    if (target?.exchange === undefined) return;
    target.exchange = {
      ...target.exchange,
      preflights: target.exchange.preflights.map((p) => (p.requestId === record.requestId ? record : p)),
    };
    this.#sink.exchange(target.exchange);
  }

  #rememberPreflightCache(pending: PendingRequest, record: PreflightRecord): void {
    const response = record.response;
    if (response === null || response.status < 200 || response.status > 299) return;
    const target = pending.preflightFor;
    this.#state.preflightCache[cacheKey(pending.initiator, record.url)] = {
      exchangeId: target === undefined ? null : this.#state.requests[target]?.exchange?.id ?? null,
      maxAge: maxAgeOf(getHeader(response.headers, 'access-control-max-age')),
      time: response.time,
    };
  }

  #requestEvent(key: string, exchange: Exchange, event: Exclude<WebRequestEvent, { kind: 'before-request' | 'send-headers' }>): void {
    const pending = this.#state.requests[key];
    if (pending === undefined) return;
    let next: Exchange = exchange;
    switch (event.kind) {
      case 'headers-received':
        next = { ...exchange, response: responseOf(event.statusCode, event.statusLine, event.responseHeaders, event.timeStamp) };
        break;
      case 'redirect':
        // The next hop is a new request for CORS: it may get a preflight of its own.
        pending.url = event.redirectUrl;
        pending.awaitingPreflight = true;
        next = {
          ...exchange,
          url: event.redirectUrl,
          response: null,
          redirects: [...exchange.redirects, { from: exchange.url, to: event.redirectUrl, status: event.statusCode, time: event.timeStamp }],
        };
        break;
      case 'completed':
        next = {
          ...exchange,
          response: exchange.response ?? responseOf(event.statusCode, '', event.responseHeaders, event.timeStamp),
          endTime: event.timeStamp,
          state: 'complete',
          preflightCache: this.#cacheLinkFor(exchange),
        };
        break;
      case 'error':
        next = { ...exchange, error: event.error, endTime: event.timeStamp, state: 'failed', preflightCache: this.#cacheLinkFor(exchange) };
        break;
    }
    if (next.state !== 'pending') delete this.#state.requests[key];
    else pending.exchange = next;
    this.#sink.exchange(next);
  }

  /** Where a request went without its own preflight, the cache entry it most likely used. */
  #cacheLinkFor(exchange: Exchange): Exchange['preflightCache'] {
    const lastHopHasPreflight = exchange.preflights.some((p) => p.url === exchange.url);
    if (lastHopHasPreflight || exchange.requestHeaders === null) return null;
    const entry = this.#state.preflightCache[cacheKey(exchange.initiator, exchange.url)];
    return entry === undefined ? null : { exchangeId: entry.exchangeId, maxAge: entry.maxAge };
  }
}

/** What the engine reports. */
export interface PairingSink {
  /** An exchange was created or changed; the same `id` replaces the previous version. */
  exchange(exchange: Exchange): void;
  /** A top-level navigation started in the tab. */
  navigated(tabId: number, time: number): void;
  /** A preflight whose request was not seen (it started before the engine did). */
  orphanPreflight?(tabId: number, preflight: PreflightRecord): void;
}

export interface PairingState {
  /** In-flight cross-origin requests of tabs, by `<tabId>:<requestId>`. */
  readonly requests: Record<string, PendingRequest>;
  /** Successful preflights by initiator and URL, to explain requests the cache let through. */
  readonly preflightCache: Record<string, { exchangeId: string | null; maxAge: number | null; time: number }>;
}

export interface PendingRequest {
  readonly requestId: string;
  readonly tabId: number;
  readonly frameId: number;
  url: string;
  readonly method: string;
  readonly type: string;
  readonly initiator: string;
  readonly startTime: number;
  /** Set once the request is known to be a CORS request (its mode, or a preflight for it). */
  exchange?: Exchange;
  /** Whether its current hop already has a preflight (false after a redirect). */
  awaitingPreflight?: boolean;
  /** For a preflight: the key of the request it was sent for, and its record. */
  preflightFor?: string;
  preflight?: PreflightRecord;
}

function requestKey(tabId: number, requestId: string): string {
  return `${tabId}:${requestId}`;
}

function cacheKey(initiator: string, url: string): string {
  return `${initiator} ${url}`;
}

function responseOf(status: number, statusLine: string, headers: ResponseRecord['headers'], time: number): ResponseRecord {
  return { status, statusLine, headers, time };
}

function newExchange(pending: PendingRequest, seen: Pick<Exchange, 'mode' | 'requestHeaders'>): Exchange {
  return {
    id: requestKey(pending.tabId, pending.requestId),
    tabId: pending.tabId,
    frameId: pending.frameId,
    initiator: pending.initiator,
    type: pending.type,
    mode: seen.mode,
    method: pending.method,
    url: pending.url,
    requestHeaders: seen.requestHeaders,
    startTime: pending.startTime,
    endTime: null,
    redirects: [],
    preflights: [],
    preflightCache: null,
    response: null,
    error: null,
    state: 'pending',
    diagnosis: null,
  };
}

/** Whether `pending` is an actual request still waiting for the preflight of its current hop. */
function awaitsPreflight(pending: PendingRequest): boolean {
  if (pending.preflightFor !== undefined) return false;
  if (pending.exchange?.state !== undefined && pending.exchange.state !== 'pending') return false;
  if (pending.awaitingPreflight !== undefined) return pending.awaitingPreflight;
  return pending.exchange === undefined || !pending.exchange.preflights.some((p) => p.url === pending.url);
}

function findRequestForPreflight(state: PairingState, preflight: PendingRequest, record: PreflightRecord): PendingRequest | undefined {
  let best: PendingRequest | undefined;
  let bestScore = -1;
  for (const key in state.requests) {
    const candidate = state.requests[key];
    if (candidate === undefined || candidate === preflight) continue;
    if (candidate.tabId !== preflight.tabId || candidate.frameId !== preflight.frameId) continue;
    if (candidate.url !== preflight.url || candidate.method !== record.accessControlRequestMethod) continue;
    if (!awaitsPreflight(candidate)) continue;
    // Headers already seen (Firefox): they must ask for exactly these names; unseen (Chrome): any.
    const headers = candidate.exchange?.requestHeaders ?? null;
    const score = headers === null ? 1 : sameNames(unsafeHeaderNamesOf(headers), record.accessControlRequestHeaders) ? 2 : 0;
    if (score === 0) continue;
    if (score > bestScore || (score === bestScore && best !== undefined && candidate.startTime < best.startTime)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Chrome pairs before the request's headers are seen. Once they are, its preflight must have
 * asked for exactly its CORS-unsafe header names; if not, swap with a sibling whose preflight does.
 */
function reconcile(state: PairingState, pending: PendingRequest, sink: PairingSink): void {
  const exchange = pending.exchange;
  if (exchange?.requestHeaders == null) return;
  const mine = exchange.preflights.at(-1);
  if (mine === undefined || mine.url !== pending.url) return;
  const wanted = unsafeHeaderNamesOf(exchange.requestHeaders);
  if (sameNames(wanted, mine.accessControlRequestHeaders)) return;
  for (const key in state.requests) {
    const sibling = state.requests[key];
    const theirs = sibling?.exchange?.preflights.at(-1);
    if (sibling === undefined || sibling === pending || theirs === undefined || sibling.exchange === undefined) continue;
    if (sibling.exchange.requestHeaders !== null || sibling.url !== pending.url || sibling.method !== pending.method) continue;
    if (!sameNames(wanted, theirs.accessControlRequestHeaders)) continue;
    sibling.exchange = { ...sibling.exchange, preflights: [...sibling.exchange.preflights.slice(0, -1), mine] };
    pending.exchange = { ...exchange, preflights: [...exchange.preflights.slice(0, -1), theirs] };
    for (const k in state.requests) {
      const p = state.requests[k];
      if (p?.preflight?.requestId === mine.requestId) p.preflightFor = requestKey(sibling.tabId, sibling.requestId);
      else if (p?.preflight?.requestId === theirs.requestId) p.preflightFor = requestKey(pending.tabId, pending.requestId);
    }
    sink.exchange(sibling.exchange);
    return;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
