/** What the capture keeps: per tab, bounded, within a storage budget, freed when a tab closes. */
import { describe, expect, it, vi } from 'vitest';
import { CaptureService } from '../../../src/capture/capture-service';
import { WriteBatcher } from '../../../src/store/write-batcher';
import { readFixtures } from '../../fixtures/web-request/web-request-fixture';
import { SequenceBuilder } from './sequence-builder';
import { memoryPersistence, parseFixtureEvents, replay } from './replay-events';
import type { BackgroundMessage, PanelMessage } from '../../../src/protocol/messages';
import { PanelClient } from '../../../src/protocol/panel-client';
import { transportPair, type Transport } from '../../../src/protocol/transport';

function simpleGets(count: number, tabId = 7): SequenceBuilder {
  const s = new SequenceBuilder(undefined, undefined, tabId);
  for (let i = 1; i <= count; i += 1) s.start(String(i), 'GET', `/x/${i}`).finish(String(i), 'GET', `/x/${i}`);
  return s;
}

describe('capture state', () => {
  it('frees everything of a closed tab: exchanges, in-flight requests, unclaimed preflights, stored keys', () => {
    const s = simpleGets(3);
    s.start('10', 'PUT', '/slow').preflight('11', '/other', 'PUT', null);
    const { service, persistence } = replay(s.events);
    expect(service.exchanges(7)).toHaveLength(3);
    expect([...persistence.data.keys()].some((key) => key.startsWith('r:7:'))).toBe(true);
    service.tabRemoved(7);
    expect(service.exchanges(7)).toEqual([]);
    expect([...persistence.data.keys()].filter((key) => key !== 'preflight-cache')).toEqual([]);
  });

  it('keeps the latest exchanges per tab and counts the evicted', () => {
    const { service } = replay(simpleGets(30).events, { limit: 10 });
    const snapshots: unknown[] = [];
    service.subscribe(7, (message) => snapshots.push(message));
    expect(snapshots[0]).toMatchObject({ type: 'snapshot', evicted: 20 });
    expect(service.exchanges(7).map((e) => e.url.split('/').pop())).toEqual(['21', '22', '23', '24', '25', '26', '27', '28', '29', '30']);
  });

  it('stays within its storage budget: evicts the oldest, says so once, and stores no evicted key', () => {
    const warnings: string[] = [];
    const { service, persistence } = replay(simpleGets(100).events, { storageBudget: 20_000, warn: (m) => warnings.push(m) });
    const stored = [...persistence.data.entries()].filter(([key]) => key.startsWith('x:'));
    const bytes = stored.reduce((sum, [key, value]) => sum + key.length + String(value).length, 0);
    expect(bytes).toBeLessThanOrEqual(20_000);
    expect(service.storage().bytes).toBe(bytes);
    expect(stored.length).toBe(service.exchanges(7).length);
    expect(service.exchanges(7).length).toBeLessThan(100);
    expect(warnings).toHaveLength(1);
    service.storageFull();
    expect(service.storage().bytes).toBeLessThanOrEqual(0.75 * 20_000);
  });

  it('stores a settled exchange in well under 2 KB (without its diagnosis)', () => {
    const fixture = readFixtures('chrome').get('parallel-preflights');
    const { persistence } = replay(fixture?.events ?? []);
    const stored = [...persistence.data.entries()].filter(([key]) => key.startsWith('x:'));
    // As text: Chrome counts a string at its length, an object at about three times its JSON.
    for (const [, value] of stored) expect(typeof value).toBe('string');
    const sizes = stored.map(([key, value]) => key.length + String(value).length);
    expect(sizes).toHaveLength(5);
    for (const size of sizes) expect(size).toBeLessThan(4096);
  });

  it('restores settled exchanges diagnosed again, in order, after a restart', () => {
    const first = replay(readFixtures('chrome').get('preflight-cache-hit')?.events ?? []);
    const restarted = new CaptureService(memoryPersistence(), first.persistence.snapshot());
    const tabId = first.exchanges()[0]?.tabId ?? 0;
    expect(restarted.exchanges(tabId)).toEqual(first.exchanges());
  });

  it('restores exchanges stored as objects by an older version, and skips stored text that is not an exchange', () => {
    const first = replay(simpleGets(3).events);
    const saved = first.persistence.snapshot();
    const [oldest] = first.exchanges();
    const asObject = { ...oldest, diagnosis: null };
    const restarted = new CaptureService(memoryPersistence(), { ...saved, [`x:${oldest?.id}`]: asObject, 'x:bad': '{"id":', 'x:worse': '[1]' });
    expect(restarted.exchanges(7)).toEqual(first.exchanges());
  });

  it('skips a stored exchange, settled or in flight, that the panel could not read (the panel\'s own check)', () => {
    const s = simpleGets(2);
    s.start('3', 'GET', '/pending').send('3', 'GET', '/pending');
    const first = replay(s.events);
    const saved = first.persistence.snapshot();
    const [oldest, kept, pending] = first.exchanges();
    expect(pending?.state).toBe('pending');
    const inFlight = saved[`r:${pending?.id}`] as Record<string, unknown>;
    const restarted = new CaptureService(memoryPersistence(), {
      ...saved,
      [`x:${oldest?.id}`]: { ...oldest, diagnosis: null, state: 'done' },
      [`r:${pending?.id}`]: { ...inFlight, exchange: { ...pending, response: { status: 200 } } },
    });
    expect(restarted.exchanges(7)).toEqual([kept]);
  });

  it('a write refused for lack of space makes room and is sent again', async () => {
    const writes: Array<[Record<string, unknown>, string[]]> = [];
    let full = true;
    const batcher = new WriteBatcher(
      async (set, remove) => {
        if (full) {
          full = false;
          throw new Error('Session storage quota bytes exceeded. Values were not stored.');
        }
        writes.push([set, remove]);
      },
      () => {
        batcher.remove('old');
        return 'retry';
      },
    );
    batcher.set('new', 1);
    await batcher.idle();
    // The room made goes out before the write is sent again.
    expect(writes).toEqual([[{}, ['old']], [{ new: 1 }, []]]);
  });

  it('writes one task\'s changes at its end, and those asked during a write right after it, together', async () => {
    const sent: Array<[Record<string, unknown>, string[]]> = [];
    const slow: Array<() => void> = [];
    const batcher = new WriteBatcher(
      (set, remove) => {
        sent.push([set, remove]);
        return new Promise<void>((resolve) => slow.push(resolve));
      },
      () => 'drop',
    );
    batcher.set('a', 1);
    batcher.set('b', 1);
    batcher.remove('b');
    await Promise.resolve();
    expect(sent).toEqual([[{ a: 1 }, ['b']]]);
    batcher.set('a', 2);
    await Promise.resolve();
    batcher.set('c', 3);
    await Promise.resolve();
    // Held while the first write is in flight, then sent as one.
    expect(sent).toHaveLength(1);
    slow.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([[{ a: 1 }, ['b']], [{ a: 2, c: 3 }, []]]);
    slow.shift()?.();
    await batcher.idle();
  });

  it('with a delay, joins the changes of later tasks, unless asked to write now', async () => {
    vi.useFakeTimers();
    try {
      const sent: Array<Record<string, unknown>> = [];
      const batcher = new WriteBatcher(async (set) => void sent.push(set), () => 'drop', 100);
      batcher.set('a', 1);
      await vi.advanceTimersByTimeAsync(50);
      batcher.set('b', 2);
      expect(sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(50);
      expect(sent).toEqual([{ a: 1, b: 2 }]);
      batcher.set('c', 3);
      batcher.flushSoon();
      await vi.advanceTimersByTimeAsync(0);
      expect(sent).toEqual([{ a: 1, b: 2 }, { c: 3 }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries a refused write without putting back a value written since', async () => {
    const stored = new Map<string, unknown>();
    let refuseNext = true;
    let release: () => void = () => undefined;
    const batcher = new WriteBatcher(
      async (set) => {
        if (refuseNext) {
          refuseNext = false;
          // Refused once the newer write of `a` is out.
          await new Promise<void>((resolve) => (release = resolve));
          throw new Error('QUOTA_BYTES quota exceeded');
        }
        for (const [key, value] of Object.entries(set)) stored.set(key, value);
      },
      () => 'retry',
    );
    batcher.set('a', 'old');
    batcher.set('b', 'kept');
    await Promise.resolve();
    batcher.set('a', 'new');
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await batcher.idle();
    expect(Object.fromEntries(stored)).toEqual({ a: 'new', b: 'kept' });
  });
});

describe('the snapshot a panel gets', () => {
  it('sends the newest page at once and older pages in later tasks, stopping when the list is cleared', async () => {
    const { service } = replay(simpleGets(450).events, { limit: 1000 });
    const received: Array<{ type: string; count: number; remaining: number }> = [];
    service.subscribe(7, (message) => {
      if (message.type === 'snapshot' || message.type === 'snapshot-page') received.push({ type: message.type, count: message.exchanges.length, remaining: message.remaining });
    });
    expect(received).toEqual([{ type: 'snapshot', count: 200, remaining: 250 }]);
    await vi.waitFor(() => expect(received.map((m) => m.remaining)).toEqual([250, 50, 0]));

    const cleared: string[] = [];
    service.subscribe(7, (message) => cleared.push(message.type));
    service.clear(7, Date.now() + 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cleared).toEqual(['snapshot', 'cleared']);
  });
});

describe('a panel subscribing while its tab keeps filling', () => {
  /** Requests to /y/ with ids from `from`: each settles, and evicts the tab's oldest once it is full. */
  const moreGets = (from: number, count: number) => {
    const s = new SequenceBuilder(undefined, undefined, 7);
    for (let i = from; i < from + count; i += 1) s.start(String(i), 'GET', `/y/${i}`).finish(String(i), 'GET', `/y/${i}`);
    return parseFixtureEvents(s.events);
  };

  /** 900 requests on tab 7, request 50 a long poll (sent, not answered); `answer` settles it. */
  const withLongPoll = (limit: number) => {
    const s = new SequenceBuilder(undefined, undefined, 7);
    for (let i = 1; i <= 900; i += 1) {
      s.start(String(i), 'GET', `/x/${i}`);
      if (i === 50) s.send(String(i), 'GET', `/x/${i}`);
      else s.finish(String(i), 'GET', `/x/${i}`);
    }
    const answer = new SequenceBuilder(undefined, undefined, 7).respond('50', 'GET', '/x/50').complete('50', 'GET', '/x/50');
    return { service: replay(s.events, { limit }).service, answer: parseFixtureEvents(answer.events) };
  };

  /**
   * A PanelClient on tab 7 over a transport to `service`, served as panel-port.ts serves a port:
   * `afterSnapshot` runs right after the newest page is sent, `afterSend` after every message.
   */
  const connectPanel = (service: CaptureService, afterSnapshot: () => void, afterSend: (message: BackgroundMessage) => void = () => undefined): PanelClient => {
    const [panelSide, backgroundSide] = transportPair<unknown, PanelMessage>() as unknown as [Transport<unknown, PanelMessage>, Transport<PanelMessage, BackgroundMessage>];
    backgroundSide.onMessage((message) => {
      if (message.type !== 'subscribe') return;
      service.subscribe(message.tabId, (m) => {
        backgroundSide.send(m);
        afterSend(m);
      });
      afterSnapshot();
    });
    return new PanelClient(() => panelSide, 7);
  };

  /** The panel's list, once settled, is the tab's. */
  // The pages go one per task: waited for, not for a fixed time (a loaded machine takes longer).
  const expectSameList = async (client: PanelClient, service: CaptureService): Promise<void> => {
    await vi.waitFor(() => expect(client.data.exchanges.map((e) => e.id)).toEqual(service.exchanges(7).map((e) => e.id)), { timeout: 10_000 });
  };

  it('ends with exactly the tab\'s list when exchanges are evicted while older pages are on their way', async () => {
    const { service } = replay(simpleGets(900).events, { limit: 900 });
    let pagesSent = 0;
    const client = connectPanel(
      service,
      // Right after the newest page: 150 requests, evicting the 150 oldest, not sent yet.
      () => moreGets(1001, 150).forEach((event) => service.ingest(event)),
      // After the first older page: 150 more requests, evicting the next 150 oldest, none sent yet.
      (m) => {
        if (m.type === 'snapshot-page' && ++pagesSent === 1) moreGets(2001, 150).forEach((event) => service.ingest(event));
      },
    );
    await vi.waitFor(() => expect(client.data.evicted).toBe(300), { timeout: 10_000 });
    await expectSameList(client, service);
    expect(pagesSent).toBeGreaterThan(1);
    client.close();
  });

  it('keeps an older exchange in its place when it settles while its page is still on its way', async () => {
    const { service, answer } = withLongPoll(900);
    // Right after the newest page: request 50 settles, then 100 more evict the 100 oldest (50 among them).
    const client = connectPanel(service, () => [...answer, ...moreGets(3001, 100)].forEach((event) => service.ingest(event)));
    await vi.waitFor(() => expect(client.data.evicted).toBe(100));
    await expectSameList(client, service);
    client.close();
  });

  it('shows a settled older exchange from its page, with its latest state', async () => {
    const { service, answer } = withLongPoll(1000);
    const client = connectPanel(service, () => answer.forEach((event) => service.ingest(event)));
    await vi.waitFor(() => expect(client.data.exchanges).toHaveLength(900));
    await expectSameList(client, service);
    expect(client.data.exchanges[49]?.state).not.toBe('pending');
    client.close();
  });
});
