import { authorHeaderList } from '../cors/author-header-list';
import { browserProfile } from '../cors/browser-profile';
import { classify, type Classification } from '../cors/index';
import type { HeaderList } from './header-list';

/**
 * Headers the browser adds to a request after the CORS check, which a page did not set and which
 * never cause a preflight: forbidden request headers (Origin, Referer, User-Agent, Sec-Fetch-*,
 * Cookie, ...: the ones the core says fetch() drops) and the cache-busting pair that DevTools'
 * "Disable cache" adds.
 */
function isBrowserAdded(name: string, forbidden: ReadonlySet<string>, headers: HeaderList): boolean {
  const lower = name.toLowerCase();
  if (forbidden.has(lower)) return true;
  if (lower === 'cache-control' || lower === 'pragma') return disableCachePair(headers);
  return false;
}

/** `Pragma: no-cache` together with `Cache-Control: no-cache`: what DevTools' "Disable cache" sends. */
function disableCachePair(headers: HeaderList): boolean {
  let pragma = false;
  let cacheControl = false;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'pragma' && value === 'no-cache') pragma = true;
    if (lower === 'cache-control' && value === 'no-cache') cacheControl = true;
  }
  return pragma && cacheControl;
}

/** Which headers are forbidden or CORS-unsafe does not depend on the URL: any cross-origin pair serves. */
const ANY_URL = 'https://b.invalid/';
const ANY_ORIGIN = 'https://a.invalid';

/** What the core said about one sent header list, computed on first use. */
interface HeaderReading {
  readonly author: HeaderList;
  /** The core's classification of the author headers, by method. */
  readonly byMethod: Map<string, Classification>;
}

/**
 * Readings by header list. A request's sent headers are one array from the event that brought
 * them until the exchange settles (exchange copies share it), and pairing asks about them up to
 * six times (each preflight it weighs, the preflight-cache check, the diagnosis), each time with
 * two classify() calls: this asks the core once per list and method instead. A WeakMap, so a
 * reading goes when its list does; header lists are never mutated, so a reading never goes stale.
 */
const readings = new WeakMap<HeaderList, HeaderReading>();

/** The core's reading of header lists with no browser named: Chromium's, as classify() without options. */
const defaultProfile = browserProfile(undefined);

function readingOf(sent: HeaderList): HeaderReading {
  let reading = readings.get(sent);
  if (reading === undefined) {
    // The names fetch() drops, as classify() of these headers gives them in `dropped` (it takes them
    // from this same list), without classifying the rest: 1.7 us instead of 2.2 for Chrome's headers.
    const forbidden = new Set(authorHeaderList(sent, defaultProfile).dropped);
    reading = { author: sent.filter(([name]) => !isBrowserAdded(name, forbidden, sent)), byMethod: new Map() };
    readings.set(sent, reading);
  }
  return reading;
}

function classifiedAs(sent: HeaderList, method: string): Classification {
  const reading = readingOf(sent);
  let classification = reading.byMethod.get(method);
  if (classification === undefined) {
    classification = classify({ url: ANY_URL, origin: ANY_ORIGIN, method, headers: reading.author });
    reading.byMethod.set(method, classification);
  }
  return classification;
}

/**
 * The request headers as the page most likely set them: what was sent, less what the browser
 * added. The list returned is shared: read it, never change it.
 */
export function authorRequestHeaders(sent: HeaderList): HeaderList {
  return readingOf(sent).author;
}

/**
 * The names a preflight for these sent headers lists in Access-Control-Request-Headers
 * (lowercase, sorted, unique). Only the headers matter, so any cross-origin URL serves.
 * The array returned is shared: read it, never change it.
 */
export function unsafeHeaderNamesOf(sent: HeaderList): readonly string[] {
  return classifiedAs(sent, 'GET').requestHeaders;
}

/** Whether a request with this method and these sent headers needs a preflight (the core decides). */
export function needsPreflight(method: string, sent: HeaderList): boolean {
  return classifiedAs(sent, method).preflight;
}
