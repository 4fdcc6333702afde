/**
 * The "unexpected preflights" view: preflights per endpoint (origin + path, query ignored), what
 * triggered them, the time spent waiting on them, what the preflight cache did, and what to
 * change to avoid them. Endpoints with the most preflights come first.
 */
import type { Exchange } from '../capture/exchange';
import type { Browser } from '../cors/browser-profile';
import { endpointOf, type Endpoint } from './endpoint-of';
import { preflightCacheBehaviour, type CacheObservation } from './preflight-cache';
import { adviceFor, describeTriggers, preflightTriggers, type PreflightTrigger } from './preflight-triggers';
import { preflightCacheHit } from './report-summary';
import { isUnexpectedPreflight } from './unexpected-preflight';

/** An endpoint (`origin + path` tells them apart) and what its preflights cost. */
export interface PreflightEndpoint extends Endpoint {
  /** Requests that needed a preflight (sent or answered by the cache). */
  readonly requests: number;
  /** Preflights actually sent. */
  readonly preflights: number;
  readonly cacheHits: number;
  /** Requests whose preflight is likely unexpected (see `isUnexpectedPreflight`). */
  readonly likelyUnexpected: number;
  readonly triggers: readonly PreflightTrigger[];
  /** The triggers in one line: "only `x-request-id`", "`content-type: application/json` on every GET". */
  readonly summary: string;
  /** Time spent waiting on preflights (start to end), in ms. */
  readonly waitMs: { readonly total: number; readonly median: number | null };
  readonly cache: readonly CacheObservation[];
  /** What to change to avoid the preflights, most useful first. */
  readonly advice: readonly string[];
}

export interface PreflightEndpointsOptions {
  /** Whose preflight-cache cap to compare Access-Control-Max-Age with. Chromium when absent. */
  readonly browser?: Browser;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function endpointFrom(where: Endpoint, exchanges: readonly Exchange[], browser: Browser): PreflightEndpoint {
  const durations: number[] = [];
  for (const e of exchanges) for (const p of e.preflights) if (p.endTime !== null) durations.push(p.endTime - p.startTime);
  const cacheHits = exchanges.filter((e) => e.diagnosis?.classification.preflight === true && preflightCacheHit(e)).length;
  const triggers = preflightTriggers(exchanges);
  const cache = preflightCacheBehaviour(exchanges, cacheHits, browser);
  const advice: string[] = [];
  // When a method preflights every request anyway, changing headers would not avoid a preflight.
  const methodAlways = triggers.some((t) => t.rule === 'method' && t.requests === exchanges.length);
  for (const t of methodAlways ? triggers.filter((t) => t.rule === 'method') : triggers) {
    const a = adviceFor(t);
    if (!advice.includes(a)) advice.push(a);
  }
  for (const c of cache) if (c.advice !== null && !advice.includes(c.advice)) advice.push(c.advice);
  const medianMs = median(durations);
  return {
    endpoint: where.endpoint,
    origin: where.origin,
    path: where.path,
    requests: exchanges.length,
    preflights: exchanges.reduce((n, e) => n + e.preflights.length, 0),
    cacheHits,
    likelyUnexpected: exchanges.filter(isUnexpectedPreflight).length,
    triggers,
    summary: describeTriggers(triggers, exchanges.length),
    waitMs: { total: round(durations.reduce((a, b) => a + b, 0)), median: medianMs === null ? null : round(medianMs) },
    cache,
    advice,
  };
}

/**
 * The preflighted exchanges grouped per endpoint, with triggers, waiting time, cache behaviour
 * and advice; most preflights first, then most time waited.
 */
export function preflightEndpoints(exchanges: readonly Exchange[], options: PreflightEndpointsOptions = {}): PreflightEndpoint[] {
  const groups = new Map<string, { where: Endpoint; exchanges: Exchange[] }>();
  for (const e of exchanges) {
    if (e.preflights.length === 0 && e.diagnosis?.classification.preflight !== true) continue;
    const where = endpointOf(e.url);
    const group = groups.get(where.endpoint) ?? { where, exchanges: [] };
    group.exchanges.push(e);
    groups.set(where.endpoint, group);
  }
  return [...groups.values()]
    .map((g) => endpointFrom(g.where, g.exchanges, options.browser ?? 'chromium'))
    .sort((a, b) => b.preflights - a.preflights || b.waitMs.total - a.waitMs.total || (a.endpoint < b.endpoint ? -1 : 1));
}
