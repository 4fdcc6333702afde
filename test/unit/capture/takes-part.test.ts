/**
 * The journal skips events the capture cannot use. Sound only if skipping never loses anything:
 * an event it skips must change nothing the capture keeps.
 */
import { describe, expect, it } from 'vitest';
import { CaptureService } from '../../../src/capture/capture-service';
import { journaledReceiver, journalKeys } from '../../../src/capture/event-journal';
import { webRequestEventKinds } from '../../../src/capture/web-request-event';
import { readFixtures, type FixtureEvent } from '../../fixtures/web-request/web-request-fixture';
import { memoryPersistence, replay } from './replay-events';
import { redirectedBackToPage, SequenceBuilder } from './sequence-builder';

interface Run {
  /** Journal keys written, one per journaled event, in order; `null` for an event not journaled. */
  readonly journaled: Array<string | null>;
  /** For each event not journaled, whether handling it changed what is stored. */
  readonly skippedChanged: boolean[];
  readonly service: CaptureService;
}

/** The background's receiver over a capture service, `tracked` asked of the service as the background does. */
function receive(events: readonly FixtureEvent[]): Run {
  const persistence = memoryPersistence();
  const service = new CaptureService(persistence, {}, { journalRun: { startedAt: 1, id: 'run' } });
  const journaled: Array<string | null> = [];
  const skippedChanged: boolean[] = [];
  const receiver = journaledReceiver(
    { startedAt: 1, id: 'run' },
    () => undefined,
    (event, key) => {
      journaled.push(key ?? null);
      const before = JSON.stringify([...persistence.data]);
      service.ingest(event, key);
      if (key === undefined) skippedChanged.push(JSON.stringify([...persistence.data]) !== before);
    },
    (event) => service.tracks(event),
  );
  for (const { event, details } of events) receiver(webRequestEventKinds[event], details);
  return { journaled, skippedChanged, service };
}

const fixtures = (['chrome', 'firefox'] as const).flatMap((browser) => [...readFixtures(browser).values()].map((f) => [`${browser} ${f.name}`, f] as const));

describe('which events are journaled', () => {
  it.each(fixtures)('%s: a skipped event changes nothing; the result is the unjournaled replay', (_name, fixture) => {
    const run = receive(fixture.events);
    expect(run.skippedChanged.every((changed) => !changed)).toBe(true);
    const expected = replay(fixture.events).exchanges();
    expect(run.service.exchanges(expected[0]?.tabId ?? 0)).toEqual(expected);
  });

  it('skips the browser\'s own requests, frames, and requests to the page\'s own origin', () => {
    const same = readFixtures('chrome').get('same-origin-fetch');
    const navigation = readFixtures('chrome').get('navigation');
    expect(receive(same?.events ?? []).journaled.every((key) => key === null)).toBe(true);
    const events = navigation?.events ?? [];
    const run = receive(events);
    const journaledKinds = events.filter((_e, i) => run.journaled[i] !== null);
    // The navigation's start (it clears the list) and the cross-origin fetch's events, nothing of the document's load.
    expect(journaledKinds.filter((e) => e.details['type'] === 'main_frame').map((e) => e.event)).toEqual(
      events.filter((e) => e.details['type'] === 'main_frame' && e.event === 'onBeforeRequest').map((e) => e.event),
    );
    expect(journaledKinds.some((e) => e.details['type'] === 'xmlhttprequest')).toBe(true);
  });

  it('skips a request of the browser\'s own (no initiator), to another origin', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/update-check').finish('1', 'GET', '/update-check');
    const own = s.events.map(({ event, details }) => ({ event, details: { ...details, initiator: undefined } }));
    const run = receive(own);
    expect(run.journaled).toEqual([null, null, null, null]);
    expect(run.skippedChanged.every((changed) => !changed)).toBe(true);
  });

  it('journals the preflight to the page\'s own origin of a request redirected back there: its start changes what is stored', () => {
    const s = new SequenceBuilder();
    const back = redirectedBackToPage(s);
    s.respond('3', 'OPTIONS', back, 204, {}).complete('3', 'OPTIONS', back, 204).fail('1', 'PUT', back);
    const run = receive(s.events);
    expect(run.journaled.every((key) => key?.startsWith(journalKeys.entry))).toBe(true);
    expect(run.skippedChanged).toEqual([]);
    expect(run.service.exchanges(s.tabId)[0]!.preflights.map((p) => p.requestId)).toEqual(['2', '3']);
  });

  it('journals the events of a request redirected back to the page\'s origin', () => {
    const s = new SequenceBuilder();
    s.start('1', 'GET', '/away').send('1', 'GET', '/away').redirect('1', 'GET', '/away', `${s.page}/back`);
    s.start('1', 'GET', `${s.page}/back`).send('1', 'GET', `${s.page}/back`).respond('1', 'GET', `${s.page}/back`).complete('1', 'GET', `${s.page}/back`);
    const run = receive(s.events);
    expect(run.journaled.every((key) => key?.startsWith(journalKeys.entry))).toBe(true);
    expect(run.skippedChanged).toEqual([]);
    expect(run.service.exchanges(s.tabId)[0]?.state).toBe(replay(s.events).exchanges()[0]?.state);
  });
});
