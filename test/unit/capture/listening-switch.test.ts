import { describe, expect, it } from 'vitest';
import { parseCaptureMode } from '../../../src/capture/capture-mode';
import { CaptureService } from '../../../src/capture/capture-service';
import { ListeningSwitch } from '../../../src/capture/listening-switch';
import { memoryPersistence, parseFixtureEvents } from './replay-events';
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
