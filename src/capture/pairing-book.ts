import {
  emptyPairingState,
  requestKey,
  type PairingState,
  type PreflightCacheEntry,
  type TrackedPreflight,
  type TrackedRequest,
} from './pairing-state';

/** Which entries changed since the last {@link PairingBook.takeChanges}, to persist only those. */
export interface PairingChanges {
  /** Keys of requests set or deleted. */
  readonly requests: readonly string[];
  /** Keys of preflights set or deleted. */
  readonly preflights: readonly string[];
  readonly preflightCache: boolean;
}

/** At most this many preflight-cache entries are kept (oldest dropped first). */
const PREFLIGHT_CACHE_LIMIT = 256;

/**
 * The engine's state with the indexes that keep each event O(requests to the same URL):
 * in-flight requests and unclaimed preflights by URL (their tab and frame are checked when
 * read). The indexes are derived, so they are rebuilt from the plain state after a restart and
 * never persisted.
 *
 * In-flight entries are held in Maps, not in the plain records of {@link PairingState}: they are
 * added and deleted on nearly every event, which turns a plain object into a slow dictionary
 * (measured: 0.7 us against 0.24 us an insert and a delete).
 */
export class PairingBook {
  readonly #requests: Map<string, TrackedRequest>;
  readonly #preflights: Map<string, TrackedPreflight>;
  readonly preflightCache: PairingState['preflightCache'];
  /**
   * Keys by URL, in the order they were added. By URL alone, not by a key of tab + frame + URL:
   * building and hashing that string, and a Set per URL, were a sixth of pairing; requests to
   * one URL from other tabs or frames are few.
   */
  readonly #requestsByUrl = new Map<string, string[]>();
  readonly #unclaimedByUrl = new Map<string, string[]>();
  readonly #changedRequests = new ChangedKeys();
  readonly #changedPreflights = new ChangedKeys();
  #cacheChanged = false;
  /** Entries in the preflight cache, kept so a new entry need not count them (`Object.keys` of 256 keys per preflight was a tenth of pairing). */
  #cacheSize: number;

