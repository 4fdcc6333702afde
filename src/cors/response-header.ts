import { isHttpTabOrSpace, isHttpToken, trimTabOrSpace } from './http-bytes';

/** Whether `s` from `start` on reads `lowerName`, ASCII-case-insensitively (the caller checks the length). */
function equalsLowercaseAt(s: string, start: number, lowerName: string): boolean {
  for (let i = 0; i < lowerName.length; i++) {
    let c = s.charCodeAt(start + i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether a comma-separated list holds `lowerToken` (byte-case-insensitive, tabs and spaces trimmed). */
export function listHasToken(list: string | null, lowerToken: string): boolean {
  if (list === null) return false;
  let start = 0;
  for (let i = 0; i <= list.length; i++) {
    if (i < list.length && list.charCodeAt(i) !== 0x2c) continue;
    let a = start;
    let b = i;
    while (a < b && isHttpTabOrSpace(list.charCodeAt(a))) a++;
    while (b > a && isHttpTabOrSpace(list.charCodeAt(b - 1))) b--;
    if (b - a === lowerToken.length && equalsLowercaseAt(list, a, lowerToken)) return true;
    start = i + 1;
  }
  return false;
}

/**
 * Parse an Access-Control-Allow-Methods or -Headers value as Chromium does
 * (net::HttpUtil::ValuesIterator, then each value must be a token): split on commas, trim tabs and
 * spaces, skip empty values. Null when a value is not a token (the whole list is then invalid).
 * @see https://fetch.spec.whatwg.org/#http-new-header-syntax
 */
export function parseAllowList(value: string | null, lowercase: boolean): readonly string[] | null {
  if (value === null) return EMPTY;
  // Servers repeat the same lists on every preflight: parse each once.
  const cache = lowercase ? lowercaseLists : caseLists;
  const hit = cache.get(value);
  if (hit !== undefined) return hit;
  if (cache.size >= 256) cache.clear();
  const parsed = parseList(value, lowercase);
  cache.set(value, parsed);
  return parsed;
}

const EMPTY: readonly string[] = Object.freeze([]);
const caseLists = new Map<string, readonly string[] | null>();
const lowercaseLists = new Map<string, readonly string[] | null>();

function parseList(value: string, lowercase: boolean): readonly string[] | null {
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
  return Object.freeze(out);
}

/** A redirect status the browser follows (301, 302, 303, 307, 308) when a non-empty Location comes with it; 300 is not one. */
export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The first non-empty item of a comma-separated list that is not a token (what Firefox names), or ''. */
export function firstInvalidItem(value: string | null): string {
  for (const part of (value ?? '').split(',')) {
    const item = trimTabOrSpace(part);
    if (item !== '' && !isHttpToken(item)) return item;
  }
  return '';
}
