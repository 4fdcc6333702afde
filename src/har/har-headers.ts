import type { Header } from 'har-format';
import { getHeader, hasHeader, splitHeaderNames, type HeaderList } from '../capture/header-list';
import type { HarRecord } from './har-record';

/** A HAR header array as a header list; returns how many items were not headers at all. */
export function readHarHeaders(raw: unknown): { readonly headers: HeaderList; readonly odd: number } {
  if (!Array.isArray(raw)) return { headers: [], odd: raw === undefined || raw === null ? 0 : 1 };
  const headers: Array<readonly [string, string]> = [];
  let odd = 0;
  for (const item of raw as unknown[]) {
    const name = typeof item === 'object' && item !== null ? (item as Record<keyof Header, unknown>).name : undefined;
    const value = typeof item === 'object' && item !== null ? (item as Record<keyof Header, unknown>).value : undefined;
    if (typeof name !== 'string' || name === '') {
      odd++;
      continue;
    }
    const text = headerValueText(value);
    if (text === undefined) odd++;
    else headers.push([name, text]);
  }
  return { headers, odd };
}

/** Header values are text; a number or boolean some tools write is read as its text, nothing else is. */
function headerValueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return '';
  return undefined;
}

/**
 * Firefox adds a `Priority` header (RFC 9218, `u=4` for fetch()) to the requests it sends: the
 * page did not set it and it never causes a preflight, but the core does not know it as a
 * browser header, and would read it as a CORS-unsafe header the page set. For a Firefox HAR it
 * is dropped from the sent headers, unless a preflight for the same URL names `priority` in its
 * Access-Control-Request-Headers (then the page did set it).
 */
export function withoutFirefoxPriority(records: readonly HarRecord[]): HarRecord[] {
  const askedFor = new Set<string>();
  for (const record of records) {
    if (record.role !== 'preflight') continue;
    if (splitHeaderNames(getHeader(record.requestHeaders ?? [], 'access-control-request-headers')).includes('priority')) askedFor.add(record.url);
  }
  return records.map((record) => {
    const sent = record.requestHeaders;
    if (sent === null || record.role === 'preflight' || askedFor.has(record.url) || !hasHeader(sent, 'priority')) return record;
    return { ...record, requestHeaders: sent.filter(([name]) => name.toLowerCase() !== 'priority') };
  });
}
