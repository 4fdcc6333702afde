import type { BackgroundMessage } from '../protocol/messages';
import { olderPage, snapshotMessage } from '../protocol/snapshot-pages';
import { ExchangeStore } from '../store/exchange-store';
import { StorageBudget } from '../store/storage-budget';
import type { Browser } from '../cors/index';
import { diagnose } from './diagnose';
import { appliedKeyOf, unappliedJournal, type JournalRun } from './event-journal';
import type { Exchange } from './exchange';
import { copyExchange } from './new-exchange';
import { PairingEngine } from './pairing-engine';
import { requestKey } from './pairing-state';
import { persistedKeys, restoreExchanges, restorePairingState, restoreTabMetas, type PersistedState } from './persisted-state';
import { encodeExchange } from './stored-exchange';
import type { WebRequestEvent } from './web-request-event';

export type { PersistedState } from './persisted-state';

/** Where the service's state goes to survive a restart of the background (keys are opaque). */
export interface Persistence {
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /**
   * Writes what is held now rather than when the writer would: for changes no journaled event
   * would bring back (a panel's Clear or Preserve log, a closed tab). Writers that hold nothing
   * need not have it.
   */
  flush?(): void;
}

export interface CaptureOptions {
  /** Exchanges kept per tab (oldest evicted first). */
  readonly limit?: number;
  /** Bytes of settled exchanges kept in storage, all tabs together (see {@link StorageBudget}). */
  readonly storageBudget?: number;
  /** Told once when the storage budget starts evicting exchanges. */
  readonly warn?: (message: string) => void;
  /** The browser the extension runs in, whose CORS rules the diagnosis applies. Chromium by default. */
  readonly browser?: Browser;
  /** This background's run, whose journal entries it applies itself (the others are replayed). */
  readonly journalRun?: JournalRun;
}

/**
 * The background's whole job, without the browser: events in, paired and diagnosed exchanges
 * stored per tab, persisted, and pushed to the panels watching each tab.
 *
 * Persisted: the journal of events not yet applied (`j:`, see {@link unappliedJournal}), the
 * engine's in-flight entries (`r:`, `p:`), its preflight cache, each tab's meta and each settled
 * exchange (`x:`, as text, see stored-exchange.ts, without its diagnosis, computed again on restore).
 */
export class CaptureService {
  readonly #store: ExchangeStore;
  readonly #engine: PairingEngine;
  readonly #persistence: Persistence;
  readonly #budget: StorageBudget;
  readonly #warn: (message: string) => void;
  readonly #browser: Browser;
  #warned = false;
  readonly #subscribers = new Map<number, Set<(message: BackgroundMessage) => void>>();
  /**
   * Per panel still receiving older snapshot pages: the ids those pages have yet to carry. An update
   * of one of them is not sent to that panel (it would land out of place, after the newest rows);
   * the page carries its copy as it is when sent.
   */
  readonly #unsent = new Map<(message: BackgroundMessage) => void, Set<string>>();

