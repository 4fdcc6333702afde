import type { WebRequestEventName } from '../../../src/capture/web-request-event';
import {
  imageRequestHeaders,
  preflightRequestHeaders,
  preflightResponseHeaders,
  redirectHeaders,
  requestHeaders,
  responseHeaders,
  type RawHeader,
} from './chrome-shapes';

/** One webRequest callback of a script: which request of the exchange (the actual one or its preflight). */
export interface ScriptStep {
  readonly event: WebRequestEventName;
  readonly of: 'actual' | 'preflight';
  readonly method: string;
  readonly url: string;
  readonly type: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

/** What a script is: a cross-origin exchange the capture must list, or traffic it must ignore. */
export interface ExchangeScript {
  readonly name: string;
  readonly exchange: boolean;
  readonly steps: readonly ScriptStep[];
}

export const PAGE = 'https://app.example.com';
export const API = 'https://api.example.com';

const step = (event: WebRequestEventName, of: ScriptStep['of'], method: string, url: string, extra: Record<string, unknown> = {}, type = 'xmlhttprequest'): ScriptStep =>
  ({ event, of, method, url, type, extra });
const sent = (headers: RawHeader[]) => ({ requestHeaders: headers });
const got = (status: number, headers: RawHeader[]) => ({ statusCode: status, statusLine: `HTTP/1.1 ${status} ${status === 204 ? 'No Content' : 'OK'}`, responseHeaders: headers, ip: '10.0.0.7' });
/**
 * onCompleted as the capture gets it in Chrome: without the response headers, which its listener
 * does not ask for there (onHeadersReceived gave them; see extension/platform/web-request.ts).
 * The recorded fixtures predate that and still carry them.
 */
const done = (status: number) => ({ statusCode: status, statusLine: `HTTP/1.1 ${status} ${status === 204 ? 'No Content' : 'OK'}`, ip: '10.0.0.7', fromCache: false });
const failed = { error: 'net::ERR_FAILED', fromCache: false };

const allow = { origin: PAGE, credentials: false };
const apiKey: RawHeader[] = [{ name: 'Content-Type', value: 'application/json' }, { name: 'X-Api-Key', value: 'k-1b2c3d4e5f' }];

/** A request/response pair with a possible preflight, in the order Chrome fires the events. */
function preflighted(method: string, url: string, own: RawHeader[], allowMethods: string, actualAllowed: boolean): ScriptStep[] {
  const names = own.map((header) => header.name.toLowerCase()).filter((name) => name !== 'content-type' || own.some((x) => x.value === 'application/json'));
  const preflightPasses = allowMethods.split(', ').includes(method);
  const steps = [
    step('onBeforeRequest', 'actual', method, url),
    step('onBeforeRequest', 'preflight', 'OPTIONS', url),
    step('onSendHeaders', 'preflight', 'OPTIONS', url, sent(preflightRequestHeaders(PAGE, method, names))),
    step('onHeadersReceived', 'preflight', 'OPTIONS', url, got(204, preflightResponseHeaders(PAGE, allowMethods, names))),
    step('onCompleted', 'preflight', 'OPTIONS', url, done(204)),
  ];
  if (!preflightPasses) return [...steps, step('onErrorOccurred', 'actual', method, url, failed)];
  return [
    ...steps,
    step('onSendHeaders', 'actual', method, url, sent(requestHeaders(PAGE, own, true))),
    step('onHeadersReceived', 'actual', method, url, got(200, responseHeaders(actualAllowed ? allow : null))),
    actualAllowed ? step('onCompleted', 'actual', method, url, done(200)) : step('onErrorOccurred', 'actual', method, url, failed),
  ];
}

function simple(url: string, own: RawHeader[], allowed: typeof allow | null, crossOrigin = true): ScriptStep[] {
  return [
    step('onBeforeRequest', 'actual', 'GET', url),
    step('onSendHeaders', 'actual', 'GET', url, sent(requestHeaders(PAGE, own, crossOrigin))),
    step('onHeadersReceived', 'actual', 'GET', url, got(200, responseHeaders(allowed))),
    allowed === null && crossOrigin ? step('onErrorOccurred', 'actual', 'GET', url, failed) : step('onCompleted', 'actual', 'GET', url, done(200)),
  ];
}

/**
 * The scripts of the synthetic stream, by weight per 100 cross-origin exchanges: passing simple
 * and preflighted requests, the common failures (no Allow-Origin on the response, a method the
 * preflight does not allow, a blocked actual response), a redirect, credentials; and traffic
 * that is not CORS (same-origin fetches, no-cors images), which the capture must skip.
 */
export function scriptFor(n: number): ExchangeScript {
  const url = `${API}/v1/items/${n % 211}?page=${n % 7}`;
  const slot = n % 115;
  if (slot < 45) return { name: 'simple-ok', exchange: true, steps: simple(url, [], allow) };
  if (slot < 73) return { name: 'preflight-ok', exchange: true, steps: preflighted('PUT', url, apiKey, 'GET, PUT, DELETE', true) };
  if (slot < 81) return { name: 'blocked-response', exchange: true, steps: simple(url, [], null) };
  if (slot < 87) return { name: 'preflight-method-fails', exchange: true, steps: preflighted('DELETE', url, apiKey, 'GET, PUT', true) };
  if (slot < 92) return { name: 'actual-blocked', exchange: true, steps: preflighted('PUT', url, apiKey, 'GET, PUT, DELETE', false) };
  if (slot < 95) {
    const to = `${API}/v2/items/${n % 211}`;
    return {
      name: 'redirect',
      exchange: true,
      steps: [
        step('onBeforeRequest', 'actual', 'GET', url),
        step('onSendHeaders', 'actual', 'GET', url, sent(requestHeaders(PAGE, [], true))),
        step('onBeforeRedirect', 'actual', 'GET', url, { statusCode: 307, statusLine: 'HTTP/1.1 307 Temporary Redirect', redirectUrl: to, responseHeaders: redirectHeaders(to, PAGE), fromCache: false }),
        ...simple(to, [], allow),
      ],
    };
  }
  if (slot < 100) {
    const cookie: RawHeader[] = [{ name: 'Cookie', value: `session=${n.toString(36)}abcdef0123456789; theme=dark` }];
    return { name: 'credentials', exchange: true, steps: simple(url, cookie, { origin: PAGE, credentials: true }) };
  }
  if (slot < 110) return { name: 'same-origin', exchange: false, steps: simple(`${PAGE}/api/me?n=${n % 13}`, [], null, false) };
  const image = `${API}/img/${n % 97}.png`;
  return {
    name: 'no-cors-image',
    exchange: false,
    steps: [
      step('onBeforeRequest', 'actual', 'GET', image, {}, 'image'),
      step('onSendHeaders', 'actual', 'GET', image, sent(imageRequestHeaders(PAGE)), 'image'),
      step('onHeadersReceived', 'actual', 'GET', image, got(200, responseHeaders(null)), 'image'),
      step('onCompleted', 'actual', 'GET', image, done(200), 'image'),
    ],
  };
}
