/**
 * Two loopback HTTP servers for the conformance replay: the page origin and the API origin.
 *
 * Both answer the same table of scripted exchanges, keyed by URL path (paths are unique per case).
 * An exchange with a `preflight` / `response` is answered exactly so: status and header lines
 * verbatim, a repeated name as repeated lines. An exchange with neither (a classification case)
 * is answered permissively: the Origin echoed, the requested method and headers allowed,
 * credentials allowed, so only the classification is observed.
 *
 * Every request is logged per path: OPTIONS with its Access-Control-Request-Method and
 * Access-Control-Request-Headers verbatim, and the actual request's method and header lines.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { CaseResponse } from './cases/case';

export interface ScriptedExchange {
  readonly preflight: CaseResponse | null;
  readonly response: CaseResponse | null;
}

export interface ReceivedPreflight {
  readonly origin: string | null;
  readonly requestMethod: string | null;
  readonly requestHeaders: string | null;
}

export interface ReceivedRequest {
  readonly method: string;
  /** Header lines as received, names as sent. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
}

export interface PathLog {
  readonly preflights: ReceivedPreflight[];
  readonly requests: ReceivedRequest[];
}

export interface ConformanceServers {
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  /** Adds exchanges to answer, keyed by path (no query). */
  serve(exchanges: ReadonlyMap<string, ScriptedExchange>): void;
  /** What each path received. */
  readonly log: ReadonlyMap<string, PathLog>;
  close(): Promise<void>;
}

/** The page: blank, plus a sandboxed iframe whose opaque origin serializes as "null". */
const PAGE_HTML = `<!doctype html><meta charset="utf-8"><title>CORS conformance</title>
<iframe name="sandboxed" sandbox="allow-scripts" srcdoc="<!doctype html><title>sandboxed</title>"></iframe>`;

const NO_BODY_STATUSES = new Set([204, 205, 304]);

export async function startServers(ports: { page: number; api: number }): Promise<ConformanceServers> {
  const exchanges = new Map<string, ScriptedExchange>();
  const log = new Map<string, PathLog>();

  /** Decides the answer to one request and logs it; null for an unknown path. */
  const answerFor = (path: string, method: string, raw: ReadonlyArray<readonly [string, string]>): CaseResponse | null => {
    const exchange = exchanges.get(path);
    if (exchange === undefined) return null;
    const entry = logFor(log, path);
    if (method === 'OPTIONS' && headerOf(raw, 'access-control-request-method') !== null) {
      entry.preflights.push({
        origin: headerOf(raw, 'origin'),
        requestMethod: headerOf(raw, 'access-control-request-method'),
        requestHeaders: headerOf(raw, 'access-control-request-headers'),
      });
      return exchange.preflight ?? (exchange.response === null ? permissivePreflight(raw) : UNSCRIPTED);
    }
    entry.requests.push({ method, headers: raw });
    return exchange.response ?? (exchange.preflight === null ? permissiveResponse(raw) : UNSCRIPTED);
  };

  const handler = (isPage: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req.url ?? '/');
    if (isPage && path === '/') {
      res.writeHead(200, ['Content-Type', 'text/html; charset=utf-8', 'Cache-Control', 'no-store']);
      res.end(PAGE_HTML);
      return;
    }
    const method = req.method ?? '';
    const answer = answerFor(path, method, pairs(req.rawHeaders)) ?? NOT_FOUND;
    send(res, answer, method === 'HEAD');
  };

  /**
   * Node's parser knows only the methods in http.METHODS: a `patch`, `SUPER` or `X1` request
   * ends here as HPE_INVALID_METHOD. Answer it from the raw bytes, then close the connection.
   */
  const onClientError = (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void => {
    const head = error.code === 'HPE_INVALID_METHOD' ? parseHead(error.rawPacket) : null;
    const answer = head === null ? BAD_REQUEST : (answerFor(head.path, head.method, head.headers) ?? NOT_FOUND);
    if (socket.writable) socket.end(rawResponse(answer, head?.method === 'HEAD'), 'latin1');
  };

  // insecureHTTPParser: the browser may send bytes (0x01-0x1F, 0x7F) that Node's strict parser refuses.
  const page = createServer({ insecureHTTPParser: true }, handler(true)).on('clientError', onClientError);
  const api = createServer({ insecureHTTPParser: true }, handler(false)).on('clientError', onClientError);
  const [pagePort, apiPort] = await Promise.all([listen(page, ports.page), listen(api, ports.api)]);
  return {
    pageOrigin: `http://127.0.0.1:${pagePort}`,
    apiOrigin: `http://127.0.0.1:${apiPort}`,
    serve(more) {
      for (const [path, exchange] of more) exchanges.set(path, exchange);
    },
    log,
    close: async () => {
      await Promise.all([close(page), close(api)]);
    },
  };
}

