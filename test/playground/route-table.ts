import type { Route, Scenario } from './scenario-types';

/** What answers one path: the scenario and its route for that path. */
export interface RouteEntry {
  readonly scenario: Scenario;
  readonly route: Route;
}

export type RouteTable = ReadonlyMap<string, RouteEntry>;

/** Same-origin scenarios are answered by the page origin, all others by the API origin. */
export function originOf(scenario: Scenario): 'page' | 'api' {
  return scenario.request.kind === 'same-origin-fetch' ? 'page' : 'api';
}

/** Every path the scenarios of one origin answer (their own and their redirect targets). */
export function routeTable(scenarios: readonly Scenario[], server: 'page' | 'api'): RouteTable {
  const table = new Map<string, RouteEntry>();
  for (const scenario of scenarios) {
    if (originOf(scenario) !== server) continue;
    const routes: { path: string; route: Route }[] = [{ path: scenario.path, route: scenario }];
    if (scenario.redirectTarget) routes.push({ path: scenario.redirectTarget.path, route: scenario.redirectTarget });
    for (const { path, route } of routes) {
      if (table.has(path)) throw new Error(`Two scenarios answer ${path}`);
      table.set(path, { scenario, route });
    }
  }
  return table;
}
