/**
 * What a browser runner is given (a case with absolute URLs) and the part of an observation every
 * browser shares: what reached the servers. The browser's own verdict is each runner's business.
 */
import type { CaseResponse } from './cases/case';
import { startServers, type ConformanceServers, type PathLog, type ScriptedExchange } from './server';
import type { Origins, VectorRequest } from './vector';

export interface Runnable {
  readonly id: string;
  readonly request: VectorRequest;
  readonly preflight: CaseResponse | null;
  readonly response: CaseResponse | null;
}

/** How one fetch() ended in the page. */
export interface FetchOutcome {
  readonly id: string;
  readonly resolved: boolean;
  readonly status: number;
  readonly message: string;
}

/** What the servers saw for one case, and notes on anything the case did not script. */
export interface ServerObservation {
  /** An OPTIONS preflight reached the server. */
  readonly preflight: boolean;
  /** Its Access-Control-Request-Headers split on ','. */
  readonly requestHeaders: readonly string[];
  /** What reached the server: the preflight's Access-Control-Request-Method, the actual method. */
  readonly wire: { readonly requestMethod: string | null; readonly sentMethod: string | null };
  readonly notes: readonly string[];
}

export function serverObservation(runnable: Runnable, log: PathLog | undefined): ServerObservation {
  const preflight = log?.preflights[0];
  const notes: string[] = [];
  if ((log?.preflights.length ?? 0) > 1) notes.push(`${log?.preflights.length} preflights`);
  const scripted = runnable.preflight !== null || runnable.response !== null;
  if (scripted && preflight !== undefined && runnable.preflight === null) notes.push('unscripted preflight');
  if (scripted && (log?.requests.length ?? 0) > 0 && runnable.response === null) notes.push('unscripted actual request');
  return {
    preflight: preflight !== undefined,
    requestHeaders: splitList(preflight?.requestHeaders ?? null),
    wire: { requestMethod: preflight?.requestMethod ?? null, sentMethod: log?.requests[0]?.method ?? null },
    notes,
  };
}

/** Starts the two servers, builds the runnables for their origins and scripts each one's answers. */
export async function serveRunnables(
  build: (origins: Origins) => readonly Runnable[],
  ports: BrowserRunOptions['ports'],
): Promise<{ readonly servers: ConformanceServers; readonly origins: Origins; readonly runnables: readonly Runnable[] }> {
  const servers = await startServers(ports);
  const origins: Origins = { page: servers.pageOrigin, api: servers.apiOrigin };
  const runnables = build(origins);
  servers.serve(new Map(runnables.map((r) => [pathOf(r.request.url), exchangeOf(r)] as const)));
  return { servers, origins, runnables };
}

function exchangeOf(r: Runnable): ScriptedExchange {
  return { preflight: r.preflight, response: r.response };
}

export function pathOf(url: string): string {
  return new URL(url).pathname;
}

/** Access-Control-Request-Headers as a list: split on ',', trimmed, empties dropped. */
function splitList(value: string | null): string[] {
  if (value === null) return [];
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** What either browser's run adds to the recorded expectation of a case. */
export interface WireObservation {
  /** What reached the server: the preflight's Access-Control-Request-Method, the actual method. */
  readonly wire: { readonly requestMethod: string | null; readonly sentMethod: string | null };
  /** Anything odd worth a look (unscripted requests, a rejection without a CORS error...). */
  readonly notes: readonly string[];
}

/** One browser's run of the corpus. */
export interface BrowserRunResult<O> {
  readonly browserVersion: string;
  readonly origins: Origins;
  readonly observations: ReadonlyMap<string, O>;
  readonly elapsedMs: number;
}

export interface BrowserRunOptions {
  /** 0 picks a free port. */
  readonly ports: { readonly page: number; readonly api: number };
  readonly concurrency?: number;
}
