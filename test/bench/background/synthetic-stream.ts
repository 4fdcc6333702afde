import type { WebRequestEventName } from '../../../src/capture/web-request-event';
import { PAGE, scriptFor, type ExchangeScript } from './exchange-scripts';

/** One recorded-style event: the webRequest event's name and the details Chrome would pass. */
export interface StreamEvent {
  readonly event: WebRequestEventName;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface SyntheticStream {
  readonly events: readonly StreamEvent[];
  /** Cross-origin exchanges in it (what the capture should list). */
  readonly exchanges: number;
  /** Requests that are not CORS (same-origin, no-cors), which it should skip. */
  readonly otherRequests: number;
}

export interface StreamOptions {
  readonly exchanges: number;
  /** Scripts in flight at once; their events interleave at random (default 12). */
  readonly concurrency?: number;
  readonly tabId?: number;
  readonly seed?: number;
}

/**
 * Events of `exchanges` cross-origin exchanges (and the non-CORS traffic around them), as Chrome
 * fires them: each exchange's events in Chrome's order (a preflight between its request's
 * onBeforeRequest and onSendHeaders), exchanges interleaved, requestIds handed out in
 * onBeforeRequest order, so preflight and request ids interleave as in the recorded fixtures.
 */
export function syntheticStream(options: StreamOptions): SyntheticStream {
  const concurrency = options.concurrency ?? 12;
  const tabId = options.tabId ?? 7;
  const random = mulberry32(options.seed ?? 1);
  const events: StreamEvent[] = [];
  let nextScript = 0;
  let exchanges = 0;
  let otherRequests = 0;
  let nextId = 1000;
  let time = 1_763_776_000_000;
  interface Running { readonly script: ExchangeScript; at: number; readonly ids: { actual?: string; preflight?: string } }
  const running: Running[] = [];
  const start = (): void => {
    const script = scriptFor(nextScript++);
    if (script.exchange) exchanges += 1;
    else otherRequests += 1;
    running.push({ script, at: 0, ids: {} });
  };
  while (exchanges < options.exchanges || running.length > 0) {
    while (running.length < concurrency && exchanges < options.exchanges) start();
    const index = Math.floor(random() * running.length);
    const current = running[index];
    if (current === undefined) break;
    const step = current.script.steps[current.at];
    if (step === undefined) throw new Error(`script ${current.script.name} ran out of steps`);
    let id = current.ids[step.of];
    if (id === undefined) current.ids[step.of] = id = String(nextId++);
    time += 0.05 + random() * 0.2;
    events.push({
      event: step.event,
      details: {
        documentId: '5BB0B4E6A6C2C94B8F1B0D9B1E2A3C4D',
        documentLifecycle: 'active',
        frameId: 0,
        frameType: 'outermost_frame',
        initiator: PAGE,
        method: step.method,
        parentFrameId: -1,
        requestId: id,
        tabId,
        timeStamp: Math.round(time * 100) / 100,
        type: step.type,
        url: step.url,
        ...step.extra,
      },
    });
    current.at += 1;
    if (current.at === current.script.steps.length) running.splice(index, 1);
  }
  return { events, exchanges, otherRequests };
}

/** A small seeded PRNG, so every run replays the same stream. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