const NOT_FOUND: CaseResponse = { status: 404, headers: [['Content-Type', 'text/plain']] };
const BAD_REQUEST: CaseResponse = { status: 400, headers: [['Content-Type', 'text/plain']] };

/** A request the case did not script (for instance a preflight a check case did not expect). */
const UNSCRIPTED: CaseResponse = { status: 501, headers: [['Content-Type', 'text/plain']] };

function permissivePreflight(raw: ReadonlyArray<readonly [string, string]>): CaseResponse {
  const headers: Array<readonly [string, string]> = [
    ['Access-Control-Allow-Origin', headerOf(raw, 'origin') ?? '*'],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Allow-Methods', headerOf(raw, 'access-control-request-method') ?? 'GET'],
  ];
  const requested = headerOf(raw, 'access-control-request-headers');
  if (requested !== null) headers.push(['Access-Control-Allow-Headers', requested]);
  headers.push(['Vary', 'Origin']);
  return { status: 204, headers };
}

function permissiveResponse(raw: ReadonlyArray<readonly [string, string]>): CaseResponse {
  return {
    status: 200,
    headers: [
      ['Access-Control-Allow-Origin', headerOf(raw, 'origin') ?? '*'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Vary', 'Origin'],
      ['Content-Type', 'text/plain'],
    ],
  };
}

/** Writes the status and the header lines verbatim, in order, repeats as repeated lines. */
function send(res: ServerResponse, answer: CaseResponse, isHead: boolean): void {
  const flat = answer.headers.flatMap(([name, value]) => [name, value]);
  const hasBody = !isHead && !NO_BODY_STATUSES.has(answer.status);
  if (hasBody) flat.push('Content-Length', '2');
  res.writeHead(answer.status, flat);
  res.end(hasBody ? 'ok' : undefined);
}

/** The same bytes `send` writes, for a socket Node's parser gave up on. */
function rawResponse(answer: CaseResponse, isHead: boolean): string {
  const hasBody = !isHead && !NO_BODY_STATUSES.has(answer.status);
  const lines = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Unknown'}`,
    ...answer.headers.map(([name, value]) => `${name}: ${value}`),
    ...(hasBody ? ['Content-Length: 2'] : []),
    'Connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${hasBody ? 'ok' : ''}`;
}

/** Request line and header lines of a raw request head (latin1), or null when incomplete. */
function parseHead(packet: Buffer | undefined): { method: string; path: string; headers: Array<readonly [string, string]> } | null {
  if (packet === undefined) return null;
  const text = packet.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [requestLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const [method = '', target = '/'] = requestLine.split(' ');
  const headers = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')] as const;
  });
  return { method, path: pathOf(target), headers };
}

function pathOf(target: string): string {
  return target.split('?')[0] ?? '/';
}

function pairs(rawHeaders: readonly string[]): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) out.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return out;
}

function headerOf(raw: ReadonlyArray<readonly [string, string]>, lowerName: string): string | null {
  const found = raw.find(([name]) => name.toLowerCase() === lowerName);
  return found === undefined ? null : found[1];
}

function logFor(log: Map<string, PathLog>, path: string): PathLog {
  let entry = log.get(path);
  if (entry === undefined) {
    entry = { preflights: [], requests: [] };
    log.set(path, entry);
  }
  return entry;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
