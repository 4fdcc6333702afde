import { isHttpToken, trimTabOrSpace } from './http-bytes';
import type { HeaderLines } from './types';

function equalsLowercase(name: string, lowerName: string): boolean {
  if (name.length !== lowerName.length) return false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * A response header's value as the browser reads it: every line with that name (byte-case-
 * insensitive), each trimmed of tabs and spaces, joined with ", "; null when there is none.
 * This is Chromium's HttpResponseHeaders::GetNormalizedHeader and the standard's "get".
 * @see https://fetch.spec.whatwg.org/#concept-header-list-get
 */
export function getResponseHeader(headers: HeaderLines | null | undefined, lowerName: string): string | null {
  if (!Array.isArray(headers)) return null;
  let value: string | null = null;
  for (let i = 0; i < headers.length; i++) {
    const line: unknown = headers[i];
    if (!Array.isArray(line) || line.length < 2) continue;
    const name: unknown = line[0];
    if (typeof name !== 'string' || !equalsLowercase(name, lowerName)) continue;
    const raw: unknown = line[1];
    const v = trimTabOrSpace(typeof raw === 'string' ? raw : String(raw));
    value = value === null ? v : `${value}, ${v}`;
  }
  return value;
}

/** Whether any header name starts with `lowerPrefix`. */
export function hasResponseHeaderPrefix(headers: HeaderLines | null | undefined, lowerPrefix: string): boolean {
  if (!Array.isArray(headers)) return false;
  for (const line of headers as unknown[]) {
    if (Array.isArray(line) && typeof line[0] === 'string' && line[0].toLowerCase().startsWith(lowerPrefix)) return true;
  }
  return false;
}

/**
 * Parse an Access-Control-Allow-Methods or -Headers value as Chromium does
 * (net::HttpUtil::ValuesIterator, then each value must be a token): split on commas, trim tabs and
 * spaces, skip empty values. Null when a value is not a token (the whole list is then invalid).
 * @see https://fetch.spec.whatwg.org/#http-new-header-syntax
 */
export function parseAllowList(value: string | null, lowercase: boolean): string[] | null {
  if (value === null) return [];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) !== 0x2c) continue;
    const item = trimTabOrSpace(value.slice(start, i));
    start = i + 1;
    if (item === '') continue;
    if (!isHttpToken(item)) return null;
    out.push(lowercase ? item.toLowerCase() : item);
  }
  return out;
}

/** Whether the status is a redirect the browser follows (301, 302, 303, 307, 308) and a non-empty Location is present. */
export function isRedirect(status: number, headers: HeaderLines | null | undefined): boolean {
  if (status !== 301 && status !== 302 && status !== 303 && status !== 307 && status !== 308) return false;
  const location = getResponseHeader(headers, 'location');
  return location !== null && location !== '';
}
