/**
 * The event journal: a background stopped between receiving an event and writing what it changed
 * loses nothing, whichever event it is stopped at, and no event is applied twice.
 */
import { describe, expect, it } from 'vitest';
import { CaptureService } from '../../../src/capture/capture-service';
import { appliedKeyOf, journaledReceiver, journalEntry, journalKey, journalKeys, unappliedJournal, type JournalRun } from '../../../src/capture/event-journal';
import { webRequestEventKinds, type WebRequestEventKind } from '../../../src/capture/web-request-event';
import { readFixtures, type FixtureEvent } from '../../fixtures/web-request/web-request-fixture';
import { memoryPersistence, replay, type MemoryPersistence } from './replay-events';

/** A background as extension/background/index.ts runs it, through the same journaled receiver. */
class Background {
  readonly service: CaptureService;
  readonly #receive: (kind: WebRequestEventKind, details: unknown) => void;
  #stopBeforeWrite = false;

  constructor(persistence: MemoryPersistence, run: JournalRun, restored: Record<string, unknown> = {}) {
    const service = new CaptureService(persistence, restored, { journalRun: run });
    this.service = service;
    this.#receive = journaledReceiver(
      run,
      (key, entry) => persistence.set(key, entry),
      (event, key) => {
        if (!this.#stopBeforeWrite) service.ingest(event, key);
      },
      (event) => service.tracks(event),
    );
  }

  /** `stopBeforeWrite`: stopped after the journal entry was written, before the event's state write. */
  receive({ event, details }: FixtureEvent, stopBeforeWrite = false): void {
    this.#stopBeforeWrite = stopBeforeWrite;
    this.#receive(webRequestEventKinds[event], details);
  }
}

const fixtures = [...readFixtures('chrome').values(), ...readFixtures('firefox').values()];

describe('the event journal', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s: stopped at any event, the restarted background ends as if never stopped', (_name, fixture) => {
    const expected = replay(fixture.events).exchanges();
    for (let stopAt = 0; stopAt < fixture.events.length; stopAt += 1) {
      const persistence = memoryPersistence();
      const first = new Background(persistence, { startedAt: 1000, id: 'first' });
      fixture.events.slice(0, stopAt).forEach((event) => first.receive(event));
      const stopped = fixture.events[stopAt];
      if (stopped !== undefined) first.receive(stopped, true);
      const second = new Background(persistence, { startedAt: 2000, id: 'second' }, persistence.snapshot());
      fixture.events.slice(stopAt + 1).forEach((event) => second.receive(event));
      const tabId = expected[0]?.tabId ?? 0;
      expect(second.service.exchanges(tabId), `stopped at event ${stopAt}`).toEqual(expected);
      expect([...persistence.data.keys()].filter((key) => key.startsWith(journalKeys.entry)), 'journal left').toEqual([]);
    }
  });

  it('applies an entry once: one whose write landed is dropped, not replayed', () => {
    const fixture = readFixtures('chrome').get('preflighted-put');
    const persistence = memoryPersistence();
    const first = new Background(persistence, { startedAt: 1000, id: 'first' });
    for (const event of fixture?.events ?? []) first.receive(event);
    const expected = first.service.exchanges(fixture?.events[0]?.details['tabId'] as number);
    // Stopped after the state write, before the entry's removal reached storage.
    const lastKey = persistence.data.get(`${journalKeys.applied}000000000001000:first:`) as string;
    const restored = { ...persistence.snapshot(), [lastKey]: journalEntry('completed', fixture?.events.at(-1)?.details) };
    const journal = unappliedJournal(restored, { startedAt: 2000, id: 'second' });
    expect(journal).toEqual({ replay: [], drop: [lastKey] });
    const second = new Background(memoryPersistence(), { startedAt: 2000, id: 'second' }, restored);
    expect(second.service.exchanges(expected[0]?.tabId ?? 0)).toEqual(expected);
  });

  it('leaves the entries of the reading run to it, and drops entries that are not events', () => {
    const current = { startedAt: 3000, id: 'now' };
    const details = { requestId: '1', tabId: 1, frameId: 0, url: 'http://127.0.0.1:8081/a', method: 'GET', timeStamp: 1, type: 'xmlhttprequest' };
    const older = journalKey({ startedAt: 1000, id: 'old' }, 0);
    const restored = {
      [older]: journalEntry('before-request', details),
      [journalKey(current, 0)]: journalEntry('before-request', details),
      'j:000000000001000:old:000000001': '{"not json',
      'j:000000000001000:old:000000002': JSON.stringify(['<script>', details]),
      'j:000000000001000:old:000000003': JSON.stringify(['send-headers', { ...details, url: 'file:///etc/passwd' }]),
      'j:000000000001000:old:000000004': 42,
    };
    const journal = unappliedJournal(restored, current);
    expect(journal.replay.map((entry) => entry.key)).toEqual([older]);
    expect(journal.replay[0]?.event).toMatchObject({ kind: 'before-request', url: details.url });
    expect(journal.drop).toHaveLength(4);
  });

  it('orders runs by start, then events by arrival, whatever the sequence numbers', () => {
    expect(journalKey({ startedAt: 999, id: 'zz' }, 123_456) < journalKey({ startedAt: 1000, id: 'aa' }, 0)).toBe(true);
    expect(journalKey({ startedAt: 1000, id: 'aa' }, 9) < journalKey({ startedAt: 1000, id: 'aa' }, 10)).toBe(true);
  });

  it.each([0, 5])('tells applied entries from unapplied ones within each run, even when the clock went back between runs (second run handles %i before its stop)', (handled) => {
    const fixture = readFixtures('chrome').get('parallel-preflights');
    const events = fixture?.events ?? [];
    const expected = replay(events).exchanges();
    const persistence = memoryPersistence();
    // The first run applies ten events, and is stopped before applying the next one.
    const first = new Background(persistence, { startedAt: 5000, id: 'first' });
    events.slice(0, 10).forEach((event) => first.receive(event));
    first.receive(events[10] as FixtureEvent, true);
    // The clock went back: the second run's keys sort before the first's. It replays the first's
    // entry, handles `handled` events, and is stopped the same way at the next.
    const second = new Background(persistence, { startedAt: 1000, id: 'second' }, persistence.snapshot());
    events.slice(11, 11 + handled).forEach((event) => second.receive(event));
    second.receive(events[11 + handled] as FixtureEvent, true);
    const restored = persistence.snapshot();
    const journal = unappliedJournal(restored, { startedAt: 9000, id: 'third' });
    expect(journal.replay.map((entry) => entry.key)).toEqual([journalKey({ startedAt: 1000, id: 'second' }, handled)]);
    const last = new Background(persistence, { startedAt: 9000, id: 'third' }, restored);
    events.slice(12 + handled).forEach((event) => last.receive(event));
    expect(last.service.exchanges(expected[0]?.tabId ?? 0)).toEqual(expected);
    // The first run has nothing left, so its mark goes; the second's goes at the next restart.
    expect(journal.drop).toContain(appliedKeyOf(journalKey({ startedAt: 5000, id: 'first' }, 0)));
    expect(unappliedJournal(persistence.snapshot(), { startedAt: 9500, id: 'fourth' }).drop).toEqual(
      expect.arrayContaining([appliedKeyOf(journalKey({ startedAt: 1000, id: 'second' }, 0)), appliedKeyOf(journalKey({ startedAt: 9000, id: 'third' }, 0))]),
    );
  });
});
