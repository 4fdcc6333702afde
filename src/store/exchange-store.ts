import type { Exchange } from '../capture/exchange';

/** Per tab: the latest exchanges in arrival order, bounded, as the Network panel keeps its log. */
export interface TabLog {
  readonly exchanges: Map<string, Exchange>;
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

/** The exchanges of every tab, bounded per tab, oldest evicted first. Pure: persistence is the caller's. */
export class ExchangeStore {
  readonly #tabs = new Map<number, TabLog>();
  readonly #limit: number;

  constructor(limit = DEFAULT_EXCHANGES_PER_TAB) {
    this.#limit = limit;
  }

  upsert(exchange: Exchange): UpsertResult {
    const log = this.#log(exchange.tabId);
    if (exchange.startTime < log.clearedAt) return { stored: false, evictedIds: [] };
    log.exchanges.set(exchange.id, exchange);
    const evictedIds: string[] = [];
    while (log.exchanges.size > this.#limit) {
      const oldest = log.exchanges.keys().next().value as string;
      log.exchanges.delete(oldest);
      evictedIds.push(oldest);
      log.evicted += 1;
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

  tabIds(): number[] {
    return [...this.#tabs.keys()];
  }

  /** Empties the tab's list; returns the ids removed. */
  clear(tabId: number, time: number): string[] {
    const log = this.#log(tabId);
    const removed = [...log.exchanges.keys()];
    log.exchanges.clear();
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
    const oldest = log?.exchanges.keys().next().value;
    if (log === undefined || oldest === undefined) return undefined;
    log.exchanges.delete(oldest);
    log.evicted += 1;
    return oldest;
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

  /** Restores a tab from persisted data (exchanges in any order; kept by start time). */
  restoreTab(tabId: number, meta: TabMeta, exchanges: readonly Exchange[]): void {
    const log = this.#log(tabId);
    log.evicted = meta.evicted;
    log.preserveLog = meta.preserveLog;
    log.clearedAt = meta.clearedAt;
    for (const exchange of [...exchanges].sort((a, b) => a.startTime - b.startTime)) log.exchanges.set(exchange.id, exchange);
  }

  #log(tabId: number): TabLog {
    let log = this.#tabs.get(tabId);
    if (log === undefined) {
      log = { exchanges: new Map(), evicted: 0, preserveLog: false, clearedAt: 0 };
      this.#tabs.set(tabId, log);
    }
    return log;
  }
}
