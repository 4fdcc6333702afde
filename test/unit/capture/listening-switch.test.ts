import { describe, expect, it } from 'vitest';
import { followCaptureMode, parseCaptureMode, type CaptureMode, type CaptureModeSetting } from '../../../src/capture/capture-mode';
import { CaptureService } from '../../../src/capture/capture-service';
import type { Exchange } from '../../../src/capture/exchange';
import { ListeningSwitch } from '../../../src/capture/listening-switch';
import { memoryPersistence, pairing, parseFixtureEvents } from './replay-events';
import { SequenceBuilder } from './sequence-builder';

/** A switch over a recorded listener set and a hand-driven clock (timers run in time order, those they set too). */
function harness(graceMs = 2_000, busy?: () => boolean) {
  const calls: string[] = [];
  let now = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const timers = {
    setTimeout(run: () => void, ms: number): unknown {
      due.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout(handle: unknown): void {
      due.delete(handle as number);
    },
  };
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      const [handle, timer] = [...due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (handle === undefined || timer === undefined || timer.at > end) break;
      now = timer.at;
      due.delete(handle);
      timer.run();
    }
    now = end;
  };
  const options = busy === undefined ? { graceMs, timers } : { graceMs, maxWaitMs: 60_000, busy, timers };
  const captureSwitch = new ListeningSwitch({ start: () => calls.push('start'), stop: () => calls.push('stop') }, options);
  return { captureSwitch, calls, advance };
}

describe('the capture mode', () => {
  it('is "always" unless storage holds the other mode exactly', () => {
    expect(parseCaptureMode('while-devtools-open')).toBe('while-devtools-open');
    for (const value of [undefined, null, 'always', 'While-DevTools-Open', 1, {}, ['while-devtools-open']]) expect(parseCaptureMode(value)).toBe('always');
  });
});

