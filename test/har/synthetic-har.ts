/**
 * Large HAR files made up on the fly, for the size tests: never committed. Each round is a
 * preflighted PUT that passes (preflight + request), a GET that fails CORS, and a same-origin
 * script with a body, in Chrome's export shape; bodies make up most of the bytes.
 */
const PAGE = 'https://app.example';
const API = 'https://api.example';

const headers = (pairs: Record<string, string>): Array<{ name: string; value: string }> => Object.entries(pairs).map(([name, value]) => ({ name, value }));

function entryOf(round: number, offset: number, method: string, url: string, type: string, sent: Record<string, string>, status: number, received: Record<string, string>, body: string, error?: string): string {
  const start = new Date(Date.UTC(2026, 0, 1) + round * 50 + offset).toISOString();
  return JSON.stringify({
    _initiator: type === 'preflight' ? { type: 'preflight', url, requestId: `1.${round}` } : { type: 'script' },
    _resourceType: type,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: headers({ Accept: '*/*', Referer: `${PAGE}/`, 'User-Agent': 'Synthetic/1.0', ...sent }), queryString: [], cookies: [], headersSize: 400, bodySize: 0 },
    response: {
      status,
      statusText: status === 200 ? 'OK' : 'No Content',
      httpVersion: 'HTTP/1.1',
      headers: headers({ 'Content-Type': 'application/json', ...received }),
      cookies: [],
      content: { size: body.length, mimeType: 'application/json', text: body },
      redirectURL: '',
      headersSize: 200,
      bodySize: body.length,
      _error: error ?? null,
    },
    startedDateTime: start,
    time: 8,
    timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 5, receive: 1.9 },
    pageref: 'page_1',
  });
}

/** The rounds' entries, as JSON text, one at a time. */
export function* syntheticEntries(rounds: number, bodyBytes: number): Generator<string> {
  const body = JSON.stringify({ data: 'x'.repeat(Math.max(0, bodyBytes - 20)), quote: '"\\' });
  for (let round = 0; round < rounds; round++) {
    const put = `${API}/items/${round}`;
    yield entryOf(round, 1, 'OPTIONS', put, 'preflight', { Origin: PAGE, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-api-key' }, 204, {
      'Access-Control-Allow-Origin': PAGE,
      'Access-Control-Allow-Methods': 'PUT',
      'Access-Control-Allow-Headers': 'x-api-key',
      'Access-Control-Max-Age': '0',
    }, '');
    yield entryOf(round, 0, 'PUT', put, 'fetch', { Origin: PAGE, 'X-Api-Key': 'k', 'Sec-Fetch-Mode': 'cors' }, 200, { 'Access-Control-Allow-Origin': PAGE }, body);
    yield entryOf(round, 20, 'GET', `${API}/feed?page=${round}`, 'fetch', { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' }, 200, {}, body, 'net::ERR_FAILED');
    yield entryOf(round, 30, 'GET', `${PAGE}/assets/chunk-${round}.js`, 'script', { 'Sec-Fetch-Mode': 'no-cors' }, 200, {}, body);
  }
}

/** A whole synthetic HAR as text chunks (about `rounds * (3 * bodyBytes + 3 KB)` characters). */
export function* syntheticHar(rounds: number, bodyBytes: number): Generator<string> {
  yield '{"log":{"version":"1.2","creator":{"name":"synthetic","version":"1"},"pages":[{"id":"page_1","title":"https://app.example/","startedDateTime":"2026-01-01T00:00:00.000Z"}],"entries":[\n';
  let first = true;
  for (const entry of syntheticEntries(rounds, bodyBytes)) {
    yield first ? entry : `,\n${entry}`;
    first = false;
  }
  yield '\n]}}\n';
}
