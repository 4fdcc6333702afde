import { classify } from '../cors/index';
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

/** The request headers as the page most likely set them: what was sent, less what the browser added. */
export function authorRequestHeaders(sent: HeaderList): HeaderList {
  const forbidden = new Set(classify({ url: ANY_URL, origin: ANY_ORIGIN, method: 'GET', headers: sent }).dropped);
  return sent.filter(([name]) => !isBrowserAdded(name, forbidden, sent));
}

/** Which headers are forbidden or CORS-unsafe does not depend on the URL: any cross-origin pair serves. */
const ANY_URL = 'https://b.invalid/';
const ANY_ORIGIN = 'https://a.invalid';

/**
 * The names a preflight for these sent headers lists in Access-Control-Request-Headers
 * (lowercase, sorted, unique). Only the headers matter, so any cross-origin URL serves.
 */
export function unsafeHeaderNamesOf(sent: HeaderList): string[] {
  return classify({ url: ANY_URL, origin: ANY_ORIGIN, method: 'GET', headers: authorRequestHeaders(sent) }).requestHeaders;
}

/** Whether a request with this method and these sent headers needs a preflight (the core decides). */
export function needsPreflight(method: string, sent: HeaderList): boolean {
  return classify({ url: ANY_URL, origin: ANY_ORIGIN, method, headers: authorRequestHeaders(sent) }).preflight;
}
