import type { HarRecord } from './har-record';
import { recordsByUrl } from './records-by-url';

/**
 * HAR writes each hop of a redirected request as its own entry; webRequest keeps one requestId
 * across the hops, which this finds again.
 *
 * A hop continues a 3xx entry when it requests the redirect target, started no earlier, with the
 * same method (or GET, after a 301/302 of a POST or any 303), and continues no other entry. The
 * earliest such entry is taken. Preflights are never chained: a redirected preflight fails.
 */
export function linkRedirects(records: readonly HarRecord[]): RedirectChains {
  const heads = new Map<number, number>();
  const continued = new Set<number>();
  const byUrl = recordsByUrl(records, (r) => r.role === 'request');
  const claimed = new Set<number>();
  // Records arrive sorted by start: each URL's list is in start order, and a cursor skips claimed hops.
  const cursors = new Map<string, number>();
  for (const record of records) {
    if (record.role !== 'request' || record.redirectUrl === null) continue;
    const list = byUrl.get(record.redirectUrl);
    if (list === undefined) continue;
    let cursor = cursors.get(record.redirectUrl) ?? 0;
    while (cursor < list.length && claimed.has(list[cursor]?.index ?? -1)) cursor++;
    cursors.set(record.redirectUrl, cursor);
    for (let i = cursor; i < list.length; i++) {
      const next = list[i];
      if (next === undefined || claimed.has(next.index) || next.index === record.index) continue;
      if (next.times.start < record.times.start || !methodAfterRedirect(record, next.method)) continue;
      claimed.add(next.index);
      heads.set(next.index, heads.get(record.index) ?? record.index);
      continued.add(record.index);
      break;
    }
  }
  return { heads, continued };
}

export interface RedirectChains {
  /** A later hop's record index to its chain's first hop. */
  readonly heads: ReadonlyMap<number, number>;
  /** Records whose redirect another record follows. */
  readonly continued: ReadonlySet<number>;
}

/** @see https://fetch.spec.whatwg.org/#http-redirect-fetch (step 12: POST becomes GET after 301/302, anything but HEAD after 303) */
function methodAfterRedirect(record: HarRecord, method: string): boolean {
  if (method === record.method) return true;
  if (method !== 'GET') return false;
  return record.status === 303 ? record.method !== 'HEAD' : (record.status === 301 || record.status === 302) && record.method === 'POST';
}
