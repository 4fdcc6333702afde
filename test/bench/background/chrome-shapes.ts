/**
 * Header lists shaped like the ones Chromium 156 hands a listener with `extraHeaders` (see the
 * recorded sequences in test/fixtures/web-request/chrome/): the same names, order and sizes.
 */
export interface RawHeader {
  readonly name: string;
  readonly value: string;
}

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';
const h = (name: string, value: string): RawHeader => ({ name, value });

/** The request headers Chromium sends for a fetch() from `page`, plus the page's own. */
export function requestHeaders(page: string, own: readonly RawHeader[], crossOrigin: boolean): RawHeader[] {
  return [
    h('sec-ch-ua-platform', '"Linux"'),
    h('User-Agent', UA),
    h('sec-ch-ua', '"Not:A-Brand";v="8", "Chromium";v="156"'),
    ...own,
    h('sec-ch-ua-mobile', '?0'),
    h('Accept', '*/*'),
    ...(crossOrigin ? [h('Origin', page)] : []),
    h('Sec-Fetch-Site', crossOrigin ? 'same-site' : 'same-origin'),
    h('Sec-Fetch-Mode', 'cors'),
    h('Sec-Fetch-Dest', 'empty'),
    h('Referer', `${page}/`),
    h('Accept-Encoding', 'gzip, deflate, br, zstd'),
    h('Accept-Language', 'en-US,en;q=0.9'),
  ];
}

/** An `<img>` without `crossorigin`: a no-cors load, no Origin header. */
export function imageRequestHeaders(page: string): RawHeader[] {
  return [
    h('sec-ch-ua-platform', '"Linux"'),
    h('User-Agent', UA),
    h('Accept', 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8'),
    h('Sec-Fetch-Site', 'same-site'),
    h('Sec-Fetch-Mode', 'no-cors'),
    h('Sec-Fetch-Dest', 'image'),
    h('Referer', `${page}/`),
    h('Accept-Encoding', 'gzip, deflate, br, zstd'),
    h('Accept-Language', 'en-US,en;q=0.9'),
  ];
}

/** The preflight Chromium sends for `method` with the page's unsafe header names. */
export function preflightRequestHeaders(page: string, method: string, names: readonly string[]): RawHeader[] {
  return [
    h('Accept', '*/*'),
    h('Access-Control-Request-Method', method),
    ...(names.length > 0 ? [h('Access-Control-Request-Headers', [...names].sort().join(','))] : []),
    h('Origin', page),
    h('User-Agent', UA),
    h('Sec-Fetch-Mode', 'cors'),
    h('Sec-Fetch-Site', 'same-site'),
    h('Sec-Fetch-Dest', 'empty'),
    h('Referer', `${page}/`),
    h('Accept-Encoding', 'gzip, deflate, br, zstd'),
    h('Accept-Language', 'en-US,en;q=0.9'),
  ];
}

export function preflightResponseHeaders(page: string | null, methods: string, names: readonly string[]): RawHeader[] {
  return [
    ...(page === null ? [] : [h('Access-Control-Allow-Origin', page)]),
    h('Access-Control-Allow-Methods', methods),
    ...(names.length > 0 ? [h('Access-Control-Allow-Headers', names.join(', '))] : []),
    h('Vary', 'Origin'),
    h('Date', 'Sun, 22 Nov 2026 01:59:17 GMT'),
    h('Connection', 'keep-alive'),
    h('Keep-Alive', 'timeout=5'),
  ];
}

/** A JSON response; `allow` adds Access-Control-Allow-Origin (and -Credentials). */
export function responseHeaders(allow: { readonly origin: string; readonly credentials: boolean } | null): RawHeader[] {
  return [
    ...(allow === null ? [] : [h('Access-Control-Allow-Origin', allow.origin), h('Vary', 'Origin')]),
    ...(allow?.credentials === true ? [h('Access-Control-Allow-Credentials', 'true')] : []),
    h('Content-Type', 'application/json; charset=utf-8'),
    h('Content-Length', '187'),
    h('Date', 'Sun, 22 Nov 2026 01:59:17 GMT'),
    h('Connection', 'keep-alive'),
    h('Keep-Alive', 'timeout=5'),
  ];
}

export function redirectHeaders(location: string, page: string): RawHeader[] {
  return [h('Location', location), h('Access-Control-Allow-Origin', page), h('Date', 'Sun, 22 Nov 2026 01:59:17 GMT'), h('Content-Length', '0')];
}
