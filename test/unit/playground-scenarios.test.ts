/** The playground's catalogue is complete and consistent: names, paths, groups, expectations. */
import { describe, expect, it } from 'vitest';
import { routeTable } from '../playground/route-table';
import { scenarioGroups, scenarioNames, scenarios, type Scenario } from '../playground/scenarios';

describe('playground catalogue', () => {
  it('has at least 40 scenarios with unique kebab-case names', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarioNames).size).toBe(scenarios.length);
    for (const name of scenarioNames) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives each scenario a path of its own, named after it', () => {
    for (const scenario of scenarios) {
      const prefix = scenario.request.kind === 'same-origin-fetch' ? '/same-origin/' : '/api/';
      expect(scenario.path).toBe(`${prefix}${scenario.name}`);
      if ('redirectTarget' in scenario) expect(scenario.redirectTarget.path.startsWith(`${scenario.path}/`)).toBe(true);
    }
    expect(() => routeTable(scenarios, 'api')).not.toThrow();
    expect(() => routeTable(scenarios, 'page')).not.toThrow();
  });

  it('fills every group, in button order', () => {
    const groups = scenarios.map((scenario) => scenario.group);
    expect(new Set(groups)).toEqual(new Set(scenarioGroups));
    const order = groups.map((group) => scenarioGroups.indexOf(group));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('describes each scenario in one sentence and a short title', () => {
    for (const { name, title, description } of scenarios) {
      expect(title.length, name).toBeLessThanOrEqual(45);
      expect(description, name).toMatch(/^[A-Z<a-z].*\.$/);
      expect(description.slice(0, -1), name).not.toMatch(/\.\s/);
    }
  });

  it('declares a CORS error for each failure and none for a pass', () => {
    for (const { name, expected } of scenarios) {
      expect('corsError' in expected, name).toBe(!expected.ok);
    }
  });

  it('declares a preflight answer wherever a preflight is expected', () => {
    for (const scenario of scenarios) {
      if (scenario.expected.preflights > 0) expect('preflight' in scenario, scenario.name).toBe(true);
    }
  });

  it('never puts a no-cors image among the failures', () => {
    const image = scenarios.find((scenario) => scenario.request.kind === 'image');
    expect(image?.expected.ok).toBe(true);
    expect(image?.group).not.toMatch(/failures/);
  });
});

describe('corsRequestsOf', () => {
  it('counts what the panel must list: repeats, crossorigin images, nothing for no-cors or same-origin loads', async () => {
    const { corsRequestsOf, corsRequestsIn } = await import('../playground/cors-requests');
    const count = (name: string) => corsRequestsOf(scenarios.find((s) => s.name === name) as Scenario);
    expect([count('parallel-preflights'), count('preflight-cache-hit'), count('image-crossorigin'), count('image-no-cors'), count('no-cors-fetch'), count('same-origin-fetch')]).toEqual([5, 2, 1, 0, 0, 0]);
    expect(corsRequestsIn(scenarios)).toBe(58);
  });
});
