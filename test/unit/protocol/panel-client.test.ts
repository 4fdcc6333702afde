import { afterEach, describe, expect, it, vi } from 'vitest';
import { allowOrigin, exchange } from '../panel/exchange-builder';
import { PROTOCOL_VERSION, type BackgroundMessage, type PanelMessage } from '../../../src/protocol/messages';
import { PanelClient } from '../../../src/protocol/panel-client';
import { snapshotMessage } from '../../../src/protocol/snapshot-pages';
import { transportPair, type Transport } from '../../../src/protocol/transport';
import { fakeBackground } from '../panel/fake-background';
import { captureBackground } from '../panel/capture-background';
import { SequenceBuilder } from '../capture/sequence-builder';

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

  it('keeps the rows it held through a background restart until the older pages re-send them, then holds what the background holds', async () => {
    // More than a snapshot page (200): the restarted background sends the newest first, the older ones after.
    const sequence = new SequenceBuilder(undefined, undefined, 7);
    for (let n = 1; n <= 450; n += 1) sequence.start(String(n), 'GET', `/x/${n}`).finish(String(n), 'GET', `/x/${n}`);
    const background = captureBackground(sequence.events, 7);
    await vi.waitFor(() => expect(background.client.data.exchanges).toHaveLength(450));
    const [oldest, lost] = background.client.data.exchanges.map((e) => e.id) as [string, string];
    const lists: string[][] = [];
    background.client.subscribe((data) => lists.push(data.exchanges.map((e) => e.id)));
    background.restart([lost]);
    await vi.waitFor(() => expect(background.client.data.exchanges.map((e) => e.id)).toEqual(background.exchanges().map((e) => e.id)));
    expect(background.exchanges()).toHaveLength(449);
    expect(lists.length).toBeGreaterThan(2);
    expect(lists.filter((ids) => !ids.includes(oldest))).toEqual([]);
  });

  it('drops the rows kept through a restart when the pages still to come are evicted before they are sent', async () => {
    const list = Array.from({ length: 6 }, () => exchange({ response: { status: 200, headers: [allowOrigin] } }));
    const ports: Array<Transport<PanelMessage, BackgroundMessage>> = [];
    const client = new PanelClient(() => {
      const [panelSide, backgroundSide] = transportPair<unknown, PanelMessage>() as unknown as [Transport<unknown, PanelMessage>, Transport<PanelMessage, BackgroundMessage>];
      ports.push(backgroundSide);
      return panelSide;
    }, 1);
    const send = (message: BackgroundMessage) => ports.at(-1)?.send(message);
    const ids = () => client.data.exchanges.map((e) => e.id);
    send(snapshotMessage(1, list, { evicted: 0, preserveLog: false }));
    await settle();
    ports.at(-1)?.close();
    await vi.waitFor(() => expect(ports).toHaveLength(2));
    send(snapshotMessage(1, list, { evicted: 0, preserveLog: false }, 2));
    await settle();
    expect(ids()).toEqual(list.map((e) => e.id));
    const next = exchange({ response: { status: 200, headers: [allowOrigin] } });
    send({ type: 'exchanges', tabId: 1, exchanges: [next], evicted: 4 });
    await settle();
    expect(ids()).toEqual([...list.slice(4), next].map((e) => e.id));
  });

  it('sends a command asked before the snapshot came after it, since the snapshot was made without it', async () => {
    const list = Array.from({ length: 2 }, () => exchange({ response: { status: 200, headers: [allowOrigin] } }));
    const ports: Array<Transport<PanelMessage, BackgroundMessage>> = [];
    const received: PanelMessage[] = [];
    const client = new PanelClient(() => {
      const [panelSide, backgroundSide] = transportPair<unknown, PanelMessage>() as unknown as [Transport<unknown, PanelMessage>, Transport<PanelMessage, BackgroundMessage>];
      backgroundSide.onMessage((message) => received.push(message));
      ports.push(backgroundSide);
      return panelSide;
    }, 1);
    await settle();
    client.setPreserveLog(true);
    client.clear();
    ports.at(-1)?.send(snapshotMessage(1, list, { evicted: 0, preserveLog: false }));
    await settle();
    expect(client.data).toMatchObject({ connection: 'connected', exchanges: [], preserveLog: true });
    expect(received.map((m) => m.type)).toEqual(['subscribe', 'preserve-log', 'clear']);
  });

  it('stops reconnecting, and says so, once the extension was reloaded under it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ports: Array<Transport<PanelMessage, BackgroundMessage>> = [];
    const client = new PanelClient(() => {
      if (ports.length > 0) throw new Error('Extension context invalidated.');
      const [panelSide, backgroundSide] = transportPair<unknown, PanelMessage>() as unknown as [Transport<unknown, PanelMessage>, Transport<PanelMessage, BackgroundMessage>];
      ports.push(backgroundSide);
      return panelSide;
    }, 1);
    ports[0]?.close();
    await vi.waitFor(() => expect(client.data.connection).toBe('incompatible'));
    expect(console.warn).toHaveBeenCalledOnce();
  });
});
