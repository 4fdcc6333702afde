import type { Scenario } from './scenario-types';
import { passes } from './scenarios/passes';
import { preflightFailures } from './scenarios/preflight-failures';
import { responseFailures } from './scenarios/response-failures';
import { special } from './scenarios/special';
import { warnings } from './scenarios/warnings';

export type * from './scenario-types';
export { PIXEL_PNG, REQUEST_ORIGIN, scenarioGroups } from './scenario-types';

/**
 * The playground's catalogue: one scenario per CORS outcome, in button order.
 * Each group lives in `scenarios/<group>.ts`; header lines they share are in `scenarios/header-lines.ts`.
 */
export const scenarios = [
  ...passes,
  ...preflightFailures,
  ...responseFailures,
  ...warnings,
  ...special,
] as const satisfies readonly Scenario[];

export type ScenarioName = (typeof scenarios)[number]['name'];

export const scenarioNames: readonly ScenarioName[] = scenarios.map((scenario) => scenario.name);

/** The scenario called `name`, or undefined. */
export function findScenario(name: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.name === name);
}
