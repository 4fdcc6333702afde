import type { Exchange } from '../../../src/capture/exchange';
import type { Scenario } from '../../playground/scenario-types';
import type { ServedRequest } from '../../playground/server';
import type { ObservedRequest } from './cdp-cors-errors';
import type { Outcome } from './playground-page';

/** Everything observed of one scenario run: by the extension, the server and Chromium. */
export interface ScenarioEvidence {
  readonly scenario: Scenario;
  readonly outcome: Outcome | undefined;
  /** The extension's exchanges whose first URL is the scenario's path. */
  readonly exchanges: readonly Exchange[];
  /** What the playground server answered for the scenario. */
  readonly served: readonly ServedRequest[];
  /** Chromium's own record of the scenario's requests (preflights left out). */
  readonly observed: readonly ObservedRequest[];
}

/** Disagreements between the core's verdict and Chromium's, kept for the report. */
export interface VerdictDisagreement {
  readonly scenario: string;
  readonly chromium: string | null;
  readonly core: string | null;
  readonly coreOk: boolean | null;
}

/** The path an exchange started at (before redirects). */
export function firstPath(exchange: Exchange): string {
  return new URL(exchange.redirects[0]?.from ?? exchange.url).pathname;
}

/**
 * What is wrong with the capture of one scenario, as readable lines (none when right):
 * 1. No-cors and same-origin loads make no exchange; CORS ones make one per request sent.
 * 2. Pairing: each exchange's preflights ask for its method and exactly the header names its
 *    classification needs, and together they are the OPTIONS the server saw (method and
 *    Access-Control-Request-Headers, as a multiset); every exchange that needed a preflight
 *    has one, or is linked to the cache entry that let it through.
 * 3. The verdict's error is the CorsError Chromium reported for the request (`disagreements`).
 */
export function captureProblems(evidence: ScenarioEvidence, disagreements: VerdictDisagreement[]): string[] {
  const { scenario, exchanges, served, observed } = evidence;
  const problems: string[] = [];
  const kind = scenario.request.kind;
  if (kind === 'image' || kind === 'no-cors-fetch' || kind === 'same-origin-fetch') {
    if (exchanges.length > 0) problems.push(`${kind} made ${exchanges.length} exchange(s)`);
    return problems;
  }
  const expectedCount = kind === 'fetch' ? (scenario.request.repeat?.count ?? 1) : 1;
  if (exchanges.length !== expectedCount) problems.push(`expected ${expectedCount} exchange(s), got ${exchanges.length}`);

  const servedPreflights = served.filter((s) => s.preflight).map((s) => `${s.path} ${s.accessControlRequestMethod} [${s.accessControlRequestHeaders ?? ''}]`).sort();
  const pairedPreflights = exchanges.flatMap((e) => e.preflights.map((p) => `${new URL(p.url).pathname} ${p.accessControlRequestMethod} [${p.accessControlRequestHeaders.join(',')}]`)).sort();
  if (JSON.stringify(servedPreflights) !== JSON.stringify(pairedPreflights)) {
    problems.push(`preflights paired ${JSON.stringify(pairedPreflights)} but the server saw ${JSON.stringify(servedPreflights)}`);
  }
  const ids = exchanges.flatMap((e) => e.preflights.map((p) => p.requestId));
  if (new Set(ids).size !== ids.length) problems.push(`a preflight is paired twice: ${ids.join(',')}`);

  for (const exchange of exchanges) {
    const classification = exchange.diagnosis?.classification;
    if (exchange.state === 'pending') problems.push(`${exchange.id} still pending`);
    if (classification === undefined) {
      problems.push(`${exchange.id} has no diagnosis`);
      continue;
    }
    for (const preflight of exchange.preflights) {
      if (preflight.accessControlRequestMethod !== exchange.method) problems.push(`${exchange.id} ${exchange.method} paired with a preflight for ${preflight.accessControlRequestMethod}`);
      if (preflight.startTime < exchange.startTime) problems.push(`${exchange.id} paired with preflight ${preflight.requestId} that started before it`);
      if (exchange.requestHeaders !== null && preflight.accessControlRequestHeaders.join(',') !== classification.requestHeaders.join(',')) {
        problems.push(`${exchange.id} needs [${classification.requestHeaders.join(',')}] but its preflight asked [${preflight.accessControlRequestHeaders.join(',')}]`);
      }
    }
    const hasPreflightState = exchange.preflights.length > 0 || exchange.preflightCache !== null;
    if (classification.preflight !== hasPreflightState) {
      problems.push(`${exchange.id} classified preflight=${classification.preflight} but preflights=${exchange.preflights.length}, cache=${JSON.stringify(exchange.preflightCache)}`);
    }
  }

  // 3. Chromium is the oracle.
  const chromiumErrors = observed.map((o) => o.corsError).filter((e): e is string => e !== null).sort();
  const coreErrors = exchanges.map((e) => e.diagnosis?.verdict.error ?? null).filter((e): e is string => e !== null).sort();
  if (JSON.stringify(chromiumErrors) !== JSON.stringify(coreErrors)) {
    problems.push(`Chromium said ${JSON.stringify(chromiumErrors)}, the core ${JSON.stringify(coreErrors)}`);
    for (const exchange of exchanges) {
      disagreements.push({
        scenario: scenario.name,
        chromium: chromiumErrors[0] ?? null,
        core: exchange.diagnosis?.verdict.error ?? null,
        coreOk: exchange.diagnosis?.verdict.ok ?? null,
      });
    }
  }
  const blocked = exchanges.some((e) => e.diagnosis?.verdict.ok === false);
  if (evidence.outcome !== undefined && evidence.outcome.ok === blocked) {
    const said = exchanges.map((e) => (e.diagnosis?.verdict.ok === null ? `not known (missing ${e.diagnosis.verdict.missing.join(', ')})` : e.diagnosis?.verdict.ok === true ? 'passes' : 'blocked'));
    problems.push(`the page ${evidence.outcome.ok ? 'got' : 'did not get'} the response, the verdict says ${said.join(', ') || 'nothing'}`);
  }
  return problems;
}
