import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchPageHtml } from './bench-page';

/** One run of the page: `count` fetches of one kind at `concurrency`, the API answering after `delayMs`. */
export interface PageJob {
  /** `probe`: one each of a passing preflighted PUT, a CORS-blocked GET and a PUT whose preflight fails. */
  readonly kind: 'put' | 'get' | 'probe';
  readonly count: number;
  readonly concurrency: number;
  readonly delayMs: number;
}

export interface JobResult {
  readonly ms: number;
  readonly failures: number;
}

/**
 * Two origins on loopback (same host, two ports): the page origin serves the bench page and its
 * control endpoints; the API origin answers preflights (PUT with a custom header) and simple GETs,
 * allowing the page's origin, optionally after a delay (a network-bound API).
 */
export interface BenchServer {
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  /** The page URL for one browser (a session), which then waits for jobs. */
  pageUrl(session: string): string;
  /** Gives a session's page its next job; resolves with the page's own timing. */
  run(session: string, job: PageJob): Promise<JobResult>;
  /** Also resolves when a session's page (re)loads and asks for work. */
  waitForPage(session: string): Promise<void>;
  /** What the probe extension of a session posted to `/probe?s=<session>` so far, oldest first. */
  probeReports(session: string): readonly unknown[];
  close(): Promise<void>;
}

interface Session {
  waiting: ServerResponse | undefined;
  onWaiting: Array<() => void>;
  pending: { readonly id: number; readonly resolve: (result: JobResult) => void } | undefined;
}

export async function startBenchServer(): Promise<BenchServer> {
  const sessions = new Map<string, Session>();
  const probeReports = new Map<string, unknown[]>();
  let nextJobId = 1;
  let pageOrigin = '';
  const sessionOf = (id: string): Session => {
    let s = sessions.get(id);
    if (s === undefined) sessions.set(id, (s = { waiting: undefined, onWaiting: [], pending: undefined }));
    return s;
  };

  const api = createServer((request, response) => answerApi(request, response, pageOrigin));
  const page = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench');
    const id = url.searchParams.get('s') ?? '';
    if (url.pathname === '/bench.html') {
      request.resume();
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(benchPageHtml());
    } else if (url.pathname === '/next') {
      request.resume();
      const s = sessionOf(id);
      s.waiting = response;
      for (const notify of s.onWaiting.splice(0)) notify();
    } else if (url.pathname === '/result' || url.pathname === '/probe') {
      readBody(request).then((body) => {
        response.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
        const parsed: unknown = JSON.parse(body);
        if (url.pathname === '/probe') return void probeReports.set(id, [...(probeReports.get(id) ?? []), parsed]);
        const s = sessionOf(id);
        const pending = s.pending;
        s.pending = undefined;
        const result = parsed as { ms: number; failures: number };
        pending?.resolve({ ms: result.ms, failures: result.failures });
      }, () => response.writeHead(400).end());
    } else {
      request.resume();
      response.writeHead(404).end();
    }
  });

  const pagePort = await listen(page);
  const apiPort = await listen(api);
  pageOrigin = `http://127.0.0.1:${pagePort}`;
  const apiOrigin = `http://127.0.0.1:${apiPort}`;

  const waitForPage = (id: string): Promise<void> => {
    const s = sessionOf(id);
    if (s.waiting !== undefined) return Promise.resolve();
    return new Promise((resolve) => s.onWaiting.push(resolve));
  };

  return {
    pageOrigin,
    apiOrigin,
    pageUrl: (id) => `${pageOrigin}/bench.html?s=${encodeURIComponent(id)}`,
    waitForPage,
    async run(id, job) {
      await waitForPage(id);
      const s = sessionOf(id);
      const waiting = s.waiting;
      s.waiting = undefined;
      if (waiting === undefined) throw new Error(`no page waiting in session ${id}`);
      const jobId = nextJobId++;
      const result = new Promise<JobResult>((resolve) => (s.pending = { id: jobId, resolve }));
      waiting.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ ...job, id: jobId, api: apiOrigin }));
      return result;
    },
    probeReports: (id) => probeReports.get(id) ?? [],
    async close() {
      for (const s of sessions.values()) s.waiting?.writeHead(200, { 'Content-Type': 'application/json' }).end('{"stop":true}');
      await Promise.all([closeServer(page), closeServer(api)]);
    },
  };
}

/**
 * The API: OPTIONS passes the preflight for PUT + X-Bench; PUT and GET answer with Allow-Origin,
 * except the probe's failing paths (`*blocked*`: no Allow-Origin on the response;
 * `*preflight-fails*`: none on the preflight).
 */
function answerApi(request: IncomingMessage, response: ServerResponse, pageOrigin: string): void {
  request.resume();
  const url = new URL(request.url ?? '/', 'http://bench');
  const delay = Number(url.searchParams.get('d') ?? '0');
  const allowOrigin = (omit: boolean): Record<string, string> => (omit ? {} : { 'Access-Control-Allow-Origin': pageOrigin });
  const answer = (): void => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...allowOrigin(url.pathname.includes('preflight-fails')),
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Headers': 'x-bench',
        // Each URL is fetched once, but say it anyway: no preflight may come from the cache.
        'Access-Control-Max-Age': '-1',
        Vary: 'Origin',
      }).end();
      return;
    }
    response.writeHead(200, { ...allowOrigin(url.pathname.includes('blocked')), 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Vary: 'Origin' }).end('{"ok":true}');
  };
  if (delay > 0) setTimeout(answer, delay);
  else answer();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function listen(server: Server): Promise<number> {
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
