import type { Scenario } from './scenario-types';

/**
 * How many cross-origin CORS-mode requests a scenario makes: what the CORS panel must list for it.
 * No-cors loads (an `<img>` without crossorigin, a `mode: 'no-cors'` fetch) and same-origin
 * requests have no CORS check and are never listed.
 */
export function corsRequestsOf(scenario: Scenario): number {
  const request = scenario.request;
  switch (request.kind) {
    case 'fetch':
      return request.repeat?.count ?? 1;
    case 'image-crossorigin':
      return 1;
    case 'image':
    case 'no-cors-fetch':
    case 'same-origin-fetch':
      return 0;
  }
}

/** The CORS requests of a whole catalogue. */
export function corsRequestsIn(scenarios: readonly Scenario[]): number {
  return scenarios.reduce((sum, scenario) => sum + corsRequestsOf(scenario), 0);
}
