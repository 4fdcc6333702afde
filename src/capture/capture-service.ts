import type { BackgroundMessage } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { ExchangeStore, type TabMeta } from '../store/exchange-store';
import { diagnose } from './diagnose';
import type { Exchange } from './exchange';
import { PairingEngine, type PairingState } from './pairing-engine';
import type { WebRequestEvent } from './web-request-event';

/** Where the service's state goes to survive a restart of the background (keys are opaque). */
export interface Persistence {
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/** What a restarted background reads back: the store's keys as {@link CaptureService} wrote them. */
export type PersistedState = Readonly<Record<string, unknown>>;

const ENGINE_KEY = 'engine';
const TAB_PREFIX = 'tab:';
const EXCHANGE_PREFIX = 'x:';

/**
 * The background's whole job, without the browser: events in, paired and diagnosed exchanges
 * stored per tab, persisted, and pushed to the panels watching each tab.
 */
export class CaptureService {
  readonly #store: ExchangeStore;
  readonly #engine: PairingEngine;
  readonly #persistence: Persistence;
  readonly #subscribers = new Map<number, Set<(message: BackgroundMessage) => void>>();

  constructor(persistence: Persistence, restored: PersistedState = {}, limit?: number) {
    this.#persistence = persistence;
    this.#store = new ExchangeStore(limit);
    restoreStore(this.#store, restored);
    this.#engine = new PairingEngine(
      {
        exchange: (exchange) => this.#onExchange(exchange),
        navigated: (tabId, time) => this.#onNavigated(tabId, time),
      },
      restoredEngineState(restored[ENGINE_KEY]),
    );
  }

  ingest(event: WebRequestEvent): void {
    this.#engine.ingest(event);
    this.#persistence.set(ENGINE_KEY, this.#engine.state);
  }

  /** A panel watches a tab: it gets a snapshot now and every change after. Returns unsubscribe. */
  subscribe(tabId: number, send: (message: BackgroundMessage) => void): () => void {
    let listeners = this.#subscribers.get(tabId);
    if (listeners === undefined) this.#subscribers.set(tabId, (listeners = new Set()));
    listeners.add(send);
    const meta = this.#store.meta(tabId);
    send({
      type: 'snapshot',
      version: PROTOCOL_VERSION,
      tabId,
      exchanges: this.#store.list(tabId),
      evicted: meta.evicted,
      preserveLog: meta.preserveLog,
    });
    return () => listeners.delete(send);
  }

  exchanges(tabId: number): Exchange[] {
    return this.#store.list(tabId);
  }

  clear(tabId: number, time: number): void {
    this.#removed(this.#store.clear(tabId, time));
    this.#persistTab(tabId);
    this.#broadcast(tabId, { type: 'cleared', tabId });
  }

  setPreserveLog(tabId: number, preserve: boolean): void {
    this.#store.setPreserveLog(tabId, preserve);
    this.#persistTab(tabId);
  }

  tabRemoved(tabId: number): void {
    this.#removed(this.#store.removeTab(tabId));
    this.#persistence.remove(TAB_PREFIX + tabId);
    this.#subscribers.delete(tabId);
  }

  #onExchange(exchange: Exchange): void {
    const settled = exchange.state !== 'pending' && exchange.diagnosis === null ? { ...exchange, diagnosis: diagnose(exchange) } : exchange;
    const result = this.#store.upsert(settled);
    if (!result.stored) return;
    this.#persistence.set(EXCHANGE_PREFIX + settled.id, settled);
    this.#removed(result.evictedIds);
    if (result.evictedIds.length > 0) this.#persistTab(settled.tabId);
    this.#broadcast(settled.tabId, {
      type: 'exchanges',
      tabId: settled.tabId,
      exchanges: [settled],
      evicted: this.#store.meta(settled.tabId).evicted,
    });
  }

  #onNavigated(tabId: number, time: number): void {
    const removed = this.#store.navigated(tabId, time);
    if (removed === undefined) return;
    this.#removed(removed);
    this.#persistTab(tabId);
    this.#broadcast(tabId, { type: 'cleared', tabId });
  }

  #removed(ids: readonly string[]): void {
    for (const id of ids) this.#persistence.remove(EXCHANGE_PREFIX + id);
  }

  #persistTab(tabId: number): void {
    this.#persistence.set(TAB_PREFIX + tabId, this.#store.meta(tabId));
  }

  #broadcast(tabId: number, message: BackgroundMessage): void {
    for (const send of this.#subscribers.get(tabId) ?? []) send(message);
  }
}

function restoreStore(store: ExchangeStore, restored: PersistedState): void {
  const byTab = new Map<number, Exchange[]>();
  for (const [key, value] of Object.entries(restored)) {
    if (!key.startsWith(EXCHANGE_PREFIX) || !isExchange(value)) continue;
    let list = byTab.get(value.tabId);
    if (list === undefined) byTab.set(value.tabId, (list = []));
    list.push(value);
  }
  const tabIds = new Set(byTab.keys());
  for (const key of Object.keys(restored)) if (key.startsWith(TAB_PREFIX)) tabIds.add(Number(key.slice(TAB_PREFIX.length)));
  for (const tabId of tabIds) {
    if (!Number.isInteger(tabId)) continue;
    const meta = restored[TAB_PREFIX + tabId];
    store.restoreTab(tabId, isTabMeta(meta) ? meta : { evicted: 0, preserveLog: false, clearedAt: 0 }, byTab.get(tabId) ?? []);
  }
}

function restoredEngineState(value: unknown): PairingState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = value as Partial<PairingState>;
  if (typeof state.requests !== 'object' || typeof state.preflightCache !== 'object') return undefined;
  return state as PairingState;
}

function isExchange(value: unknown): value is Exchange {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<Exchange>;
  return typeof e.id === 'string' && typeof e.tabId === 'number' && typeof e.url === 'string' && typeof e.startTime === 'number';
}

function isTabMeta(value: unknown): value is TabMeta {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<TabMeta>;
  return typeof m.evicted === 'number' && typeof m.preserveLog === 'boolean' && typeof m.clearedAt === 'number';
}
