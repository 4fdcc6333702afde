import type { WebRequestEvent } from '../capture/web-request-event';
import { blockedEndTimes } from './blocked-end-time';
import type { HarRecord } from './har-record';

/** What the HAR cannot say, given the values live capture would have. */
export const HAR_TAB_ID = 0;
export const HAR_FRAME_ID = 0;

/**
 * The webRequest events a browser would have fired for these records, in time order, for the
 * same pairing engine as live capture:
 * - each entry: before-request at its start; send-headers when its head went out (not for a
 *   request whose HAR headers are provisional: it was never sent); headers-received when a
 *   response head arrived; then redirect (a hop that another entry continues), error (the
 *   browser's error, or no response at all) or completed; a request never sent ends after its
 *   preflight ({@link blockedEndTimes});
 * - the hops of one redirected request share the first hop's requestId ({@link linkRedirects});
 * - the requestId is the first hop's index in `log.entries`, so an exchange's id `0:12` points at
 *   entry 12; every request is in tab 0, frame 0 (a HAR has neither).
 * Events with the same time keep the entries' start order, and each entry's own order.
 */
export function harEvents(records: readonly HarRecord[], heads: ReadonlyMap<number, number>, initiatorOf: (record: HarRecord) => string | undefined, continued: ReadonlySet<number>): WebRequestEvent[] {
  const timed: Array<{ readonly time: number; readonly event: WebRequestEvent }> = [];
  const blockedEnds = blockedEndTimes(records);
  for (const record of records) {
    const head = heads.get(record.index) ?? record.index;
    const base = {
      requestId: String(head),
      tabId: HAR_TAB_ID,
      frameId: HAR_FRAME_ID,
      url: record.url,
      method: record.method,
      type: record.type,
      initiator: initiatorOf(record),
    };
    const { times } = record;
    timed.push({ time: times.start, event: { ...base, kind: 'before-request', timeStamp: times.start } });
    if (record.requestHeaders !== null) timed.push({ time: times.send, event: { ...base, kind: 'send-headers', timeStamp: times.send, requestHeaders: record.requestHeaders } });
    if (record.status > 0) {
      timed.push({
        time: times.headers,
        event: { ...base, kind: 'headers-received', timeStamp: times.headers, statusCode: record.status, statusLine: record.statusLine, responseHeaders: record.responseHeaders },
      });
    }
    const end = blockedEnds.get(record.index) ?? times.end;
    timed.push({ time: end, event: endEvent(record, base, end, continued.has(record.index)) });
  }
  // Array.prototype.sort is stable: ties keep the order above.
  timed.sort((a, b) => a.time - b.time);
  return timed.map((t) => t.event);
}

type EventBase = Omit<WebRequestEvent, 'kind' | 'timeStamp'>;

function endEvent(record: HarRecord, base: EventBase, timeStamp: number, redirected: boolean): WebRequestEvent {
  if (redirected && record.redirectUrl !== null) {
    return { ...base, kind: 'redirect', timeStamp, statusCode: record.status, redirectUrl: record.redirectUrl, responseHeaders: record.responseHeaders };
  }
  if (record.error !== null) return { ...base, kind: 'error', timeStamp, error: record.error };
  if (record.status === 0) return { ...base, kind: 'error', timeStamp, error: NO_RESPONSE };
  return { ...base, kind: 'completed', timeStamp, statusCode: record.status, responseHeaders: record.responseHeaders, fromCache: record.fromCache };
}

/** The error of an entry without a response and without an error: the HAR does not say what happened. */
export const NO_RESPONSE = 'no response in the HAR';