  constructor(state: PairingState = emptyPairingState()) {
    this.#requests = new Map(Object.entries(state.requests));
    this.#preflights = new Map(Object.entries(state.preflights));
    this.preflightCache = state.preflightCache;
    this.#cacheSize = Object.keys(state.preflightCache).length;
    for (const [key, request] of this.#requests) add(this.#requestsByUrl, request.url, key);
    for (const [key, preflight] of this.#preflights) {
      if (preflight.pairedWith === null) add(this.#unclaimedByUrl, preflight.url, key);
    }
  }

  /** The whole state as plain data (a copy of the in-flight entries: O(entries), not for every event). */
  get state(): PairingState {
    return { requests: Object.fromEntries(this.#requests), preflights: Object.fromEntries(this.#preflights), preflightCache: this.preflightCache };
  }

  /** Every in-flight request. */
  requests(): IterableIterator<TrackedRequest> {
    return this.#requests.values();
  }

  request(key: string): TrackedRequest | undefined {
    return this.#requests.get(key);
  }

  preflight(key: string): TrackedPreflight | undefined {
    return this.#preflights.get(key);
  }

  /** Stores a request under its key (`key` when the caller has it already). */
  setRequest(request: TrackedRequest, key = requestKey(request.tabId, request.requestId)): TrackedRequest {
    const previous = this.#requests.get(key);
    // Tab and frame never change; the URL changes on a redirect. Same URL: already indexed.
    if (previous === undefined || previous.url !== request.url) {
      if (previous !== undefined) remove(this.#requestsByUrl, previous.url, key);
      add(this.#requestsByUrl, request.url, key);
    }
    this.#requests.set(key, request);
    this.#changedRequests.add(key);
    return request;
  }

  deleteRequest(request: TrackedRequest, key = requestKey(request.tabId, request.requestId)): void {
    const previous = this.#requests.get(key);
    if (previous === undefined) return;
    remove(this.#requestsByUrl, previous.url, key);
    this.#requests.delete(key);
    this.#changedRequests.add(key);
  }

  setPreflight(preflight: TrackedPreflight, key = requestKey(preflight.tabId, preflight.requestId)): TrackedPreflight {
    const previous = this.#preflights.get(key);
    if (previous?.pairedWith === null) remove(this.#unclaimedByUrl, previous.url, key);
    this.#preflights.set(key, preflight);
    if (preflight.pairedWith === null) add(this.#unclaimedByUrl, preflight.url, key);
    this.#changedPreflights.add(key);
    return preflight;
  }

  deletePreflight(tabId: number, requestId: string, key = requestKey(tabId, requestId)): void {
    const previous = this.#preflights.get(key);
    if (previous === undefined) return;
    if (previous.pairedWith === null) remove(this.#unclaimedByUrl, previous.url, key);
    this.#preflights.delete(key);
    this.#changedPreflights.add(key);
  }

  /** In-flight requests to this tab, frame and URL, oldest first. Change no request while iterating. */
  *requestsTo(tabId: number, frameId: number, url: string): Generator<TrackedRequest> {
    const keys = this.#requestsByUrl.get(url);
    if (keys === undefined) return;
    for (let i = 0; i < keys.length; i++) {
      const request = this.#requests.get(keys[i] as string);
      if (request !== undefined && request.tabId === tabId && request.frameId === frameId) yield request;
    }
  }

  /** Preflights to this tab, frame and URL that no request has claimed, oldest first. Change no preflight while iterating. */
  *unclaimedTo(tabId: number, frameId: number, url: string): Generator<TrackedPreflight> {
    const keys = this.#unclaimedByUrl.get(url);
    if (keys === undefined) return;
    for (let i = 0; i < keys.length; i++) {
      const preflight = this.#preflights.get(keys[i] as string);
      if (preflight !== undefined && preflight.tabId === tabId && preflight.frameId === frameId) yield preflight;
    }
  }

  /** Drops unclaimed preflights that started before `time`: their request is not coming. */
  expireUnclaimed(time: number): void {
    for (const keys of [...this.#unclaimedByUrl.values()]) {
      for (const key of [...keys]) {
        const preflight = this.#preflights.get(key);
        if (preflight !== undefined && preflight.record.startTime < time) this.deletePreflight(preflight.tabId, preflight.requestId);
      }
    }
  }

  setCacheEntry(key: string, entry: PreflightCacheEntry): void {
    const cache = this.preflightCache;
    if (Object.hasOwn(cache, key)) delete cache[key];
    else this.#cacheSize += 1;
    cache[key] = entry;
    // Insertion order is age order: drop the oldest quarter when over the limit.
    if (this.#cacheSize > PREFLIGHT_CACHE_LIMIT) {
      for (const old of Object.keys(cache).slice(0, PREFLIGHT_CACHE_LIMIT / 4)) delete cache[old];
      this.#cacheSize -= PREFLIGHT_CACHE_LIMIT / 4;
    }
    this.#cacheChanged = true;
  }

  /** Forgets every request and preflight in flight (the capture stopped listening); keeps the preflight cache. */
  forgetInFlight(): void {
    for (const request of [...this.#requests.values()]) this.deleteRequest(request);
    for (const preflight of [...this.#preflights.values()]) this.deletePreflight(preflight.tabId, preflight.requestId);
  }

  /** Forgets everything of a tab (it closed). */
  forgetTab(tabId: number): void {
    for (const request of [...this.#requests.values()]) if (request.tabId === tabId) this.deleteRequest(request);
    for (const preflight of [...this.#preflights.values()]) if (preflight.tabId === tabId) this.deletePreflight(tabId, preflight.requestId);
  }

  takeChanges(): PairingChanges {
    const changes = { requests: this.#changedRequests.take(), preflights: this.#changedPreflights.take(), preflightCache: this.#cacheChanged };
    this.#cacheChanged = false;
    return changes;
  }
}

/**
 * What is taken when nothing changed. Not frozen: a frozen array has elements of its own kind, and
 * CaptureService's loop over the changes then allocated an iterator per event.
 */
const NO_KEYS: readonly string[] = [];

/** Up to this many changed keys are told apart by a scan; more (nobody took them: a HAR replay) by a Set. */
const SCANNED_KEYS = 16;

/**
 * Keys changed since they were last taken, each once, in the order first changed. CaptureService
 * takes them after every event, which changes one or two: they are kept in one reused array and
 * compared by a scan (a Set per event, its spread into an array and the loop over a frozen empty
 * array were 11 % of the pipeline's allocations). Kept growing (an engine whose changes nobody
 * takes, as a HAR replay's), they go into a Set, which adds a key in O(1).
 */
class ChangedKeys {
  readonly #keys: string[] = [];
  #count = 0;
  #set: Set<string> | undefined;

  add(key: string): void {
    if (this.#set !== undefined) {
      this.#set.add(key);
      return;
    }
    const keys = this.#keys;
    for (let i = 0; i < this.#count; i++) if (keys[i] === key) return;
    if (this.#count < SCANNED_KEYS) keys[this.#count++] = key;
    else this.#set = new Set(keys.slice(0, this.#count)).add(key);
  }

  /** The changed keys (a new array), and none changed from now on. */
  take(): readonly string[] {
    if (this.#set !== undefined) {
      const taken = [...this.#set];
      this.#set = undefined;
      this.#count = 0;
      return taken;
    }
    if (this.#count === 0) return NO_KEYS;
    const taken = this.#keys.slice(0, this.#count);
    this.#count = 0;
    return taken;
  }
}

/** Adds a key at the end of its URL's list (once). */
function add(index: Map<string, string[]>, url: string, key: string): void {
  const keys = index.get(url);
  if (keys === undefined) index.set(url, [key]);
  else if (!keys.includes(key)) keys.push(key);
}

/** Removes a key from its URL's list, keeping the order of the others. */
function remove(index: Map<string, string[]>, url: string, key: string): void {
  const keys = index.get(url);
  if (keys === undefined) return;
  const at = keys.indexOf(key);
  if (at >= 0) keys.splice(at, 1);
  if (keys.length === 0) index.delete(url);
}
