import type { BrowserProfile } from './browser-profile';
import { isForbiddenRequestHeader } from './forbidden-request-header';
import { isHttpToken, isHttpWhitespace } from './http-bytes';
import { safelistRule, type ValueRule } from './safelisted-request-header';

/** One header as the browser checks it: lowercase name, value (joined when Chromium joins repeats). */
export interface RequestHeader {
  readonly name: string;
  value: string;
  /** How many author entries it stands for (2+ when repeated). */
  count: number;
  /** How the browser checks its value if the name is CORS-safelisted; null when it is not. */
  readonly safelist: ValueRule | null;
}

export interface HeaderListProblem {
  readonly kind: 'header-name' | 'header-value' | 'header-entry';
  /** The name (and value) at fault, as given. */
  readonly name: string;
  readonly value: string;
  /** For a bad value: the offending character and its position. */
  readonly charCode: number | null;
  readonly position: number | null;
}

export interface AuthorHeaderList {
  readonly headers: RequestHeader[];
  /** Lowercase names fetch() silently dropped, in order, once each. */
  readonly dropped: string[];
  /** Why `new Headers()` would throw a TypeError, or null. */
  readonly problem: HeaderListProblem | null;
}

/**
 * Normalize a header value: strip leading and trailing HTTP whitespace.
 * @see https://fetch.spec.whatwg.org/#concept-header-value-normalize
 */
export function normalizeHeaderValue(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** Index of the first char that makes `value` not a header value (0x00, LF, CR, or above 0xFF), or -1. */
function indexOfInvalidValueChar(value: string): number {
  for (let i = 0, n = value.length; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x0e ? c === 0x00 || c === 0x0a || c === 0x0d : c > 0xff) return i;
  }
  return -1;
}

interface NameInfo {
  readonly lower: string;
  /** Forbidden whatever the value. */
  readonly forbidden: boolean;
  /** A method-override name: forbidden depending on its value. */
  readonly valueDecides: boolean;
  /** Its CORS-safelisted value rule, or null. */
  readonly safelist: ValueRule | null;
}

const INVALID_NAME: NameInfo = { lower: '', forbidden: false, valueDecides: false, safelist: null };
const MAX_NAMES = 1024;
const chromiumNames = new Map<string, NameInfo>();
const firefoxNames = new Map<string, NameInfo>();

/** What a header name is, memoized per browser: pages send few distinct names. */
function nameInfo(name: string, profile: BrowserProfile): NameInfo {
  const cache = profile.browser === 'firefox' ? firefoxNames : chromiumNames;
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  let info = INVALID_NAME;
  if (isHttpToken(name)) {
    const lower = name.toLowerCase();
    const because = isForbiddenRequestHeader(lower, '', profile);
    const valueDecides = because === null && isForbiddenRequestHeader(lower, 'TRACE', profile) !== null;
    info = { lower, forbidden: because !== null, valueDecides, safelist: safelistRule(lower, profile) };
  }
  if (cache.size >= MAX_NAMES) cache.clear();
  cache.set(name, info);
  return info;
}

/**
 * The author headers as fetch() turns them into the request's header list.
 * @see https://fetch.spec.whatwg.org/#concept-headers-append
 *
 * For each entry, as `Headers.append()` with the "request" guard:
 * 1. Normalize the value.
 * 2. If the name is not a header name or the value is not a header value, throw a TypeError.
 * 3. If (name, value) is a forbidden request-header, return (silently dropped).
 * 4. Append it. Chromium 156 differs from the standard here: Blink hands the network service one
 *    header per name, its values joined with ", ", and the safelist check runs on the joined value
 *    (`text/plain` twice becomes `text/plain, text/plain`, which is not safelisted).
 */
export function authorHeaderList(entries: unknown, profile: BrowserProfile): AuthorHeaderList {
  const headers: RequestHeader[] = [];
  const dropped: string[] = [];
  if (!Array.isArray(entries)) return { headers, dropped, problem: null };
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    if (!Array.isArray(entry) || entry.length !== 2) {
      return { headers, dropped, problem: { kind: 'header-entry', name: '', value: '', charCode: null, position: null } };
    }
    const rawName: unknown = entry[0];
    const rawValue: unknown = entry[1];
    const name = typeof rawName === 'string' ? rawName : String(rawName);
    // 1. Normalize the value.
    const value = normalizeHeaderValue(typeof rawValue === 'string' ? rawValue : String(rawValue));
    // 2. Validate the name and the value.
    const info = nameInfo(name, profile);
    if (info === INVALID_NAME) {
      return { headers, dropped, problem: { kind: 'header-name', name, value, charCode: null, position: null } };
    }
    const bad = indexOfInvalidValueChar(value);
    if (bad >= 0) {
      return { headers, dropped, problem: { kind: 'header-value', name, value, charCode: value.charCodeAt(bad), position: bad } };
    }
    const lower = info.lower;
    // 3. Forbidden request-headers are dropped without an error.
    if (info.forbidden || (info.valueDecides && isForbiddenRequestHeader(lower, value, profile) !== null)) {
      if (!dropped.includes(lower)) dropped.push(lower);
      continue;
    }
    // 4. Append (joining repeats where the browser joins them).
    let existing: RequestHeader | undefined;
    if (profile.joinsRepeatedHeaders) {
      for (let j = 0; j < headers.length; j++) {
        const h = headers[j];
        if (h !== undefined && h.name === lower) {
          existing = h;
          break;
        }
      }
    }
    if (existing === undefined) headers.push({ name: lower, value, count: 1, safelist: info.safelist });
    else {
      existing.value = `${existing.value}, ${value}`;
      existing.count++;
    }
  }
  return { headers, dropped, problem: null };
}
