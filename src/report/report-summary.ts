import type { Exchange } from '../capture/exchange';
import { isUnexpectedPreflight } from './unexpected-preflight';

/** Counts over the exported exchanges, shared by the Markdown and JSON reports. */
export interface ReportSummary {
  /** Cross-origin exchanges exported. */
  readonly total: number;
  /** The core's verdict: blocked. */
  readonly failed: number;
  readonly passed: number;
  /** Nothing failed, but a needed part (preflight or response) was not observed. */
  readonly notObserved: number;
  /** Not settled yet, or not diagnosed. */
  readonly pending: number;
  /** The browser reported an error that CORS may explain (net::ERR_FAILED, NS_ERROR_DOM_BAD_URI). */
  readonly blockedByBrowser: number;
  /** Requests that needed a preflight (sent or answered by the preflight cache). */
  readonly preflighted: number;
  /** Preflight requests actually sent (a redirect or a parallel request may send several). */
  readonly preflightsSent: number;
  /** Requests that needed a preflight and got it from the preflight cache. */
  readonly preflightCacheHits: number;
  /** See `isUnexpectedPreflight`. */
  readonly likelyUnexpectedPreflights: number;
  /** Per `Network.CorsError` name, most frequent first. */
  readonly errors: ReadonlyArray<{ readonly error: string; readonly count: number }>;
  /** Per warning code, most frequent first. */
  readonly warnings: ReadonlyArray<{ readonly code: string; readonly count: number }>;
}

/** Whether the core found the exchange blocked. */
export function isFailedExchange(exchange: Exchange): boolean {
  return exchange.diagnosis?.verdict.ok === false;
}

/**
 * Whether the preflight cache answered for the exchange: the capture linked it to the cache (it
 * needed a preflight, was sent, and none was seen for its last hop). A request with no preflight
 * and no such link is not taken for a cache hit: a HAR that records no preflights shows them all so.
 */
export function preflightCacheHit(exchange: Exchange): boolean {
  return exchange.preflights.length === 0 && exchange.preflightCache !== null;
}

function ranked<K extends string>(counts: Map<string, number>, key: K): Array<Record<K, string> & { readonly count: number }> {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, count]) => ({ [key]: name, count }) as Record<K, string> & { readonly count: number });
}

export function summarize(exchanges: readonly Exchange[]): ReportSummary {
  let failed = 0;
  let passed = 0;
  let notObserved = 0;
  let pending = 0;
  let blockedByBrowser = 0;
  let preflighted = 0;
  let preflightsSent = 0;
  let preflightCacheHits = 0;
  let likelyUnexpectedPreflights = 0;
  const errors = new Map<string, number>();
  const warnings = new Map<string, number>();
  for (const exchange of exchanges) {
    const d = exchange.diagnosis;
    preflightsSent += exchange.preflights.length;
    if (d === null) {
      pending++;
      continue;
    }
    if (d.blockedByBrowser) blockedByBrowser++;
    if (d.classification.preflight) preflighted++;
    if (d.classification.preflight && preflightCacheHit(exchange)) preflightCacheHits++;
    if (isUnexpectedPreflight(exchange)) likelyUnexpectedPreflights++;
    const v = d.verdict;
    if (v.ok === true) passed++;
    else if (v.ok === null) notObserved++;
    else {
      failed++;
      const name = v.error ?? 'blocked';
      errors.set(name, (errors.get(name) ?? 0) + 1);
    }
    for (const w of v.warnings) warnings.set(w.code, (warnings.get(w.code) ?? 0) + 1);
  }
  return {
    total: exchanges.length,
    failed,
    passed,
    notObserved,
    pending,
    blockedByBrowser,
    preflighted,
    preflightsSent,
    preflightCacheHits,
    likelyUnexpectedPreflights,
    errors: ranked(errors, 'error'),
    warnings: ranked(warnings, 'code'),
  };
}
