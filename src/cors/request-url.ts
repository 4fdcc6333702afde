/**
 * The request URL's scheme and origin, and the requesting document's origin, parsed with the
 * WHATWG URL parser. Both are memoized by the part that decides them (scheme and authority), so
 * a stream of requests to the same API costs one Map lookup each.
 * @see https://url.spec.whatwg.org/#concept-url-origin
 */

export type UrlProblem = 'malformed' | 'credentials';

export interface ParsedUrl {
  /** `http:`, `https:`, `data:`, ... or '' when malformed. */
  readonly scheme: string;
  /** Serialized origin (`"null"` for opaque origins), or '' when malformed. */
  readonly origin: string;
  readonly problem: UrlProblem | null;
}

const MAX_CACHE = 512;
const urlCache = new Map<string, ParsedUrl>();
const originCache = new Map<string, string | null>();
let lastOrigin = 'null';
let lastSerialized: string | null = 'null';

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

function parseWhole(url: string): ParsedUrl {
  try {
    const u = new URL(url);
    if (u.username !== '' || u.password !== '') return { scheme: u.protocol, origin: u.origin, problem: 'credentials' };
    return { scheme: u.protocol, origin: u.origin, problem: null };
  } catch {
    return { scheme: '', origin: '', problem: 'malformed' };
  }
}

/**
 * Parse an absolute request URL. For `http(s)://` URLs only the scheme and authority decide the
 * origin and whether parsing fails (a path, query or fragment never makes the URL parser fail),
 * so that prefix is the cache key.
 */
export function parseRequestUrl(url: string): ParsedUrl {
  // The last few authorities seen: a prefix test and one char test, no slice.
  for (let i = 0; i < recent.length; i++) {
    const entry = recent[i] as RecentEntry;
    // (indexOf(key) === 0 as startsWith: a CSA builtin, where startsWith and lastIndexOf(key, 0) call into
    // C++; a miss scans the rest of the URL for the key, at memchr speed.)
    if (url.indexOf(entry.key) === 0 && (url.length === entry.key.length || endsAuthority(url.charCodeAt(entry.key.length)))) return entry.parsed;
  }
  const parsed = parseAuthority(url);
  if (parsed.key !== null) {
    recent[next] = { key: parsed.key, parsed: parsed.parsed };
    next = (next + 1) % RECENT;
  }
  return parsed.parsed;
}

interface RecentEntry {
  readonly key: string;
  readonly parsed: ParsedUrl;
}

const RECENT = 4;
const recent: RecentEntry[] = [];
let next = 0;

function endsAuthority(c: number): boolean {
  return c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c;
}

function parseAuthority(url: string): { key: string | null; parsed: ParsedUrl } {
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (start < 0) return { key: null, parsed: parseWhole(url) };
  let end = start;
  const n = url.length;
  for (; end < n; end++) {
    const c = url.charCodeAt(end);
    // The authority ends at / ? # or \ (a special URL treats \ as /).
    if (endsAuthority(c)) break;
    // Tabs, newlines and spaces inside the authority are edge cases: parse the whole URL.
    if (c <= 0x20) return { key: null, parsed: parseWhole(url) };
  }
  const key = end === n ? url : url.slice(0, end);
  const hit = urlCache.get(key);
  return { key, parsed: hit ?? remember(urlCache, key, parseWhole(key)) };
}

/**
 * Serialize the requesting document's origin: `"null"` stays `"null"` (an opaque origin); any
 * absolute URL is reduced to its origin. Null when it is neither.
 */
export function serializeRequestOrigin(origin: string): string | null {
  if (origin === 'null') return 'null';
  // A page's requests come from one origin: compare with the last one before hashing.
  if (origin === lastOrigin) return lastSerialized;
  const hit = originCache.get(origin);
  if (hit !== undefined) {
    lastOrigin = origin;
    lastSerialized = hit;
    return hit;
  }
  let serialized: string | null = null;
  try {
    const o = new URL(origin).origin;
    serialized = o === 'null' ? null : o;
  } catch {
    serialized = null;
  }
  return remember(originCache, origin, serialized);
}

/** Whether `value` parses as an absolute URL (Chromium's GURL validity check on an Allow-Origin value). */
export function isValidUrl(value: string): boolean {
  const hit = validUrlCache.get(value);
  if (hit !== undefined) return hit;
  let valid = true;
  try {
    new URL(value);
  } catch {
    valid = false;
  }
  return remember(validUrlCache, value, valid);
}

const validUrlCache = new Map<string, boolean>();
