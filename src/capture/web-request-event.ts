import type { HeaderList } from './header-list';

/**
 * The browser-neutral event model. The extension's webRequest adapter turns each browser's
 * callback details into these; everything after that (pairing, diagnosis, storage) is pure.
 *
 * Field names follow webRequest's own (`requestId`, `tabId`, `frameId`, `timeStamp`), and
 * `initiator` is the serialized origin of the requesting document, which Chrome calls
 * `initiator` and Firefox gives as `originUrl`.
 */
interface EventBase {
  readonly requestId: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly url: string;
  readonly method: string;
  /** Milliseconds since the epoch, as the browser stamped the event. */
  readonly timeStamp: number;
  /**
   * webRequest's ResourceType: `xmlhttprequest` for fetch() and XHR, `image`, `script`, ...
   * Both browsers give it (and the initiator) on every event, which lets a restarted background
   * take up a request whose start it never saw.
   */
  readonly type: string;
  /** Serialized origin of the document that made the request, `null` for an opaque one. */
  readonly initiator: string | undefined;
}

export interface BeforeRequestEvent extends EventBase {
  readonly kind: 'before-request';
}

export interface SendHeadersEvent extends EventBase {
  readonly kind: 'send-headers';
  readonly requestHeaders: HeaderList;
}

export interface HeadersReceivedEvent extends EventBase {
  readonly kind: 'headers-received';
  readonly statusCode: number;
  readonly statusLine: string;
  readonly responseHeaders: HeaderList;
}

export interface RedirectEvent extends EventBase {
  readonly kind: 'redirect';
  readonly statusCode: number;
  readonly redirectUrl: string;
  readonly responseHeaders: HeaderList;
}

export interface CompletedEvent extends EventBase {
  readonly kind: 'completed';
  readonly statusCode: number;
  /**
   * `undefined` when the listener did not ask for them: in Chrome, onHeadersReceived gives the
   * same headers (for cache hits too, measured in Chromium 156), and asking twice costs the page.
   */
  readonly responseHeaders: HeaderList | undefined;
  readonly fromCache: boolean;
}

export interface ErrorEvent extends EventBase {
  readonly kind: 'error';
  /** The browser's error string: `net::ERR_FAILED` (Chrome), `NS_ERROR_DOM_BAD_URI` (Firefox), ... */
  readonly error: string;
}

export type WebRequestEvent =
  | BeforeRequestEvent
  | SendHeadersEvent
  | HeadersReceivedEvent
  | RedirectEvent
  | CompletedEvent
  | ErrorEvent;

export type WebRequestEventKind = WebRequestEvent['kind'];

/**
 * The webRequest events the capture listens to, by their browser names, with the kind each
 * becomes. The adapter registers exactly these; recorded fixtures name their events the same way.
 */
export const webRequestEventKinds = {
  onBeforeRequest: 'before-request',
  onSendHeaders: 'send-headers',
  onHeadersReceived: 'headers-received',
  onBeforeRedirect: 'redirect',
  onCompleted: 'completed',
  onErrorOccurred: 'error',
} as const satisfies Record<string, WebRequestEventKind>;

export type WebRequestEventName = keyof typeof webRequestEventKinds;
