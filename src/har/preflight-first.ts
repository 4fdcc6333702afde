import { getHeader } from '../capture/header-list';
import { corsBlockError } from '../capture/cors-block-error';
import { JUST_AFTER, type HarRecord } from './har-record';
import { recordsByUrl } from './records-by-url';

/**
 * How long after a request's start its preflight may start, for the two to be read as one
 * (Firefox's export dates the request a few milliseconds before its OPTIONS entry).
 */
const PREFLIGHT_WINDOW_MS = 2000;

/**
 * Puts each request whose HAR entry ends before its own preflight starts after that preflight.
 *
 * Firefox's export dates a preflighted request from when fetch() created it, a few milliseconds
 * before its OPTIONS entry, but its timings cover only its own exchange, sent after the
 * preflight: replayed as they are, the request has ended before its preflight starts, and
 * nothing pairs. Each preflight (in start order) goes to the earliest request for the same URL
 * and its Access-Control-Request-Method that started no later, within a few seconds, and that
 * no earlier preflight took. When that request's span already holds the preflight's start
 * (Chrome's export), nothing moves; otherwise its send, response head and end move after the
 * preflight's end, its durations kept.
 *
 * A request Firefox's preflight stopped is an entry with status 0, empty timings and no error
 * field: it keeps its start and headers (Firefox shows them before the preflight), and ends after
 * the preflight with Firefox's CORS error, so the core diagnoses it from that preflight.
 *
 * Requests whose headers are provisional (Chrome's never-sent requests) are left to
 * {@link blockedEndTimes}. Returns the records in the same order, changed ones replaced.
 */
export function placeAfterPreflights(records: readonly HarRecord[]): HarRecord[] {
  const requestsByUrl = recordsByUrl(records, (r) => r.role === 'request' && r.requestHeaders !== null);
  const claimed = new Set<number>();
  const moved = new Map<number, HarRecord>();
  for (const preflight of records) {
    if (preflight.role !== 'preflight') continue;
    const method = getHeader(preflight.requestHeaders ?? [], 'access-control-request-method');
    if (method === undefined) continue;
    const start = preflight.times.start;
    const request = (requestsByUrl.get(preflight.url) ?? []).find(
      (r) => !claimed.has(r.index) && r.method === method && r.times.start <= start && start - r.times.start <= PREFLIGHT_WINDOW_MS,
    );
    if (request === undefined) continue;
    claimed.add(request.index);
    if (request.times.end >= start) continue;
    moved.set(request.index, after(request, preflight.times.end + JUST_AFTER));
  }
  return moved.size === 0 ? records.slice() : records.map((r) => moved.get(r.index) ?? r);
}

function after(request: HarRecord, time: number): HarRecord {
  const { times } = request;
  if (request.status === 0 && request.error === null) {
    return { ...request, error: corsBlockError.firefox, times: { ...times, end: Math.max(times.end, time) } };
  }
  const delta = Math.max(0, time - times.send);
  return { ...request, times: { start: times.start, send: times.send + delta, headers: times.headers + delta, end: times.end + delta } };
}
