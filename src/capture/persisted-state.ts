import { isExchangeShape, isRecord } from '../protocol/exchange-shape';
import type { TabMeta } from '../store/exchange-store';
import type { Exchange } from './exchange';
import { decodeExchange } from './stored-exchange';
import {
  emptyPairingState,
  isPreflightCache,
  isTrackedPreflight,
  isTrackedRequest,
  type PairingState,
} from './pairing-state';

/**
 * How the capture state is laid out in a key-value store (`storage.session`): one key per
 * in-flight request, preflight, settled exchange and tab, so a write costs what changed.
 */
export const persistedKeys = {
  request: 'r:',
  preflight: 'p:',
  preflightCache: 'preflight-cache',
  tab: 'tab:',
  exchange: 'x:',
} as const;

/** What a restarted background reads back: the keys as {@link persistedKeys} lays them out. */
export type PersistedState = Readonly<Record<string, unknown>>;

/** The pairing engine's state; malformed entries are skipped, never thrown on. */
export function restorePairingState(restored: PersistedState): PairingState {
  const state = emptyPairingState();
  for (const [key, value] of Object.entries(restored)) {
    if (key.startsWith(persistedKeys.request) && isTrackedRequest(value)) state.requests[key.slice(persistedKeys.request.length)] = value;
    else if (key.startsWith(persistedKeys.preflight) && isTrackedPreflight(value)) state.preflights[key.slice(persistedKeys.preflight.length)] = value;
  }
  const cache = restored[persistedKeys.preflightCache];
  if (isPreflightCache(cache)) Object.assign(state.preflightCache, cache);
  return state;
}

/** Settled exchanges by tab, from their stored text (see stored-exchange.ts) or an object, as the first version stored them. */
export function restoreExchanges(restored: PersistedState): Map<number, Exchange[]> {
  const byTab = new Map<number, Exchange[]>();
  for (const [key, stored] of Object.entries(restored)) {
    if (!key.startsWith(persistedKeys.exchange)) continue;
    const value = typeof stored === 'string' ? decodeExchange(stored) : stored;
    if (!isExchangeShape(value)) continue;
    let list = byTab.get(value.tabId);
    if (list === undefined) byTab.set(value.tabId, (list = []));
    list.push(value);
  }
  return byTab;
}

export function restoreTabMetas(restored: PersistedState): Map<number, TabMeta> {
  const metas = new Map<number, TabMeta>();
  for (const [key, value] of Object.entries(restored)) {
    if (!key.startsWith(persistedKeys.tab)) continue;
    const tabId = Number(key.slice(persistedKeys.tab.length));
    if (Number.isInteger(tabId) && isTabMeta(value)) metas.set(tabId, value);
  }
  return metas;
}

function isTabMeta(value: unknown): value is TabMeta {
  return isRecord(value) && typeof value['evicted'] === 'number' && typeof value['preserveLog'] === 'boolean' && typeof value['clearedAt'] === 'number';
}
