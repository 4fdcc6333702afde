import { isExchangeShape, isPreflightShape, isRecord } from '../protocol/exchange-shape';
import type { Draft, Exchange, PreflightRecord } from './exchange';

/**
 * The pairing engine's whole state, as plain data: what a restarted background needs to resume.
 * Each entry is persisted under its own key, so a write costs what changed, not the whole state.
 */
export interface PairingState {
  /** In-flight cross-origin requests of tabs (not preflights), by {@link requestKey}. */
  readonly requests: Record<string, TrackedRequest>;
  /** Preflights in flight, and ended ones not yet claimed by a request, by {@link requestKey}. */
  readonly preflights: Record<string, TrackedPreflight>;
  /** Successful preflights by {@link cacheKey}, to explain requests the preflight cache let through. */
  readonly preflightCache: Record<string, PreflightCacheEntry>;
}

/** A request of a tab to another origin, until it ends. */
export interface TrackedRequest {
  readonly requestId: string;
  readonly tabId: number;
  readonly frameId: number;
  /** The URL of the current hop (it changes on a redirect). */
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly initiator: string;
  readonly startTime: number;
  /** `null` until it is known to be a CORS-mode request (its headers, or a preflight for it). */
  readonly exchange: Exchange | null;
  /** The preflight paired with the current hop, by requestId; `null` before one (and after a redirect). */
  readonly hopPreflight: string | null;
}

/** A CORS preflight: an OPTIONS request carrying Access-Control-Request-Method. */
export interface TrackedPreflight {
  readonly requestId: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly url: string;
  readonly initiator: string;
  readonly record: PreflightRecord;
  /** The request it is paired with (its key), or `null` while unclaimed. */
  readonly pairedWith: string | null;
  /** Whether the browser ended it (completed or error). */
  readonly ended: boolean;
}

export interface PreflightCacheEntry {
  /** The exchange whose preflight filled the cache, when this session saw it. */
  readonly exchangeId: string | null;
  readonly maxAge: number | null;
  /** When the preflight's response arrived. */
  readonly time: number;
}

/** The tracked request holding another version of its exchange (the engine never changes a record in place). */
export function withExchange(r: TrackedRequest, exchange: Exchange): TrackedRequest {
  const copy = copyTrackedRequest(r);
  copy.exchange = exchange;
  return copy;
}

/** A copy of a tracked request to set changed fields on, in the order the engine creates them (see copyExchange). */
export function copyTrackedRequest(r: TrackedRequest): Draft<TrackedRequest> {
  return {
    requestId: r.requestId,
    tabId: r.tabId,
    frameId: r.frameId,
    url: r.url,
    method: r.method,
    type: r.type,
    initiator: r.initiator,
    startTime: r.startTime,
    exchange: r.exchange,
    hopPreflight: r.hopPreflight,
  };
}

/** A copy of a tracked preflight to set changed fields on, in the order they are created. */
export function copyTrackedPreflight(p: TrackedPreflight): Draft<TrackedPreflight> {
  return {
    requestId: p.requestId,
    tabId: p.tabId,
    frameId: p.frameId,
    url: p.url,
    initiator: p.initiator,
    record: p.record,
    pairedWith: p.pairedWith,
    ended: p.ended,
  };
}

export function emptyPairingState(): PairingState {
  return { requests: {}, preflights: {}, preflightCache: {} };
}

/** `<tabId>:<requestId>`: requestIds are unique per browser session, the tab keeps keys readable. */
export function requestKey(tabId: number, requestId: string): string {
  return `${tabId}:${requestId}`;
}

/** The preflight cache is keyed by origin and URL (and credentials, which webRequest does not show). */
export function cacheKey(initiator: string, url: string): string {
  return `${initiator} ${url}`;
}

/**
 * Reads back what {@link PairingState} entries were persisted as; anything malformed is skipped. A
 * request's exchange is checked as the panel checks one (it is listed and sent while pending).
 */
export function isTrackedRequest(value: unknown): value is TrackedRequest {
  if (!isRecord(value)) return false;
  const r = value as Partial<TrackedRequest>;
  return typeof r.requestId === 'string' && typeof r.tabId === 'number' && typeof r.frameId === 'number' && typeof r.url === 'string'
    && typeof r.method === 'string' && typeof r.initiator === 'string' && typeof r.startTime === 'number'
    && (r.hopPreflight === null || typeof r.hopPreflight === 'string') && (r.exchange === null || isExchangeShape(r.exchange));
}

export function isTrackedPreflight(value: unknown): value is TrackedPreflight {
  if (!isRecord(value)) return false;
  const p = value as Partial<TrackedPreflight>;
  return typeof p.requestId === 'string' && typeof p.tabId === 'number' && typeof p.frameId === 'number' && typeof p.url === 'string'
    && typeof p.initiator === 'string' && isPreflightShape(p.record) && typeof p.ended === 'boolean'
    && (p.pairedWith === null || typeof p.pairedWith === 'string');
}

export function isPreflightCache(value: unknown): value is PairingState['preflightCache'] {
  return isRecord(value) && Object.values(value).every((entry) => isRecord(entry) && typeof entry['time'] === 'number');
}
