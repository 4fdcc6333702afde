import { authorHeaderList } from '../cors/author-header-list';
import { browserProfile } from '../cors/browser-profile';
import { classify, type Browser, type Classification } from '../cors/index';
import type { HeaderList } from './header-list';

/**
 * Headers the browser adds to a request after the CORS check, which a page did not set and which
 * never cause a preflight: forbidden request headers (Origin, Referer, User-Agent, Sec-Fetch-*,
 * Cookie, ...: the ones the core says fetch() drops, lowercase in `forbidden`) and the
 * cache-busting pair that DevTools' "Disable cache" adds.
 */
function isBrowserAdded(name: string, forbidden: readonly string[], headers: HeaderList): boolean {
  if (!isAscii(name)) {
    const lower = name.toLowerCase();
    if (forbidden.includes(lower)) return true;
    return (lower === 'cache-control' || lower === 'pragma') && disableCachePair(headers);
  }
  // An ASCII name lowercases letter by letter: compared so, without a lowercased copy of each name.
  for (let i = 0; i < forbidden.length; i++) if (equalsLowercased(name, forbidden[i] as string)) return true;
  return (equalsLowercased(name, 'cache-control') || equalsLowercased(name, 'pragma')) && disableCachePair(headers);
}

/** Whether the ASCII `name`, lowercased, is `lower`. */
function equalsLowercased(name: string, lower: string): boolean {
  if (name.length !== lower.length) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The sent headers less those the browser added. */
function authorHeadersOf(sent: HeaderList, forbidden: readonly string[]): HeaderList {
  const author: Array<HeaderList[number]> = [];
  for (let i = 0; i < sent.length; i++) {
    const header = sent[i] as HeaderList[number];
    if (!isBrowserAdded(header[0], forbidden, sent)) author.push(header);
  }
  return author;
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
 * A browser's reading of sent header lists: which headers the page set, which names a preflight
 * lists in Access-Control-Request-Headers, whether the request needs one. Chromium and Firefox
 * differ (Chromium safelists client hints and joins repeated headers before the check), so the
 * pairing reads a request as the browser that sent it.
 *
 * Readings are kept by header list. A request's sent headers are one array from the event that
 * brought them until the exchange settles (exchange copies share it), and pairing asks about them
 * up to six times (each preflight it weighs, the preflight-cache check, the diagnosis): this asks
 * the core once per list and method instead. A WeakMap, so a reading goes when its list does;
 * header lists are never mutated, so a reading never goes stale.
 */
export interface HeaderRules {
  /** The request headers as the page most likely set them: what was sent, less what the browser added. Shared: never change it. */
  authorRequestHeaders(sent: HeaderList): HeaderList;
  /** The names a preflight for these sent headers lists (lowercase, sorted, unique). Shared: never change it. */
  unsafeHeaderNamesOf(sent: HeaderList): readonly string[];
  /** Whether a request with this method and these sent headers needs a preflight (the core decides). */
  needsPreflight(method: string, sent: HeaderList): boolean;
}

const rulesByBrowser = new Map<Browser, HeaderRules>();

/** Which headers the browser added is read with Chromium's forbidden list (see below). */
const chromiumProfile = browserProfile('chromium');

/** The header rules of `browser` (one instance per browser, with its readings). */
export function headerRules(browser: Browser = 'chromium'): HeaderRules {
  let rules = rulesByBrowser.get(browser);
  if (rules === undefined) rulesByBrowser.set(browser, (rules = newHeaderRules(browser)));
  return rules;
}

function newHeaderRules(browser: Browser): HeaderRules {
  const readings = new WeakMap<HeaderList, HeaderReading>();
  const readingOf = (sent: HeaderList): HeaderReading => {
    let reading = readings.get(sent);
    if (reading === undefined) {
      // The names fetch() drops, as classify() of these headers gives them in `dropped` (it takes them
      // from this same list), without classifying the rest: 1.7 us instead of 2.2 for Chrome's headers.
      // Chromium's list in every browser: Firefox lets a page set User-Agent, but the User-Agent it
      // sends is its own far more often than a page's, and nothing on the wire tells them apart.
      reading = { author: authorHeadersOf(sent, authorHeaderList(sent, chromiumProfile).dropped), byMethod: new Map() };
      readings.set(sent, reading);
    }
    return reading;
  };
  const classifiedAs = (sent: HeaderList, method: string): Classification => {
    const reading = readingOf(sent);
    let classification = reading.byMethod.get(method);
    if (classification === undefined) {
      classification = classify({ url: ANY_URL, origin: ANY_ORIGIN, method, headers: reading.author }, { browser });
      reading.byMethod.set(method, classification);
    }
    return classification;
  };
  return {
    authorRequestHeaders: (sent) => readingOf(sent).author,
    unsafeHeaderNamesOf: (sent) => classifiedAs(sent, 'GET').requestHeaders,
    needsPreflight: (method, sent) => classifiedAs(sent, method).preflight,
  };
}
