import type { Listening } from '../../src/capture/listening-switch';
import type { Browser } from '../../src/cors/index';
import { webRequestEventKinds, type WebRequestEventKind } from '../../src/capture/web-request-event';

/** Only http(s): the extension's own pages, data: and file: URLs are none of its business. */
const filter = { urls: ['http://*/*', 'https://*/*'] };

/** The part of `webRequest` used here, typed so that what the browser hands over is `unknown`. */
interface WebRequestEvent {
  addListener(callback: (details: unknown) => void, filter: { urls: string[] }, extraInfoSpec?: string[]): void;
  removeListener(callback: (details: unknown) => void): void;
}
export interface WebRequestApi {
  readonly onBeforeRequest: WebRequestEvent;
  readonly onSendHeaders: WebRequestEvent;
  readonly onHeadersReceived: WebRequestEvent;
  readonly onBeforeRedirect: WebRequestEvent;
  readonly onCompleted: WebRequestEvent;
  readonly onErrorOccurred: WebRequestEvent;
}

/**
 * Registers one listener per webRequest event the pairing needs, synchronously, so that a
 * service worker woken by an event has its listeners in place before the event is dispatched.
 * Each listener only hands the raw details on; parsing happens in src/.
 *
 * `browser` is the build's (the same fact that picks the CORS rules): Chrome hides CORS
 * preflights, the `Origin` header and the responses of CORS-blocked requests from webRequest
 * unless a listener asks for `extraHeaders` (documented since Chrome 79); Firefox shows them all
 * and has no such option (it refuses a listener that asks).
 *
 * The listeners are on when this returns (unless `registerNow` is false); the handle takes them all
 * off and puts them back (the capture mode "while DevTools is open": with none registered, the
 * browser sends the extension nothing and the page pays nothing).
 */
export function listenToWebRequest(
  webRequest: WebRequestApi,
  browser: Browser,
  onEvent: (kind: WebRequestEventKind, details: unknown) => void,
  registerNow = true,
): Listening {
  const extra = browser === 'chromium' ? ['extraHeaders'] : [];
  const registrations: Array<() => void> = [];
  const removals: Array<() => void> = [];
  const on = (event: WebRequestEvent, kind: WebRequestEventKind, spec: string[]): void => {
    const listener = (details: unknown): void => onEvent(kind, details);
    const register = spec.length === 0 ? () => event.addListener(listener, filter) : () => event.addListener(listener, filter, spec);
    if (registerNow) register();
    registrations.push(register);
    removals.push(() => event.removeListener(listener));
  };
  const kinds = webRequestEventKinds;
  on(webRequest.onBeforeRequest, kinds.onBeforeRequest, []);
  on(webRequest.onSendHeaders, kinds.onSendHeaders, ['requestHeaders', ...extra]);
  on(webRequest.onHeadersReceived, kinds.onHeadersReceived, ['responseHeaders', ...extra]);
  on(webRequest.onBeforeRedirect, kinds.onBeforeRedirect, ['responseHeaders', ...extra]);
  // Chrome gives the response headers (and the responses of preflights and blocked requests) at
  // onHeadersReceived, for cache hits too (measured in Chromium 156); onCompleted and
  // onErrorOccurred still fire for preflights without `extraHeaders` (the bench's visibility
  // probe). Asking for the headers again there cost the page: the bench's floor went from 2.27x to
  // 1.60x an unwatched page without them. Firefox has no such cost, and keeps them.
  on(webRequest.onCompleted, kinds.onCompleted, extra.length > 0 ? [] : ['responseHeaders']);
  on(webRequest.onErrorOccurred, kinds.onErrorOccurred, []);
  return {
    start: () => registrations.forEach((register) => register()),
    stop: () => removals.forEach((remove) => remove()),
  };
}
