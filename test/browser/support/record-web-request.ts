import type { Worker } from 'playwright-core';
import type { WebRequestEventName } from '../../../src/capture/web-request-event';

/** One webRequest callback as the browser made it: the event's name and its raw `details`. */
export interface RecordedEvent {
  readonly event: WebRequestEventName;
  readonly details: Record<string, unknown>;
}

/** Raw webRequest listeners added to the extension's service worker, collecting what they see. */
export interface WebRequestRecorder {
  /** Everything recorded since the last `take()`, in callback order; empties the buffer. */
  take(): Promise<RecordedEvent[]>;
  /** Waits until every request seen has ended (completed or error) and nothing arrived for `quietMs`. */
  settle(quietMs?: number, timeoutMs?: number): Promise<void>;
}

/**
 * Adds one raw listener per webRequest event the extension uses, with the same extraInfoSpec
 * (`extraHeaders` on Chrome, so preflights and `Origin` are visible), in the extension's own
 * service worker. The listeners live as long as that worker: a restarted worker records nothing.
 */
export async function recordWebRequest(worker: Worker): Promise<WebRequestRecorder> {
  await worker.evaluate(installListeners);
  return bufferedRecorder(() => worker.evaluate<RecordedEvent[]>('globalThis.__webRequestLog.splice(0)'));
}

/** A recorder over a source of newly recorded events (the browser-specific part). */
export function bufferedRecorder(fetchFresh: () => Promise<RecordedEvent[]>): WebRequestRecorder {
  let seen: RecordedEvent[] = [];
  const fetchNew = async (): Promise<void> => {
    seen = seen.concat(await fetchFresh());
  };
  return {
    async take() {
      await fetchNew();
      const taken = seen;
      seen = [];
      return taken;
    },
    async settle(quietMs = 150, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let lastCount = -1;
      for (;;) {
        await fetchNew();
        if (seen.length === lastCount && allEnded(seen)) return;
        lastCount = seen.length;
        if (Date.now() > deadline) return;
        await new Promise((done) => setTimeout(done, quietMs));
      }
    },
  };
}

/**
 * Plain JavaScript evaluated in the worker (a string, so no transpiler helper leaks into it).
 * Idempotent: a second call in the same worker adds nothing.
 */
const installListeners = `(() => {
  if (globalThis.__webRequestLog !== undefined) return;
  const log = (globalThis.__webRequestLog = []);
  const webRequest = chrome.webRequest;
  const extra = webRequest.OnBeforeSendHeadersOptions?.EXTRA_HEADERS === undefined ? [] : ['extraHeaders'];
  const filter = { urls: ['http://*/*', 'https://*/*'] };
  const specs = {
    onBeforeRequest: [],
    onSendHeaders: ['requestHeaders', ...extra],
    onHeadersReceived: ['responseHeaders', ...extra],
    onBeforeRedirect: ['responseHeaders', ...extra],
    onCompleted: ['responseHeaders', ...extra],
    onErrorOccurred: extra,
  };
  for (const [name, spec] of Object.entries(specs)) {
    const listener = (details) => void log.push({ event: name, details });
    if (spec.length === 0) webRequest[name].addListener(listener, filter);
    else webRequest[name].addListener(listener, filter, spec);
  }
})()`;

function allEnded(events: readonly RecordedEvent[]): boolean {
  const open = new Set<unknown>();
  for (const { event, details } of events) {
    if (event === 'onBeforeRequest') open.add(details['requestId']);
    if (event === 'onCompleted' || event === 'onErrorOccurred') open.delete(details['requestId']);
  }
  return open.size === 0;
}
