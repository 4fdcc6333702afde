import { getHeader } from '../capture/header-list';
import { JUST_AFTER, type HarRecord } from './har-record';
import { recordsByUrl } from './records-by-url';

/**
 * When a request that was never sent (stopped by its preflight) ended, as the event order needs it.
 *
 * Chrome's export ends such a request when its preflight's response head was checked, but the
 * preflight entry's own timings run on to the end of its body, and its `blocked` phase is not
 * always inside the request's span: replayed as they are, the request's error can come before
 * its preflight was even sent, and nothing would pair them. The browser ended it after the
 * preflight, so its end is moved after the end of every preflight for the same URL and method
 * that started while it was waiting. Only the time moves; the pairing engine still pairs.
 */
export function blockedEndTimes(records: readonly HarRecord[]): Map<number, number> {
  const preflightsByUrl = recordsByUrl(records, (r) => r.role === 'preflight');
  const ends = new Map<number, number>();
  for (const record of records) {
    if (record.role !== 'request' || record.requestHeaders !== null) continue;
    let end = record.times.end;
    for (const preflight of preflightsByUrl.get(record.url) ?? []) {
      const { start } = preflight.times;
      if (start < record.times.start || start > record.times.end) continue;
      if (getHeader(preflight.requestHeaders ?? [], 'access-control-request-method') !== record.method) continue;
      end = Math.max(end, preflight.times.end + JUST_AFTER);
    }
    if (end !== record.times.end) ends.set(record.index, end);
  }
  return ends;
}
