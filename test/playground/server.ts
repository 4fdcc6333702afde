import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerScenarioRequest } from './answer-scenario-request';
import { pageConfig, servePageAsset, type PageConfig } from './page-assets';
import { routeTable } from './route-table';
import { scenarios } from './scenarios';
import { splitTarget, type ServedRequest } from './served-request';

export type { ServedRequest } from './served-request';

export interface PlaygroundOptions {
  /** Default 127.0.0.1. Both origins use the same host and differ by port. */
  host?: string;
  /** Default 0: a free port. */
  pagePort?: number;
  /** Default 0: a free port. */
  apiPort?: number;
}

export interface Playground {
  /** Serves the page (`/`), its scripts and the same-origin endpoint. */
  pageOrigin: string;
  /** Answers the scenarios. */
  apiOrigin: string;
  /** The page with one button per scenario. */
  pageUrl: string;
  /** Every scenario request served (both origins), oldest first; page assets are not recorded. */
  log: ReadonlyArray<ServedRequest>;
  clearLog(): void;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

/** Whatever a handler throws becomes a 500 (or a closed socket); the server never goes down. */
function safely(handler: Handler): Handler {
  return async (request, response) => {
    request.resume();
    try {
      await handler(request, response);
    } catch (error) {
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Playground error: ${String(error)}\n`);
    }
  };
}

function createHttpServer(handler: Handler): Server {
  const server = createServer((request, response) => void safely(handler)(request, response));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function originFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Starts the page origin and the API origin; resolves once both listen. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const host = options.host ?? '127.0.0.1';
  const log: ServedRequest[] = [];
  const apiRoutes = routeTable(scenarios, 'api');
  const pageRoutes = routeTable(scenarios, 'page');
  let config: PageConfig | undefined;

  const api = createHttpServer((request, response) => answerScenarioRequest('api', apiRoutes, log, request, response));
  const page = createHttpServer(async (request, response) => {
    const { path } = splitTarget(request.url);
    if (config !== undefined && (await servePageAsset(path, config, response))) return;
    answerScenarioRequest('page', pageRoutes, log, request, response);
  });

  try {
    const pagePort = await listen(page, options.pagePort ?? 0, host);
    const apiPort = await listen(api, options.apiPort ?? 0, host);
    config = pageConfig(originFor(host, pagePort), originFor(host, apiPort), scenarios);
  } catch (error) {
    await Promise.all([closeServer(page), closeServer(api)]);
    throw error;
  }

  return {
    pageOrigin: config.pageOrigin,
    apiOrigin: config.apiOrigin,
    pageUrl: `${config.pageOrigin}/`,
    log,
    clearLog: () => void log.splice(0),
    close: async () => void (await Promise.all([closeServer(page), closeServer(api)])),
  };
}
