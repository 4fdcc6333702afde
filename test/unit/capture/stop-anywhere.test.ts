/**
 * The background as it runs in the browser, without the browser: events journaled by the listener,
 * handled by the capture service, state written through the real `sessionPersistence` (coalesced,
 * delayed) to a storage area that applies calls in order, as `storage.session` does. Stopped at
 * any moment, with writes still held or on their way, the next background ends where an
 * uninterrupted one would.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { sessionPersistence, type SessionStorageArea } from '../../../extension/platform/session-persistence';
import { CaptureService } from '../../../src/capture/capture-service';
import { journaledReceiver, type JournalRun } from '../../../src/capture/event-journal';
import type { Exchange } from '../../../src/capture/exchange';
import { webRequestEventKinds } from '../../../src/capture/web-request-event';
import { readFixtures, type FixtureEvent } from '../../fixtures/web-request/web-request-fixture';
import { replay } from './replay-events';
import { redirectedBackToPage, SequenceBuilder } from './sequence-builder';

/** Applies each call when it is made (the browser does, in order); answers on a later task. */
function orderedArea(): SessionStorageArea & { snapshot(): Record<string, unknown> } {
  const stored = new Map<string, unknown>();
  return {
    get: async () => structuredClone(Object.fromEntries(stored)),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) stored.set(key, structuredClone(value));
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
    remove: async (keys) => {
      for (const key of keys) stored.delete(key);
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
    snapshot: () => structuredClone(Object.fromEntries(stored)),
  };
}

/**
 * The storage calls of one background: applied while it runs; once it is stopped, what it still
 * had scheduled (a held write, a retry) never reaches storage.
 */
function callsOf(area: SessionStorageArea): { readonly area: SessionStorageArea; stop(): void } {
  let running = true;
  return {
    area: {
      get: () => area.get(),
      set: (items) => (running ? area.set(items) : new Promise<void>(() => undefined)),
      remove: (keys) => (running ? area.remove(keys) : new Promise<void>(() => undefined)),
    },
    stop: () => void (running = false),
  };
}

interface RunningBackground {
  receive(event: FixtureEvent): void;
  stop(): void;
}

/** extension/background/index.ts, minus the browser: the same journaled receiver. */
function startBackground(storage: SessionStorageArea, run: JournalRun, restored: Record<string, unknown>): RunningBackground {
  const { area, stop } = callsOf(storage);
  const service = new CaptureService(sessionPersistence(area, () => undefined), restored, { journalRun: run });
  const receive = journaledReceiver(
    run,
    (key, entry) => void area.set({ [key]: entry }),
    (event, key) => service.ingest(event, key),
    (event) => service.tracks(event),
  );
  return { receive: ({ event, details }) => receive(webRequestEventKinds[event], details), stop };
}

/**
 * Feeds the events to a background, the `gaps` (ms, in turn) after each, and stops it right after
 * the event at `stopAt`, starting the next one from what storage holds; returns the exchanges a
 * background restarted at the end finds, with what one that never stopped lists.
 */
async function stoppedOnce(events: readonly FixtureEvent[], gaps: readonly number[], stopAt: number): Promise<{ readonly restored: Exchange[]; readonly expected: Exchange[] }> {
  const expected = replay(events).exchanges();
  const area = orderedArea();
  let background = startBackground(area, { startedAt: 1, id: 'first' }, {});
  for (const [index, event] of events.entries()) {
    background.receive(event);
    // Some writes are still held, some on their way.
    await vi.advanceTimersByTimeAsync(gaps[index % gaps.length] ?? 0);
    if (index === stopAt) {
      // Stopped: its memory is gone, and with it every change not yet handed to storage.
      background.stop();
      background = startBackground(area, { startedAt: 2, id: 'second' }, area.snapshot());
    }
  }
  await vi.advanceTimersByTimeAsync(500);
  const restarted = new CaptureService(sessionPersistence(orderedArea(), () => undefined), area.snapshot());
  return { restored: restarted.exchanges(expected[0]?.tabId ?? 0), expected };
}

const fixtures = [...readFixtures('chrome').values(), ...readFixtures('firefox').values()];

describe('a background stopped at any moment', () => {
  it('ends, once restarted, as an uninterrupted one: every recorded sequence, stops at random times', async () => {
    vi.useFakeTimers();
    try {
      await fc.assert(
        // Events arrive 0-40 ms apart.
        fc.asyncProperty(fc.constantFrom(...fixtures), fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 30 }), fc.nat(), async (fixture, gaps, stopAfter) => {
          const { restored, expected } = await stoppedOnce(fixture.events, gaps, stopAfter % fixture.events.length);
          expect(restored).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('loses nothing of a hop\'s preflight to the page\'s own origin (a request redirected back there, still CORS), stopped after any event', async () => {
    const s = new SequenceBuilder();
    const back = redirectedBackToPage(s);
    s.respond('3', 'OPTIONS', back, 204, { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Methods': 'PUT' }).complete('3', 'OPTIONS', back, 204);
    s.send('1', 'PUT', back, { Origin: 'null' }).respond('1', 'PUT', back, 200, { 'Access-Control-Allow-Origin': 'null' }).complete('1', 'PUT', back);
    vi.useFakeTimers();
    try {
      const [uninterrupted] = replay(s.events).exchanges();
      expect(uninterrupted!.preflights.map((p) => [p.requestId, p.startTime])).toEqual([['2', 1002], ['3', 1010]]);
      // No time between events (every write still held at the stop), then time for each write.
      for (const gaps of [[0], [150]]) {
        for (let stopAt = 0; stopAt < s.events.length; stopAt++) {
          const { restored, expected } = await stoppedOnce(s.events, gaps, stopAt);
          expect({ gaps, stopAt, restored }).toEqual({ gaps, stopAt, restored: expected });
        }
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
