import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowOrigin, exchange } from '../panel/exchange-builder';
import { PROTOCOL_VERSION } from '../../../src/protocol/messages';
import { fakeBackground } from '../panel/fake-background';

const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PanelClient', () => {
  it('subscribes to its tab with the protocol version, then holds the snapshot', async () => {
    const first = exchange({ response: { status: 200, headers: [allowOrigin] } });
    const background = fakeBackground([first]);
    await settle();
    expect(background.received).toEqual([{ type: 'subscribe', version: PROTOCOL_VERSION, tabId: 1 }]);
    expect(background.client.data).toMatchObject({ tabId: 1, connection: 'connected', evicted: 0 });
    expect(background.client.data.exchanges.map((e) => e.id)).toEqual([first.id]);
  });

  it('applies a burst of updates in one change, replacing by id and dropping what the background evicted', async () => {
    const [a, b, c] = [1, 2, 3].map(() => exchange({ response: { status: 200, headers: [allowOrigin] } })) as [ReturnType<typeof exchange>, ReturnType<typeof exchange>, ReturnType<typeof exchange>];
    const background = fakeBackground([a]);
    await settle();
    const seen: number[] = [];
    background.client.subscribe((data) => seen.push(data.exchanges.length));
    background.push({ type: 'exchanges', tabId: 1, exchanges: [b], evicted: 0 });
    background.push({ type: 'exchanges', tabId: 1, exchanges: [{ ...a, state: 'failed' }], evicted: 0 });
    background.push({ type: 'exchanges', tabId: 1, exchanges: [c], evicted: 1 });
    await settle();
    expect(seen).toEqual([2]);
    expect(background.client.data.exchanges.map((e) => e.id)).toEqual([b.id, c.id]);
    expect(background.client.data.evicted).toBe(1);
  });

  it('takes a long list newest page first, then the older pages before it, keeping live updates', async () => {
    const list = Array.from({ length: 23 }, () => exchange({ response: { status: 200, headers: [allowOrigin] } }));
    const background = fakeBackground(list, 5);
    await settle();
    expect(background.client.data.exchanges.map((e) => e.id)).toEqual(list.map((e) => e.id));
  });

  it('empties the list when the background says the tab was cleared', async () => {
    const background = fakeBackground([exchange({ response: { status: 200, headers: [allowOrigin] } })]);
    await settle();
    background.push({ type: 'cleared', tabId: 1 });
    await settle();
    expect(background.client.data.exchanges).toEqual([]);
  });

  it('says so when the background speaks another protocol version', async () => {
    const background = fakeBackground([]);
    await settle();
    background.push({ type: 'version-mismatch', expected: 2, received: 1 });
    await settle();
    expect(background.client.data.connection).toBe('incompatible');
  });

  it('ignores a malformed message or exchange, with a warning, and keeps the updates sent with it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [a, b, c] = [1, 2, 3].map(() => exchange({ response: { status: 200, headers: [allowOrigin] } })) as [ReturnType<typeof exchange>, ReturnType<typeof exchange>, ReturnType<typeof exchange>];
    const background = fakeBackground([a]);
    await settle();
    // As sent, bypassing the types: what a background of another build could send.
    const push = background.push as (message: unknown) => void;
    push({ type: 'snapshot', version: PROTOCOL_VERSION, tabId: 1, remaining: 0, evicted: 0, preserveLog: false });
    push({ type: 'exchanges', tabId: 1, evicted: 0 });
    push({ type: 'exchanges', tabId: 1, exchanges: [b], evicted: 0 });
    push({ type: 'exchanges', tabId: 1, exchanges: [{ id: '1:bogus', method: 'GET', url: 'http://x/' }, c], evicted: 0 });
    await settle();
    expect(background.client.data.exchanges.map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    expect(console.warn).toHaveBeenCalledTimes(3);
  });
});