describe('followCaptureMode', () => {
  function storedSetting() {
    let answerRead: (mode: CaptureMode) => void = () => undefined;
    let failRead: (error: unknown) => void = () => undefined;
    const listeners = new Set<(mode: CaptureMode) => void>();
    const setting: CaptureModeSetting = {
      read: () => new Promise<CaptureMode>((resolve, reject) => ((answerRead = resolve), (failRead = reject))),
      write: async () => undefined,
      watch: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    };
    const change = (mode: CaptureMode): void => listeners.forEach((listener) => listener(mode));
    return { setting, change, answerRead: (mode: CaptureMode) => answerRead(mode), failRead: (error: unknown) => failRead(error) };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('applies the stored mode, then each change', async () => {
    const stored = storedSetting();
    const applied: CaptureMode[] = [];
    followCaptureMode(stored.setting, (mode) => applied.push(mode), () => undefined);
    stored.answerRead('while-devtools-open');
    await settle();
    stored.change('always');
    expect(applied).toEqual(['while-devtools-open', 'always']);
  });

  it('ignores a read answered after a change (it may be older), and stops when told', async () => {
    const stored = storedSetting();
    const applied: CaptureMode[] = [];
    const stop = followCaptureMode(stored.setting, (mode) => applied.push(mode), () => undefined);
    stored.change('always');
    stored.answerRead('while-devtools-open');
    await settle();
    expect(applied).toEqual(['always']);
    stop();
    stored.change('while-devtools-open');
    expect(applied).toEqual(['always']);
  });

  it('reports a read that fails', async () => {
    const stored = storedSetting();
    const errors: unknown[] = [];
    followCaptureMode(stored.setting, () => undefined, (error) => errors.push(error));
    stored.failRead(new Error('storage gone'));
    await settle();
    expect(errors).toHaveLength(1);
  });
});

describe('ListeningSwitch', () => {
  it('listens from the start, and keeps listening while the mode is not read yet', () => {
    const { captureSwitch, calls, advance } = harness();
    advance(60_000);
    expect(captureSwitch.state).toEqual({ mode: undefined, watchers: 0, listening: true });
    expect(calls).toEqual([]);
  });

  it('never stops in "always", whoever comes and goes', () => {
    const { captureSwitch, calls, advance } = harness();
    captureSwitch.setMode('always');
    captureSwitch.watcherOpened();
    captureSwitch.watcherClosed();
    advance(60_000);
    expect(calls).toEqual([]);
    expect(captureSwitch.state.listening).toBe(true);
  });

  it('stops a grace period after the mode says so with nobody watching, not before', () => {
    const { captureSwitch, calls, advance } = harness(2_000);
    captureSwitch.setMode('while-devtools-open');
    advance(1_999);
    expect(calls).toEqual([]);
    advance(1);
    expect(calls).toEqual(['stop']);
    expect(captureSwitch.state).toEqual({ mode: 'while-devtools-open', watchers: 0, listening: false });
  });

  it('keeps listening when a DevTools window reconnects within the grace period (a worker woken by an event, then by the window)', () => {
    const { captureSwitch, calls, advance } = harness(2_000);
    captureSwitch.setMode('while-devtools-open');
    advance(50);
    captureSwitch.watcherOpened();
    advance(10_000);
    expect(calls).toEqual([]);
    captureSwitch.watcherClosed();
    advance(2_000);
    expect(calls).toEqual(['stop']);
  });

  it('starts again at once when a window opens, and stops only after the last of several closes', () => {
    const { captureSwitch, calls, advance } = harness(2_000);
    captureSwitch.setMode('while-devtools-open');
    advance(2_000);
    captureSwitch.watcherOpened();
    expect(calls).toEqual(['stop', 'start']);
    captureSwitch.watcherOpened();
    captureSwitch.watcherClosed();
    advance(5_000);
    expect(calls).toEqual(['stop', 'start']);
    captureSwitch.watcherClosed();
    advance(2_000);
    expect(calls).toEqual(['stop', 'start', 'stop']);
  });

  it('starts again when the mode goes back to "always", and a pending stop is dropped', () => {
    const { captureSwitch, calls, advance } = harness(2_000);
    captureSwitch.setMode('while-devtools-open');
    advance(1_000);
    captureSwitch.setMode('always');
    advance(5_000);
    expect(calls).toEqual([]);
    captureSwitch.setMode('while-devtools-open');
    advance(2_000);
    captureSwitch.setMode('always');
    expect(calls).toEqual(['stop', 'start']);
  });

  it('starts off when its listeners were not registered at the start, and comes on for a watcher even before the mode is read', () => {
    const calls: string[] = [];
    const timers = { setTimeout: () => 0, clearTimeout: () => undefined };
    const captureSwitch = new ListeningSwitch({ start: () => calls.push('start'), stop: () => calls.push('stop') }, { graceMs: 2_000, timers, listeningAtStart: false });
    expect(captureSwitch.state.listening).toBe(false);
    captureSwitch.setMode('while-devtools-open');
    expect(calls).toEqual([]);
    captureSwitch.watcherOpened();
    expect(calls).toEqual(['start']);

    const unread = new ListeningSwitch({ start: () => calls.push('start 2'), stop: () => undefined }, { graceMs: 2_000, timers, listeningAtStart: false });
    unread.watcherOpened();
    expect(calls).toEqual(['start', 'start 2']);
  });

  it('does not count below zero when a close comes without its open (a port of a previous worker)', () => {
    const { captureSwitch, calls, advance } = harness(2_000);
    captureSwitch.setMode('while-devtools-open');
    captureSwitch.watcherClosed();
    captureSwitch.watcherOpened();
    advance(5_000);
    expect(calls).toEqual([]);
    expect(captureSwitch.state.watchers).toBe(1);
  });
});

describe('ListeningSwitch with requests in flight', () => {
  it('waits for them to end before it stops, a grace period at a time', () => {
    let inFlight = true;
    const { captureSwitch, calls, advance } = harness(2_000, () => inFlight);
    captureSwitch.setMode('while-devtools-open');
    advance(10_000);
    expect(calls).toEqual([]);
    inFlight = false;
    advance(2_000);
    expect(calls).toEqual(['stop']);
  });

  it('stops after the longest wait even with a request still in flight (a long poll)', () => {
    const { captureSwitch, calls, advance } = harness(2_000, () => true);
    captureSwitch.setMode('while-devtools-open');
    advance(59_999);
    expect(calls).toEqual([]);
    advance(1);
    expect(calls).toEqual(['stop']);
  });
});

describe('CaptureService.hasRequestsInFlight', () => {
  it('holds from a request seen starting until its end', () => {
    const service = new CaptureService(memoryPersistence(), {});
    const s = new SequenceBuilder();
    const ingest = (): void => {
      for (const event of parseFixtureEvents(s.events.splice(0))) service.ingest(event);
    };
    expect(service.hasRequestsInFlight()).toBe(false);
    s.start('1', 'GET', '/poll').send('1', 'GET', '/poll');
    ingest();
    expect(service.hasRequestsInFlight()).toBe(true);
    s.respond('1', 'GET', '/poll').complete('1', 'GET', '/poll');
    ingest();
    expect(service.hasRequestsInFlight()).toBe(false);
  });
});

describe('CaptureService.stoppedListening', () => {
  const json = { 'Content-Type': 'application/json' };

  it('forgets a long poll cut off by the listeners coming off, so a later preflight pairs with its own request', () => {
    const service = new CaptureService(memoryPersistence(), {});
    const s = new SequenceBuilder();
    const ingest = (): void => {
      for (const event of parseFixtureEvents(s.events.splice(0))) service.ingest(event);
    };
    // Poll A fills the preflight cache; poll B, sent on that cache, is never answered while the capture listens.
    s.start('a', 'POST', '/poll').preflight('a-pre', '/poll', 'POST', 'content-type').finish('a', 'POST', '/poll', json);
    s.start('b', 'POST', '/poll').send('b', 'POST', '/poll', json);
    ingest();
    expect(service.hasRequestsInFlight()).toBe(true);

    service.stoppedListening();
    expect(service.hasRequestsInFlight()).toBe(false);

    // Later, with DevTools open again and the cache expired: poll C with a new preflight. Left in
    // flight, B (its headers seen) would be the better candidate for that preflight.
    s.start('c', 'POST', '/poll').preflight('c-pre', '/poll', 'POST', 'content-type').finish('c', 'POST', '/poll', json);
    ingest();
    const listed = exchangesOf(service, s.tabId);
    expect(pairing(listed)).toEqual({ a: ['a-pre'], c: ['c-pre'] });
    expect(listed.map((e) => e.state)).toEqual(['complete', 'complete']);
  });
});

/** What a panel subscribing to the tab would be sent first. */
function exchangesOf(service: CaptureService, tabId: number): Exchange[] {
  let listed: Exchange[] = [];
  const stop = service.subscribe(tabId, (message) => {
    if (message.type === 'snapshot') listed = [...message.exchanges];
  });
  stop();
  return listed;
}
