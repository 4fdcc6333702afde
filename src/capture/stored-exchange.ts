import type { Exchange, ResponseRecord } from './exchange';
import type { HeaderList } from './header-list';
import { copyExchange, copyPreflightRecord } from './new-exchange';
import { isRecord } from '../protocol/exchange-shape';

/**
 * The text a settled exchange is stored as in `storage.session`, which counts a string at its
 * length (an object at about three times its JSON). Its diagnosis is left out: it is most of its
 * size, and computed again on restore.
 *
 * Every header is written once. A preflight repeats most of its request's headers (User-Agent,
 * Origin, Referer, Sec-Fetch-*, Accept-*), a preflight's response most of the actual response's
 * (Date, Vary, Access-Control-Allow-Origin, ...): each header list is stored as indexes into one
 * table of the exchange's distinct headers. Lossless; a preflighted exchange recorded in Chromium
 * went from 2,393 to 1,923 bytes (see docs/benchmarks.md for the figures over the bench's stream).
 */
export const storedExchangeVersion = 1;

interface StoredResponse extends Omit<ResponseRecord, 'headers'> {
  readonly headers: readonly number[];
}

/** What is stored: the header table `h`, and the exchange `x` with each header list as indexes. */
interface StoredExchange {
  readonly v: typeof storedExchangeVersion;
  readonly h: ReadonlyArray<readonly [string, string]>;
  readonly x: unknown;
}

export function encodeExchange(exchange: Exchange): string {
  const table = new HeaderTable();
  // Copies by field literal, then the header lists replaced: a spread costs ~4 us in Node 20's V8.
  const x: Record<string, unknown> = copyExchange(exchange);
  x['diagnosis'] = null;
  x['requestHeaders'] = exchange.requestHeaders === null ? null : table.refs(exchange.requestHeaders);
  const preflights: Array<Record<string, unknown>> = [];
  for (const preflight of exchange.preflights) {
    const stored: Record<string, unknown> = copyPreflightRecord(preflight);
    stored['requestHeaders'] = table.refs(preflight.requestHeaders);
    stored['response'] = storedResponse(table, preflight.response);
    preflights.push(stored);
  }
  x['preflights'] = preflights;
  x['response'] = storedResponse(table, exchange.response);
  const stored: StoredExchange = { v: storedExchangeVersion, h: table.headers, x };
  return JSON.stringify(stored);
}

function storedResponse(table: HeaderTable, record: ResponseRecord | null): StoredResponse | null {
  return record === null ? null : { status: record.status, statusLine: record.statusLine, headers: table.refs(record.headers), time: record.time };
}

/** Above this many distinct headers, an exchange's table is indexed by name and value instead of scanned. */
const SCANNED_HEADERS = 32;

/**
 * An exchange's distinct headers, each at the index of its first appearance. An exchange has a
 * few dozen distinct headers, so a header is looked for by scanning the table: the Map of Maps
 * this replaced (by name, then value) was a fifth of the pipeline's allocations and ~4 us an
 * exchange. A table that grows past {@link SCANNED_HEADERS} (a server sending hundreds of
 * headers) gets that index, so the encoding stays linear in the number of headers.
 */
class HeaderTable {
  readonly headers: Array<readonly [string, string]> = [];
  #index: Map<string, Map<string, number>> | undefined;

  refs(list: HeaderList): number[] {
    const refs: number[] = [];
    for (let i = 0; i < list.length; i++) refs.push(this.#indexOf(list[i] as HeaderList[number]));
    return refs;
  }

  #indexOf(header: HeaderList[number]): number {
    const headers = this.headers;
    if (this.#index !== undefined) return this.#indexed(this.#index, header);
    const name = header[0];
    const value = header[1];
    for (let i = 0; i < headers.length; i++) {
      const seen = headers[i] as HeaderList[number];
      if (seen === header || (seen[0] === name && seen[1] === value)) return i;
    }
    if (headers.length < SCANNED_HEADERS) return headers.push(header) - 1;
    const index = new Map<string, Map<string, number>>();
    for (let i = 0; i < headers.length; i++) {
      const seen = headers[i] as HeaderList[number];
      let byValue = index.get(seen[0]);
      if (byValue === undefined) index.set(seen[0], (byValue = new Map()));
      byValue.set(seen[1], i);
    }
    this.#index = index;
    return this.#indexed(index, header);
  }

  /** The header's index by name then value (no key string built per header), added when new. */
  #indexed(index: Map<string, Map<string, number>>, header: HeaderList[number]): number {
    let byValue = index.get(header[0]);
    if (byValue === undefined) index.set(header[0], (byValue = new Map()));
    let at = byValue.get(header[1]);
    if (at === undefined) {
      at = this.headers.push(header) - 1;
      byValue.set(header[1], at);
    }
    return at;
  }
}

/**
 * The exchange a stored text holds, still to be checked as one (`undefined` for text that is not
 * JSON or whose header indexes do not resolve). Text without a version is an exchange as the
 * previous version stored it: plain JSON.
 */
export function decodeExchange(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || !('v' in parsed)) return parsed;
  if (parsed['v'] !== storedExchangeVersion || !isHeaderTable(parsed['h']) || !isRecord(parsed['x'])) return undefined;
  const table = parsed['h'];
  const x = parsed['x'];
  const deref = (list: unknown): HeaderList | undefined => {
    if (!Array.isArray(list)) return undefined;
    const headers: Array<readonly [string, string]> = [];
    for (const index of list as unknown[]) {
      const header = typeof index === 'number' ? table[index] : undefined;
      if (header === undefined) return undefined;
      headers.push(header);
    }
    return headers;
  };
  const response = (record: unknown): unknown => {
    if (record === null || !isRecord(record)) return record;
    const headers = deref(record['headers']);
    return headers === undefined ? undefined : { ...record, headers };
  };
  const requestHeaders = x['requestHeaders'] === null ? null : deref(x['requestHeaders']);
  const preflights = Array.isArray(x['preflights'])
    ? (x['preflights'] as unknown[]).map((p) => (isRecord(p) ? { ...p, requestHeaders: deref(p['requestHeaders']), response: response(p['response']) } : p))
    : x['preflights'];
  if (requestHeaders === undefined || (Array.isArray(preflights) && preflights.some((p) => isRecord(p) && (p['requestHeaders'] === undefined || p['response'] === undefined)))) return undefined;
  const decodedResponse = response(x['response']);
  if (decodedResponse === undefined) return undefined;
  return { ...x, requestHeaders, preflights, response: decodedResponse };
}

function isHeaderTable(value: unknown): value is ReadonlyArray<readonly [string, string]> {
  return Array.isArray(value) && value.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string');
}
