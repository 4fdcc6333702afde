import type { RequestModeObservation } from './exchange';
import { getHeader, type HeaderList } from './header-list';

const fetchModes = ['cors', 'no-cors', 'navigate', 'same-origin', 'websocket'] as const;

/** Resource types that load as documents: their requests are navigations, never CORS. */
const documentTypes = new Set(['main_frame', 'sub_frame', 'object']);

/**
 * The request's mode, from what webRequest shows.
 *
 * 1. `Sec-Fetch-Mode` is the mode itself. Browsers send Fetch Metadata only to potentially
 *    trustworthy URLs (https, localhost, 127.0.0.1).
 *    @see https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-mode-header
 * 2. Elsewhere it is inferred, and marked so: a cross-origin request in CORS mode always carries
 *    `Origin`; a no-cors GET or HEAD never does (an `<img>` without `crossorigin`). A no-cors POST
 *    does carry `Origin`, which is why the inference is only "likely".
 *    @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
export function observeRequestMode(type: string, method: string, headers: HeaderList): RequestModeObservation {
  const secFetchMode = getHeader(headers, 'sec-fetch-mode')?.trim().toLowerCase();
  const exact = fetchModes.find((mode) => mode === secFetchMode);
  if (exact !== undefined) return { value: exact, source: 'sec-fetch-mode' };
  if (documentTypes.has(type)) return { value: 'navigate', source: 'inferred' };
  if (type === 'websocket') return { value: 'websocket', source: 'inferred' };
  if (getHeader(headers, 'origin') === undefined) {
    const upper = method.toUpperCase();
    return { value: upper === 'GET' || upper === 'HEAD' ? 'no-cors' : 'unknown', source: 'inferred' };
  }
  return { value: 'cors', source: 'inferred' };
}
