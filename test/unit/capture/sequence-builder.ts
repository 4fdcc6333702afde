import type { FixtureEvent } from '../../fixtures/web-request/web-request-fixture';

type Headers = Record<string, string>;

/**
 * Small builders for webRequest sequences no recording gives easily. Each call appends one
 * callback's `details` as the browser would give them; ids and time stamps are chosen by the test.
 *   const s = new SequenceBuilder();
 *   s.start('1', 'PUT', '/a'); s.preflight('2', '/a', 'PUT', 'x-a'); ...
 */
export class SequenceBuilder {
  readonly events: FixtureEvent[] = [];
  #time = 1000;

  constructor(
    readonly page = 'http://127.0.0.1:8080',
    readonly api = 'http://127.0.0.1:8081',
    readonly tabId = 7,
  ) {}

  url(path: string): string {
    return path.startsWith('http') ? path : `${this.api}${path}`;
  }

  #base(id: string, method: string, path: string, type = 'xmlhttprequest'): Record<string, unknown> {
    this.#time += 1;
    return { requestId: id, tabId: this.tabId, frameId: 0, url: this.url(path), method, type, initiator: this.page, timeStamp: this.#time };
  }

  start(id: string, method: string, path: string, type?: string): this {
    this.events.push({ event: 'onBeforeRequest', details: this.#base(id, method, path, type) });
    return this;
  }

  /** The request's headers; `Origin` is added (a CORS request carries it), plus `headers`. */
  send(id: string, method: string, path: string, headers: Headers = {}, type?: string): this {
    const requestHeaders = Object.entries({ Origin: this.page, ...headers }).map(([name, value]) => ({ name, value }));
    this.events.push({ event: 'onSendHeaders', details: { ...this.#base(id, method, path, type), requestHeaders } });
    return this;
  }

  /** A whole preflight: start, headers, response, completion. */
  preflight(id: string, path: string, method: string, requestHeaders: string | null, response: Headers = this.allow(method, requestHeaders), status = 204): this {
    const acrh: Headers = requestHeaders === null ? {} : { 'Access-Control-Request-Headers': requestHeaders };
    this.start(id, 'OPTIONS', path);
    this.send(id, 'OPTIONS', path, { 'Access-Control-Request-Method': method, ...acrh });
    return this.respond(id, 'OPTIONS', path, status, response).complete(id, 'OPTIONS', path, status);
  }

  allow(method: string, headers: string | null): Headers {
    return { 'Access-Control-Allow-Origin': this.page, 'Access-Control-Allow-Methods': method, ...(headers === null ? {} : { 'Access-Control-Allow-Headers': headers }) };
  }

  respond(id: string, method: string, path: string, status = 200, headers: Headers = { 'Access-Control-Allow-Origin': this.page }): this {
    const responseHeaders = Object.entries(headers).map(([name, value]) => ({ name, value }));
    this.events.push({ event: 'onHeadersReceived', details: { ...this.#base(id, method, path), statusCode: status, statusLine: `HTTP/1.1 ${status}`, responseHeaders } });
    return this;
  }

  redirect(id: string, method: string, path: string, to: string, status = 307): this {
    this.events.push({ event: 'onBeforeRedirect', details: { ...this.#base(id, method, path), statusCode: status, redirectUrl: this.url(to), responseHeaders: [] } });
    return this;
  }

  complete(id: string, method: string, path: string, status = 200): this {
    this.events.push({ event: 'onCompleted', details: { ...this.#base(id, method, path), statusCode: status, responseHeaders: [], fromCache: false } });
    return this;
  }

  fail(id: string, method: string, path: string, error = 'net::ERR_FAILED'): this {
    this.events.push({ event: 'onErrorOccurred', details: { ...this.#base(id, method, path), error } });
    return this;
  }

  /** A request that passes: headers, response, completion. */
  finish(id: string, method: string, path: string, headers: Headers = {}): this {
    return this.send(id, method, path, headers).respond(id, method, path).complete(id, method, path);
  }
}

/**
 * A preflighted PUT to the API redirected (307) back to the page's own origin, up to the second
 * hop's preflight sent (`3`, with `Origin: null`: the origin is tainted): until its headers are
 * seen, an OPTIONS of the page to its own origin. Returns the second hop's URL.
 */
export function redirectedBackToPage(s: SequenceBuilder): string {
  const back = `${s.page}/b`;
  s.start('1', 'PUT', '/a');
  s.preflight('2', '/a', 'PUT', null);
  s.send('1', 'PUT', '/a').respond('1', 'PUT', '/a', 307, { 'Access-Control-Allow-Origin': s.page, Location: back }).redirect('1', 'PUT', '/a', back, 307);
  s.start('1', 'PUT', back);
  s.start('3', 'OPTIONS', back).send('3', 'OPTIONS', back, { Origin: 'null', 'Access-Control-Request-Method': 'PUT' });
  return back;
}
