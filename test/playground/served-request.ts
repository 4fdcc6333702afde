import type { IncomingMessage } from 'node:http';

/** One request the playground answered, as the server saw it. */
export interface ServedRequest {
  /** Which origin answered. */
  readonly server: 'page' | 'api';
  readonly method: string;
  /** The path without the query. */
  readonly path: string;
  /** The query with its '?', or ''. */
  readonly query: string;
  /** The scenario whose route answered, or undefined for an unknown path. */
  readonly scenario: string | undefined;
  /** An OPTIONS request with Access-Control-Request-Method: a CORS preflight. */
  readonly preflight: boolean;
  readonly origin: string | undefined;
  readonly accessControlRequestMethod: string | undefined;
  readonly accessControlRequestHeaders: string | undefined;
  /** Every request header, names lowercased, repeated values joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
  /** The status sent. */
  readonly status: number;
  /** When it arrived (ms since the epoch). */
  readonly time: number;
}

/** The request target split into path and query; never throws, whatever the client sent. */
export function splitTarget(target: string | undefined): { path: string; query: string } {
  const url = target ?? '/';
  const at = url.indexOf('?');
  return at < 0 ? { path: url, query: '' } : { path: url.slice(0, at), query: url.slice(at) };
}

export function headerRecord(request: IncomingMessage): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) record[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return record;
}

export function describeRequest(
  server: ServedRequest['server'],
  request: IncomingMessage,
  scenario: string | undefined,
  status: number,
): ServedRequest {
  const headers = headerRecord(request);
  const method = request.method ?? 'GET';
  const accessControlRequestMethod = headers['access-control-request-method'];
  return {
    server,
    method,
    ...splitTarget(request.url),
    scenario,
    preflight: method === 'OPTIONS' && accessControlRequestMethod !== undefined,
    origin: headers['origin'],
    accessControlRequestMethod,
    accessControlRequestHeaders: headers['access-control-request-headers'],
    headers,
    status,
    time: Date.now(),
  };
}
