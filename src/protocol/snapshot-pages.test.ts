import { describe, expect, it } from 'vitest';
import type { Exchange } from '../capture/exchange';
import { olderPage, snapshotMessage } from './snapshot-pages';

const list = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `1:${i}` }) as unknown as Exchange);
const ids = (exchanges: readonly Exchange[]) => exchanges.map((e) => e.id);

describe('snapshot pages', () => {
  it('sends the newest page first, counting what remains, with the tab\'s meta', () => {
    const snapshot = snapshotMessage(1, list(7), { evicted: 3, preserveLog: true }, 3);
    expect(ids(snapshot.exchanges)).toEqual(['1:4', '1:5', '1:6']);
    expect(snapshot).toMatchObject({ type: 'snapshot', tabId: 1, remaining: 4, evicted: 3, preserveLog: true });
  });

  it('makes each older page from the list as it is, oldest first, just older than the oldest sent', () => {
    const exchanges = list(7);
    const page = olderPage(1, exchanges, '1:4', 3);
    expect(page === undefined ? null : [ids(page.exchanges), page.remaining]).toEqual([['1:1', '1:2', '1:3'], 1]);
    const last = olderPage(1, exchanges, '1:1', 3);
    expect(last === undefined ? null : [ids(last.exchanges), last.remaining]).toEqual([['1:0'], 0]);
    expect(olderPage(1, exchanges, '1:0', 3)).toBeUndefined();
  });

  it('sends nothing older once the oldest sent was evicted (everything older went with it)', () => {
    expect(olderPage(1, list(7).slice(5), '1:4', 3)).toBeUndefined();
  });

  it('sends one empty snapshot for an empty tab', () => {
    expect(snapshotMessage(2, [], { evicted: 0, preserveLog: false })).toEqual(expect.objectContaining({ type: 'snapshot', tabId: 2, exchanges: [], remaining: 0 }));
  });
});
