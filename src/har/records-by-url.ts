import type { HarRecord } from './har-record';

/** The records `keep` accepts, grouped by URL; each list in the records' order. */
export function recordsByUrl(records: readonly HarRecord[], keep: (record: HarRecord) => boolean): ReadonlyMap<string, readonly HarRecord[]> {
  const byUrl = new Map<string, HarRecord[]>();
  for (const record of records) {
    if (!keep(record)) continue;
    const list = byUrl.get(record.url);
    if (list === undefined) byUrl.set(record.url, [record]);
    else list.push(record);
  }
  return byUrl;
}
