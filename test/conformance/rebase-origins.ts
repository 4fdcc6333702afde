/**
 * Moves a vector between origin pairs: the fixture is recorded on 127.0.0.1:8080/8081, a replay
 * may run on other ports. Every `host:port` of one pair is replaced by the other's, in URLs and in
 * header values (Allow-Origin, Location), whatever the scheme's case or a trailing path.
 */
import type { CaseResponse } from './cases/case';
import type { Origins, VectorRequest } from './vector';

export function rebaseString(text: string, from: Origins, to: Origins): string {
  const table = new Map([
    [hostPort(from.page), hostPort(to.page)],
    [hostPort(from.api), hostPort(to.api)],
  ]);
  // The group matters: without it the lookahead binds to the last alternative only, and the page's
  // 127.0.0.1:8080 would match inside 127.0.0.1:80801.
  const pattern = new RegExp(`(?:${[...table.keys()].map(escape).join('|')})(?![0-9])`, 'g');
  return text.replace(pattern, (found) => table.get(found) ?? found);
}

interface Exchange {
  readonly request: VectorRequest;
  readonly preflight: CaseResponse | null;
  readonly response: CaseResponse | null;
}

/** Rebases the request (URL, origin, header values) and the scripted answers. */
export function rebaseExchange<T extends Exchange>(exchange: T, from: Origins, to: Origins): T {
  const s = (text: string): string => rebaseString(text, from, to);
  const answer = (r: CaseResponse | null): CaseResponse | null =>
    r === null ? null : { status: r.status, headers: r.headers.map(([n, v]) => [n, s(v)] as const) };
  return {
    ...exchange,
    request: {
      ...exchange.request,
      url: s(exchange.request.url),
      origin: exchange.request.origin === 'null' ? 'null' : s(exchange.request.origin),
      headers: exchange.request.headers.map(([n, v]) => [n, s(v)] as const),
    },
    preflight: answer(exchange.preflight),
    response: answer(exchange.response),
  };
}

/** The page and API origins a fixture was recorded with, read from its own vectors. */
export function originsOfVectors(vectors: ReadonlyArray<{ readonly request: { readonly url: string; readonly origin: string } }>): Origins {
  const page = vectors.find((v) => v.request.origin !== 'null')?.request.origin;
  const api = vectors.map((v) => new URL(v.request.url).origin).find((o) => o !== page);
  if (page === undefined || api === undefined) throw new Error('the fixture does not name two origins');
  return { page, api };
}

function hostPort(origin: string): string {
  return new URL(origin).host;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
