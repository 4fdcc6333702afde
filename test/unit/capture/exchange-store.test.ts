/** The bounded per-tab store: arrival order, eviction of the oldest, clearing. */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { newExchange } from '../../../src/capture/new-exchange';
import { ExchangeStore } from '../../../src/store/exchange-store';

function exchange(requestId: string, startTime = 10, tabId = 7): Exchange {
  const request = { requestId, tabId, frameId: 0, url: 'https://api.example/x', method: 'GET', type: 'xmlhttprequest', initiator: 'https://app.example', startTime, exchange: null, hopPreflight: null };
  return newExchange(request, { value: 'cors', source: 'sec-fetch-mode' }, null);
}

const ids = (store: ExchangeStore, tabId = 7): string[] => store.list(tabId).map((e) => e.id);

describe('ExchangeStore', () => {
  it('keeps the latest exchanges in arrival order, evicting the oldest, an update keeping its place', () => {
    const store = new ExchangeStore(3);
    for (const id of ['1', '2', '3']) expect(store.upsert(exchange(id))).toEqual({ stored: true, evictedIds: [] });
    expect(store.upsert({ ...exchange('1'), state: 'complete' }).evictedIds).toEqual([]);
    expect(store.upsert(exchange('4')).evictedIds).toEqual(['7:1']);
    expect(ids(store)).toEqual(['7:2', '7:3', '7:4']);
    expect(store.evictOldest(7)).toBe('7:2');
    expect(store.meta(7).evicted).toBe(2);
    for (let i = 5; i < 40; i++) store.upsert(exchange(String(i)));
    expect(ids(store)).toEqual(['7:37', '7:38', '7:39']);
    expect(store.meta(7).evicted).toBe(36);
  });

  it('removes exchanges from the middle of a list, and still evicts in arrival order, counting only evictions', () => {
    const store = new ExchangeStore(3);
    for (const id of ['1', '2', '3']) store.upsert(exchange(id));
    expect(store.upsert(exchange('4')).evictedIds).toEqual(['7:1']);
    store.remove(7, new Set(['7:3', '7:9']));
    store.remove(8, new Set(['7:2']));
    expect(ids(store)).toEqual(['7:2', '7:4']);
    store.upsert(exchange('5'));
    expect(store.upsert(exchange('6')).evictedIds).toEqual(['7:2']);
    expect(ids(store)).toEqual(['7:4', '7:5', '7:6']);
    expect(store.evictOldest(7)).toBe('7:4');
    expect(store.meta(7).evicted).toBe(3);
  });

  it('evicts nothing from a cleared list until it refills; the storage budget evicts until empty', () => {
    const store = new ExchangeStore(2);
    for (const id of ['1', '2', '3']) store.upsert(exchange(id));
    expect(store.clear(7, 5)).toEqual(['7:2', '7:3']);
    expect(store.upsert(exchange('4', 1))).toEqual({ stored: false, evictedIds: [] });
    for (const id of ['5', '6']) store.upsert(exchange(id));
    expect(store.upsert(exchange('7')).evictedIds).toEqual(['7:5']);
    expect([store.evictOldest(7), store.evictOldest(7), store.evictOldest(7), store.evictOldest(8)]).toEqual(['7:6', '7:7', undefined, undefined]);
    store.restoreTab(9, { evicted: 1, preserveLog: true, clearedAt: 0 }, [exchange('b', 20, 9), exchange('a', 10, 9)]);
    expect(store.evictOldest(9)).toBe('9:a');
    expect(ids(store, 9)).toEqual(['9:b']);
  });
});
