import type { Exchange } from '../capture/exchange';

/** Per tab: the latest exchanges in arrival order, bounded, as the Network panel keeps its log. */
export interface TabLog {
  readonly exchanges: Map<string, Exchange>;
  /**
   * The ids of `exchanges` in arrival order, from `oldest` on. The oldest is read here, not from
   * the Map: a Map's iterator steps over every entry deleted since its table was last rebuilt,
   * up to about two thousand in a tab of 2,000 that evicts one per new one (~0.8 us an eviction).
   */
  arrivals: string[];
  oldest: number;
  /** Exchanges dropped to stay within the limit since the list was last cleared. */
  evicted: number;
  preserveLog: boolean;
  /** Exchanges that started before this time belong to a cleared list and are not taken back. */
  clearedAt: number;
}

export interface TabMeta {
  readonly evicted: number;
  readonly preserveLog: boolean;
  readonly clearedAt: number;
}

export interface UpsertResult {
  readonly stored: boolean;
  readonly evictedIds: readonly string[];
}

export const DEFAULT_EXCHANGES_PER_TAB = 2000;

/** What most upserts return (shared, never changed: an upsert per event need not allocate one). */
const NOTHING_EVICTED: readonly string[] = [];
const STORED: UpsertResult = { stored: true, evictedIds: NOTHING_EVICTED };
const NOT_STORED: UpsertResult = { stored: false, evictedIds: NOTHING_EVICTED };

/** The exchanges of every tab, bounded per tab, oldest evicted first. Pure: persistence is the caller's. */
export class ExchangeStore {
  readonly #tabs = new Map<number, TabLog>();
  readonly #limit: number;

  constructor(limit = DEFAULT_EXCHANGES_PER_TAB) {
    this.#limit = limit;
  }

  upsert(exchange: Exchange): UpsertResult {
    const log = this.#log(exchange.tabId);
    if (exchange.startTime < log.clearedAt) return NOT_STORED;
    this.#set(log, exchange);
    if (log.exchanges.size <= this.#limit) return STORED;
    const evictedIds: string[] = [];
    while (log.exchanges.size > this.#limit) {
      const oldest = evict(log);
      if (oldest === undefined) break;
      evictedIds.push(oldest);
    }
    return { stored: true, evictedIds };
  }

  list(tabId: number): Exchange[] {
    return [...(this.#tabs.get(tabId)?.exchanges.values() ?? [])];
  }

  meta(tabId: number): TabMeta {
    const log = this.#tabs.get(tabId);
    return { evicted: log?.evicted ?? 0, preserveLog: log?.preserveLog ?? false, clearedAt: log?.clearedAt ?? 0 };
  }

  /** Empties the tab's list; returns the ids removed. */
  clear(tabId: number, time: number): string[] {
    const log = this.#log(tabId);
    const removed = [...log.exchanges.keys()];
    log.exchanges.clear();
    log.arrivals = [];
    log.oldest = 0;
    log.evicted = 0;
    log.clearedAt = time;
    return removed;
  }

  /**
   * A top-level navigation: clears the list unless "preserve log" is on, as the Network panel
   * does. Also for a tab with nothing listed yet: a request of the old page that ends after the
   * navigation must not appear in the new page's list. Returns the ids removed.
   */
  navigated(tabId: number, time: number): string[] | undefined {
    if (this.#tabs.get(tabId)?.preserveLog === true) return undefined;
    return this.clear(tabId, time);
  }

  /** Drops the tab's oldest exchange (to stay within a storage budget); returns its id. */
  evictOldest(tabId: number): string | undefined {
    const log = this.#tabs.get(tabId);
    return log === undefined ? undefined : evict(log);
  }

  setPreserveLog(tabId: number, preserve: boolean): void {
    this.#log(tabId).preserveLog = preserve;
  }

  /** The tab closed: forget it. Returns the ids removed. */
  removeTab(tabId: number): string[] {
    const log = this.#tabs.get(tabId);
    this.#tabs.delete(tabId);
    return log === undefined ? [] : [...log.exchanges.keys()];
  }

  /**
   * Drops these exchanges of the tab wherever they are in its list (the pending rows of requests
   * the capture stopped following: never persisted as settled, so nothing else is told).
   */
  remove(tabId: number, ids: ReadonlySet<string>): void {
    const log = this.#tabs.get(tabId);
    if (log === undefined) return;
    const size = log.exchanges.size;
    for (const id of ids) log.exchanges.delete(id);
    if (log.exchanges.size === size) return;
    log.arrivals = log.arrivals.slice(log.oldest).filter((id) => !ids.has(id));
    log.oldest = 0;
  }

  /** Restores a tab from persisted data (exchanges in any order; kept by start time). */
  restoreTab(tabId: number, meta: TabMeta, exchanges: readonly Exchange[]): void {
    const log = this.#log(tabId);
    log.evicted = meta.evicted;
    log.preserveLog = meta.preserveLog;
    log.clearedAt = meta.clearedAt;
    for (const exchange of [...exchanges].sort((a, b) => a.startTime - b.startTime)) this.#set(log, exchange);
  }

  /** Adds or replaces an exchange; a new one arrives last. */
  #set(log: TabLog, exchange: Exchange): void {
    const size = log.exchanges.size;
    log.exchanges.set(exchange.id, exchange);
    if (log.exchanges.size > size) log.arrivals.push(exchange.id);
  }

  #log(tabId: number): TabLog {
    let log = this.#tabs.get(tabId);
    if (log === undefined) {
      log = { exchanges: new Map(), arrivals: [], oldest: 0, evicted: 0, preserveLog: false, clearedAt: 0 };
      this.#tabs.set(tabId, log);
    }
    return log;
  }
}

/** Drops the tab's oldest exchange; returns its id. */
function evict(log: TabLog): string | undefined {
  const id = log.arrivals[log.oldest];
  if (id === undefined) return undefined;
  log.oldest += 1;
  // Drop the evicted ids once they are half the list: a copy per as many evictions as ids kept.
  if (log.oldest * 2 >= log.arrivals.length) {
    log.arrivals = log.arrivals.slice(log.oldest);
    log.oldest = 0;
  }
  log.exchanges.delete(id);
  log.evicted += 1;
  return id;
}