  constructor(persistence: Persistence, restored: PersistedState = {}, options: CaptureOptions = {}) {
    this.#persistence = persistence;
    this.#store = new ExchangeStore(options.limit);
    this.#budget = new StorageBudget(options.storageBudget);
    this.#warn = options.warn ?? (() => undefined);
    this.#browser = options.browser ?? 'chromium';
    this.#engine = new PairingEngine(
      {
        exchange: (exchange) => this.#onExchange(exchange),
        navigated: (tabId, time) => this.#onNavigated(tabId, time),
      },
      restorePairingState(restored),
      this.#browser,
    );
    this.#restore(restored);
    this.#persistEngine();
    const journal = unappliedJournal(restored, options.journalRun);
    for (const { key, event } of journal.replay) this.ingest(event, key);
    for (const key of journal.drop) this.#persistence.remove(key);
    // Keys a stopped background removed (a null in its last set) whose tidying remove never landed.
    for (const [key, value] of Object.entries(restored)) if (value === null) this.#persistence.remove(key);
  }

  /**
   * Handles one event. `journaled` is the key of its journal entry (see event-journal.ts): it is
   * marked applied, and dropped, in the same write as what the event changed.
   */
  ingest(event: WebRequestEvent, journaled?: string): void {
    try {
      this.#engine.ingest(event);
    } catch (error) {
      // Never by contract; should it happen, the event is given up, not replayed at every restart.
      this.#warn(`CORS DevTools: could not handle ${event.kind} of ${event.method} ${event.url}: ${String(error)}`);
    }
    this.#persistEngine();
    if (journaled !== undefined) {
      this.#persistence.set(appliedKeyOf(journaled), journaled);
      this.#persistence.remove(journaled);
    }
  }

  /** Whether a request or preflight with this event's ids is in flight: the journal skips events of other requests to the page's own origin (takes-part.ts). */
  tracks(event: WebRequestEvent): boolean {
    const key = requestKey(event.tabId, event.requestId);
    return this.#engine.trackedRequest(key) !== undefined || this.#engine.trackedPreflight(key) !== undefined;
  }

  /** Whether any request is in flight: the capture mode waits for them before it stops listening (listening-switch.ts). */
  hasRequestsInFlight(): boolean {
    return this.#engine.trackedRequests().next().done !== true;
  }

  /** A panel watches a tab: it gets a snapshot now and every change after. Returns unsubscribe. */
  subscribe(tabId: number, send: (message: BackgroundMessage) => void): () => void {
    let listeners = this.#subscribers.get(tabId);
    if (listeners === undefined) this.#subscribers.set(tabId, (listeners = new Set()));
    listeners.add(send);
    const list = this.#store.list(tabId);
    const snapshot = snapshotMessage(tabId, list, this.#store.meta(tabId));
    send(snapshot);
    const oldestSent = snapshot.exchanges[0];
    if (snapshot.remaining > 0 && oldestSent !== undefined) {
      this.#unsent.set(send, new Set(list.slice(0, snapshot.remaining).map((e) => e.id)));
      this.#sendOlderPages(tabId, send, oldestSent.id);
    }
    return () => {
      listeners.delete(send);
      this.#unsent.delete(send);
    };
  }

  /**
   * Older snapshot pages go one per task: the panel renders the newest page at once, and events
   * keep being handled in between. Each page is made from the list as it is when sent, so
   * exchanges evicted meanwhile are not sent back. None is sent once the panel left or the list
   * was cleared.
   */
  #sendOlderPages(tabId: number, send: (message: BackgroundMessage) => void, oldestSent: string): void {
    const clearedAt = this.#store.meta(tabId).clearedAt;
    let olderThan = oldestSent;
    const sendNext = (): void => {
      const unsent = this.#unsent.get(send);
      if (unsent === undefined || this.#subscribers.get(tabId)?.has(send) !== true || this.#store.meta(tabId).clearedAt !== clearedAt) return void this.#unsent.delete(send);
      const page = olderPage(tabId, this.#store.list(tabId), olderThan);
      const oldest = page?.exchanges[0];
      if (page === undefined || oldest === undefined) return void this.#unsent.delete(send);
      send(page);
      for (const exchange of page.exchanges) unsent.delete(exchange.id);
      olderThan = oldest.id;
      if (page.remaining > 0) setTimeout(sendNext, 0);
      else this.#unsent.delete(send);
    };
    setTimeout(sendNext, 0);
  }

  exchanges(tabId: number): Exchange[] {
    return this.#store.list(tabId);
  }

  /** Bytes of settled exchanges in storage, and the budget they are held to. */
  storage(): { readonly bytes: number; readonly budget: number } {
    return { bytes: this.#budget.total, budget: this.#budget.limit };
  }

  clear(tabId: number, time: number): void {
    this.#removed(this.#store.clear(tabId, time));
    this.#persistTab(tabId);
    this.#persistence.flush?.();
    this.#broadcast(tabId, { type: 'cleared', tabId });
  }

  setPreserveLog(tabId: number, preserve: boolean): void {
    this.#store.setPreserveLog(tabId, preserve);
    this.#persistTab(tabId);
    this.#persistence.flush?.();
  }

  tabRemoved(tabId: number): void {
    this.#removed(this.#store.removeTab(tabId));
    this.#engine.tabRemoved(tabId);
    this.#persistEngine();
    this.#persistence.remove(persistedKeys.tab + tabId);
    this.#persistence.flush?.();
    this.#subscribers.delete(tabId);
  }

  /**
   * The capture stopped listening (capture mode, listening-switch.ts): no request in flight will be
   * followed to its end, so each is forgotten with its pending row, rather than listed as pending
   * for good or left to claim a later preflight. No panel watches when this happens.
   */
  stoppedListening(): void {
    const pendingByTab = new Map<number, Set<string>>();
    for (const request of this.#engine.trackedRequests()) {
      if (request.exchange === null) continue;
      let ids = pendingByTab.get(request.tabId);
      if (ids === undefined) pendingByTab.set(request.tabId, (ids = new Set()));
      ids.add(request.exchange.id);
    }
    this.#engine.forgetInFlight();
    for (const [tabId, ids] of pendingByTab) this.#store.remove(tabId, ids);
    this.#persistEngine();
  }

  /** Storage refused a write for lack of space: hold exchanges to less, evicting the oldest. */
  storageFull(): void {
    this.#budget.shrink();
    this.#trimToBudget();
  }

  #onExchange(exchange: Exchange): void {
    const settled = exchange.state !== 'pending' && exchange.diagnosis === null ? this.#diagnosed(exchange) : exchange;
    const result = this.#store.upsert(settled);
    if (!result.stored) return;
    this.#removed(result.evictedIds);
    if (result.evictedIds.length > 0) this.#persistTab(settled.tabId);
    if (settled.state !== 'pending') this.#persistExchange(settled);
    // Most events change a tab no panel watches: build the message only for one that does.
    if (this.#watched(settled.tabId)) {
      this.#broadcast(settled.tabId, {
        type: 'exchanges',
        tabId: settled.tabId,
        exchanges: [settled],
        evicted: this.#store.meta(settled.tabId).evicted,
      });
    }
    if (settled.state !== 'pending') this.#trimToBudget();
  }

  /** A copy of the exchange with its diagnosis (a field-literal copy: a spread costs ~4 us in Node 20). */
  #diagnosed(exchange: Exchange): Exchange {
    const copy = copyExchange(exchange);
    copy.diagnosis = this.#diagnose(exchange);
    return copy;
  }

  /** The core never throws by contract; should it, the exchange is still listed, undiagnosed. */
  #diagnose(exchange: Exchange): Exchange['diagnosis'] {
    try {
      return diagnose(exchange, this.#browser);
    } catch (error) {
      this.#warn(`CORS DevTools: could not diagnose ${exchange.method} ${exchange.url}: ${String(error)}`);
      return null;
    }
  }

  #onNavigated(tabId: number, time: number): void {
    const removed = this.#store.navigated(tabId, time);
    if (removed === undefined) return;
    this.#removed(removed);
    this.#persistTab(tabId);
    if (removed.length > 0) this.#broadcast(tabId, { type: 'cleared', tabId });
  }

  /** Settled exchanges are stored as text without their diagnosis: it is most of their size, and pure. */
  #persistExchange(exchange: Exchange): void {
    const key = persistedKeys.exchange + exchange.id;
    const stored = encodeExchange(exchange);
    this.#persistence.set(key, stored);
    this.#budget.set(key, exchange.tabId, key.length + stored.length);
  }

  #trimToBudget(): void {
    for (let tabId = this.#budget.tabToTrim(); tabId !== undefined; tabId = this.#budget.tabToTrim()) {
      const id = this.#store.evictOldest(tabId);
      if (id === undefined) break;
      this.#removed([id]);
      this.#persistTab(tabId);
      this.#broadcast(tabId, { type: 'exchanges', tabId, exchanges: [], evicted: this.#store.meta(tabId).evicted });
      if (!this.#warned) {
        this.#warned = true;
        this.#warn(`CORS DevTools: stored exchanges reached ${this.#budget.limit} bytes; the oldest are evicted (counted as evicted in the panel).`);
      }
    }
  }

  #persistEngine(): void {
    const changes = this.#engine.takeChanges();
    for (const key of changes.requests) this.#write(persistedKeys.request + key, this.#engine.trackedRequest(key));
    for (const key of changes.preflights) this.#write(persistedKeys.preflight + key, this.#engine.trackedPreflight(key));
    if (changes.preflightCache) this.#persistence.set(persistedKeys.preflightCache, this.#engine.preflightCache);
  }

  #write(key: string, value: unknown): void {
    if (value === undefined) this.#persistence.remove(key);
    else this.#persistence.set(key, value);
  }

  #removed(ids: readonly string[]): void {
    for (const id of ids) {
      const key = persistedKeys.exchange + id;
      this.#persistence.remove(key);
      this.#budget.remove(key);
      // No older page will carry it now: should it come back (an evicted request that settles), it is sent as an update.
      for (const unsent of this.#unsent.values()) unsent.delete(id);
    }
  }

  #persistTab(tabId: number): void {
    this.#persistence.set(persistedKeys.tab + tabId, this.#store.meta(tabId));
  }

  #watched(tabId: number): boolean {
    return (this.#subscribers.get(tabId)?.size ?? 0) > 0;
  }

  #broadcast(tabId: number, message: BackgroundMessage): void {
    for (const send of this.#subscribers.get(tabId) ?? []) {
      const unsent = message.type === 'exchanges' ? this.#unsent.get(send) : undefined;
      if (unsent === undefined || message.type !== 'exchanges' || !message.exchanges.some((e) => unsent.has(e.id))) send(message);
      else send({ ...message, exchanges: message.exchanges.filter((e) => !unsent.has(e.id)) });
    }
  }

  /** Settled exchanges from storage, diagnosed again; pending ones from the engine's state. */
  #restore(restored: PersistedState): void {
    const byTab = restoreExchanges(restored);
    const settled = new Set([...byTab.values()].flat().map((e) => e.id));
    for (const request of [...this.#engine.trackedRequests()]) {
      if (request.exchange === null) continue;
      // Settled, with its in-flight entry still stored: it is done. (sessionPersistence removes that
      // entry in the same set that stores the exchange; a writer without that guarantee may not.)
      if (settled.has(request.exchange.id)) {
        this.#engine.forget(request);
        continue;
      }
      let list = byTab.get(request.tabId);
      if (list === undefined) byTab.set(request.tabId, (list = []));
      list.push(request.exchange);
    }
    const metas = restoreTabMetas(restored);
    for (const tabId of new Set([...byTab.keys(), ...metas.keys()])) {
      const exchanges = (byTab.get(tabId) ?? []).map((e) => (e.state === 'pending' || e.diagnosis !== null ? e : this.#diagnosed(e)));
      this.#store.restoreTab(tabId, metas.get(tabId) ?? { evicted: 0, preserveLog: false, clearedAt: 0 }, exchanges);
      for (const exchange of exchanges) {
        if (exchange.state === 'pending') continue;
        const key = persistedKeys.exchange + exchange.id;
        // The stored text's own length where there is one: encoding it again gives the same.
        const stored = restored[key];
        this.#budget.set(key, tabId, key.length + (typeof stored === 'string' ? stored : encodeExchange(exchange)).length);
      }
    }
  }
}
