/**
 * How the preflight cache behaved for an endpoint, from the preflights seen: the
 * Access-Control-Max-Age the server sent, URLs that defeat the per-URL cache, preflights sent in
 * parallel, and cache hits.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-cache
 */
import type { Exchange, PreflightRecord } from '../capture/exchange';
import { getHeader } from '../capture/header-list';
import { browserProfile, type Browser } from '../cors/browser-profile';
import { defaultCaching, parseMaxAge } from '../cors/max-age';
import { SUGGESTED_MAX_AGE } from './cors-needs';
import { endpointOf } from './endpoint-of';

export const cacheObservationKinds = ['max-age-missing', 'max-age-invalid', 'max-age-zero', 'max-age-negative', 'max-age-over-cap', 'unique-urls', 'parallel', 'cache-hits'] as const;
export type CacheObservationKind = (typeof cacheObservationKinds)[number];

export interface CacheObservation {
  readonly kind: CacheObservationKind;
  /** How many preflights (or requests, for `cache-hits` and `unique-urls`) it concerns. */
  readonly count: number;
  readonly message: string;
  /** What to change, or null when it is only worth knowing. */
  readonly advice: string | null;
}

function isOk(p: PreflightRecord): boolean {
  return p.response !== null && p.response.status >= 200 && p.response.status <= 299;
}

function queryNames(url: string): Map<string, string> {
  const names = new Map<string, string>();
  const q = url.indexOf('?');
  if (q < 0) return names;
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    names.set(eq < 0 ? pair : pair.slice(0, eq), eq < 0 ? '' : pair.slice(eq + 1));
  }
  return names;
}

/** Query parameters whose value differs between the URLs, or that only some have (the cache busters). */
function varyingParameters(urls: readonly string[]): string[] {
  const values = new Map<string, { values: Set<string>; urls: number }>();
  for (const url of urls) {
    for (const [name, value] of queryNames(url)) {
      const entry = values.get(name) ?? { values: new Set<string>(), urls: 0 };
      entry.values.add(value);
      entry.urls++;
      values.set(name, entry);
    }
  }
  return [...values].filter(([, v]) => v.values.size > 1 || v.urls < urls.length).map(([name]) => name);
}

function maxAgeObservations(preflights: readonly PreflightRecord[], browser: Browser): CacheObservation[] {
  const profile = browserProfile(browser);
  const counts = new Map<CacheObservationKind, { count: number; example: string | null }>();
  const note = (kind: CacheObservationKind, raw: string | null): void => {
    const c = counts.get(kind);
    counts.set(kind, { count: (c?.count ?? 0) + 1, example: c?.example ?? raw });
  };
  for (const p of preflights) {
    if (!isOk(p) || p.response === null) continue;
    const raw = getHeader(p.response.headers, 'access-control-max-age') ?? null;
    const { seconds } = parseMaxAge(raw, profile);
    if (raw === null) note('max-age-missing', raw);
    else if (seconds === null) note('max-age-invalid', raw);
    else if (seconds === 0) note('max-age-zero', raw);
    else if (seconds < 0) note('max-age-negative', raw);
    else if (seconds > profile.maxAgeCap) note('max-age-over-cap', raw);
  }
  const suggest = `Send Access-Control-Max-Age: ${SUGGESTED_MAX_AGE} with the preflight response (Chromium's 2-hour cap; Firefox allows up to 86400).`;
  const out: CacheObservation[] = [];
  for (const [kind, { count, example }] of counts) {
    const shown = JSON.stringify((example ?? '').slice(0, 40));
    switch (kind) {
      case 'max-age-missing':
        out.push({ kind, count, message: `Access-Control-Max-Age is missing, so ${defaultCaching(profile)}.`, advice: suggest });
        break;
      case 'max-age-invalid':
        out.push({ kind, count, message: `Access-Control-Max-Age: ${shown} is not a number of seconds, so ${defaultCaching(profile)}.`, advice: suggest });
        break;
      case 'max-age-zero':
        out.push({ kind, count, message: 'Access-Control-Max-Age: 0 turns the preflight cache off: every request preflights.', advice: suggest });
        break;
      case 'max-age-negative':
        out.push({ kind, count, message: `Access-Control-Max-Age: ${shown} is negative, so the preflight is not cached at all.`, advice: suggest });
        break;
      default:
        out.push({
          kind,
          count,
          message: `Access-Control-Max-Age: ${shown} is above ${profile.label}'s cap of ${profile.maxAgeCap} s (Chromium caps at 7200, Firefox at 86400), so the cap applies.`,
          advice: null,
        });
    }
  }
  return out;
}

/** Preflights to the same URL that started before the previous one ended: the cache was not filled yet. */
function parallelCount(preflights: readonly PreflightRecord[]): number {
  const byUrl = new Map<string, PreflightRecord[]>();
  for (const p of preflights) byUrl.set(p.url, [...(byUrl.get(p.url) ?? []), p]);
  let parallel = 0;
  for (const list of byUrl.values()) {
    const sorted = [...list].sort((a, b) => a.startTime - b.startTime);
    let end = -Infinity;
    for (const p of sorted) {
      if (p.startTime < end) parallel++;
      end = Math.max(end, p.endTime ?? Infinity);
    }
  }
  return parallel;
}

/** What the preflight cache did for these exchanges of one endpoint. */
export function preflightCacheBehaviour(exchanges: readonly Exchange[], cacheHits: number, browser: Browser = 'chromium'): CacheObservation[] {
  const preflights = exchanges.flatMap((e) => e.preflights);
  const out = maxAgeObservations(preflights, browser);
  // Only the endpoint's own URLs: a redirect's preflight to another path is not a cache miss.
  const endpoint = exchanges[0] === undefined ? '' : endpointOf(exchanges[0].url).endpoint;
  const own = preflights.filter((p) => endpointOf(p.url).endpoint === endpoint);
  const urls = [...new Set(own.map((p) => p.url))];
  if (own.length > 1 && urls.length > 1) {
    const busters = varyingParameters(urls);
    const named = busters.map((b) => `\`${b.slice(0, 40)}\``).join(', ');
    out.push({
      kind: 'unique-urls',
      count: urls.length,
      message: `${own.length} preflights went to ${urls.length} different URLs${busters.length > 0 ? ` (${named} differs between them)` : ''}: the preflight cache is per URL, so every new URL preflights again, whatever the max-age.`,
      advice: `Stop varying the URL${busters.length > 0 ? ` with ${named}` : "'s query"} (a cache-busting query defeats the preflight cache); send Cache-Control: no-store on the response instead.`,
    });
  }
  const parallel = parallelCount(preflights);
  if (parallel > 0) {
    out.push({
      kind: 'parallel',
      count: parallel,
      message: `${parallel} preflight${parallel === 1 ? '' : 's'} started while an identical one was still in flight: the cache fills only when a preflight completes.`,
      advice: 'When a page fires identical requests at once, let one complete first (or accept the extra preflights).',
    });
  }
  if (cacheHits > 0) {
    out.push({ kind: 'cache-hits', count: cacheHits, message: `${cacheHits} request${cacheHits === 1 ? ' was' : 's were'} answered by the preflight cache.`, advice: null });
  }
  return out;
}
