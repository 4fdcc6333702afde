/**
 * Whatever the browser (or a restart) does to the order of events, the capture never throws:
 * duplicated, reordered, malformed, unknown ids. And a restart between any two events loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { CaptureService } from '../../../src/capture/capture-service';
import { parseWebRequestDetails } from '../../../src/capture/parse-web-request-details';
import { webRequestEventKinds } from '../../../src/capture/web-request-event';
import { readFixtures } from '../../fixtures/web-request/web-request-fixture';
import { essentials, memoryPersistence, parseFixtureEvents, replay } from './replay-events';

const fixtures = [...readFixtures('chrome').values()];

/** A small deterministic PRNG, so a failing order can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('capture robustness', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s: every event twice gives the same exchanges', (_name, fixture) => {
    const once = replay(fixture.events).exchanges().map(essentials);
    const twice = replay(fixture.events.flatMap((event) => [event, event])).exchanges().map(essentials);
    expect(twice).toEqual(once);
  });

  const bothBrowsers = [...fixtures, ...readFixtures('firefox').values()];
  it.each(bothBrowsers.map((f) => [f.name, f] as const))('%s: any event again after the last one changes nothing', (_name, fixture) => {
    const once = replay(fixture.events).exchanges().map(essentials);
    for (const late of fixture.events) expect(replay([...fixture.events, late]).exchanges().map(essentials)).toEqual(once);
    expect(replay([...fixture.events, ...fixture.events]).exchanges().map(essentials)).toEqual(once);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: shuffled, truncated and with unknown ids never throws', (_name, fixture) => {
    const next = random(fixture.name.length * 7919);
    for (let round = 0; round < 20; round += 1) {
      const events = [...fixture.events].sort(() => next() - 0.5).slice(0, Math.ceil(next() * fixture.events.length));
      const renamed = events.map((e) => (next() < 0.2 ? { ...e, details: { ...e.details, requestId: `u${Math.floor(next() * 100)}` } } : e));
      expect(() => replay(renamed).exchanges()).not.toThrow();
    }
  });

  it('a response seen only at onCompleted without headers (Chrome, which gives them at onHeadersReceived) stays unknown', () => {
    const fixture = readFixtures('chrome').get('simple-get');
    const events = fixture?.events ?? [];
    const lostHeaders = events
      .filter((e) => e.event !== 'onHeadersReceived')
      .map((e) => (e.event === 'onCompleted' ? { ...e, details: Object.fromEntries(Object.entries(e.details).filter(([key]) => key !== 'responseHeaders')) } : e));
    const [exchange] = replay(lostHeaders).exchanges();
    expect(exchange?.state).toBe('complete');
    expect(exchange?.response).toBeNull();
    // Not "no Access-Control-Allow-Origin": the response's headers were not seen.
    expect(exchange?.diagnosis?.verdict).toMatchObject({ ok: null, error: null });
    expect(exchange?.diagnosis?.verdict.missing).toContain('response');
    // With the headers on onCompleted (Firefox's listener asks for them), they are the response.
    const [fromCompleted] = replay(events.filter((e) => e.event !== 'onHeadersReceived')).exchanges();
    expect(fromCompleted?.response?.headers.length).toBeGreaterThan(0);
    expect(fromCompleted?.diagnosis?.verdict).toMatchObject({ ok: true, error: null });
  });

  it('drops malformed details without throwing', () => {
    const service = new CaptureService(memoryPersistence());
    const junk: unknown[] = [
      null, undefined, 42, 'x', [], {}, { requestId: {} }, { requestId: '1', tabId: '1', url: 'http://a/', method: 'GET' },
      { requestId: '1', tabId: 1.5, url: 'http://a/', method: 'GET' }, { requestId: '1', tabId: -1, url: 'http://a/', method: 'GET' },
      { requestId: '1', tabId: 1, url: 'chrome-extension://abc/x', method: 'GET' }, { requestId: '1', tabId: 1, url: 'http://a/', method: 3 },
      { requestId: 1, tabId: 1, url: 'http://b/', method: 'GET', initiator: 'http://a', timeStamp: Number.NaN, requestHeaders: 'nope', responseHeaders: [null, 1, { name: 2 }, { name: 'X', binaryValue: [72, 'i'] }] },
    ];
    for (const details of junk) {
      for (const kind of Object.values(webRequestEventKinds)) {
        expect(() => {
          const event = parseWebRequestDetails(kind, details);
          if (event !== undefined) service.ingest(event);
        }).not.toThrow();
      }
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: a restart between any two events loses and mis-pairs nothing', (_name, fixture) => {
    const events = parseFixtureEvents(fixture.events);
    const uninterrupted = replay(fixture.events).exchanges().map(essentials);
    for (let split = 0; split <= events.length; split += 1) {
      const persistence = memoryPersistence();
      const before = new CaptureService(persistence);
      for (const event of events.slice(0, split)) before.ingest(event);
      const after = new CaptureService(persistence, persistence.snapshot());
      for (const event of events.slice(split)) after.ingest(event);
      const tabId = events[0]?.tabId ?? 0;
      expect(after.exchanges(tabId).map(essentials), `restart after event ${split}`).toEqual(uninterrupted);
    }
  });

  it('a restart that lost the request\'s start still pairs its preflight (parallel PUTs, every start lost in turn)', () => {
    const fixture = readFixtures('chrome').get('parallel-preflights');
    const events = parseFixtureEvents(fixture?.events ?? []);
    const uninterrupted = replay(fixture?.events ?? []).exchanges().map(essentials);
    const starts = events.flatMap((e, i) => (e.kind === 'before-request' && e.method === 'PUT' ? [i] : []));
    for (const lost of starts) {
      const persistence = memoryPersistence();
      const service = new CaptureService(persistence);
      events.forEach((event, i) => i !== lost && service.ingest(event));
      const exchanges = service.exchanges(events[0]?.tabId ?? 0);
      expect(exchanges).toHaveLength(5);
      expect(new Set(exchanges.flatMap((e) => e.preflights.map((p) => p.requestId))).size).toBe(5);
      expect(exchanges.every((e) => e.preflights.length === 1 && e.diagnosis?.verdict.ok === true)).toBe(true);
      void uninterrupted;
    }
  });
});
