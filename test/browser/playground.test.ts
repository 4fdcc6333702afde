/**
 * The playground in real Chromium (no extension): every scenario ends the way its catalogue entry
 * says, with the preflights it declares reaching the server and, for failures, Chromium's own CORS
 * error (read over CDP) equal to the declared one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios, type Expected, type Scenario } from '../playground/scenarios';
import { startPlayground, type Playground } from '../playground/server';
import { observeCorsErrors, type ObservedRequest } from './support/cdp-cors-errors';
import { launchPlainChromium } from './support/chromium';

interface Outcome {
  name: string;
  ok: boolean;
  status?: number;
  error?: string;
  count?: number;
}

interface PlaygroundPage {
  scenarios: string[];
  run(name: string): Promise<Outcome>;
  runAll(): Promise<Record<string, Outcome>>;
}

/** Chromium's CORS errors at one URL path, each once. */
function corsErrorsAt(observed: ReadonlyMap<string, ObservedRequest>, path: string): string[] {
  const errors = [...observed.values()].filter((r) => new URL(r.url).pathname === path).map((r) => r.corsError);
  return [...new Set(errors.filter((e): e is string => e !== null))];
}

function pathsOf(scenario: Scenario): string[] {
  return scenario.redirectTarget ? [scenario.path, scenario.redirectTarget.path] : [scenario.path];
}

describe('CORS playground in Chromium', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let observed: Map<string, ObservedRequest>;
  let outcomes: Record<string, Outcome>;

  beforeAll(async () => {
    playground = await startPlayground();
    browser = await launchPlainChromium();
    page = await browser.newPage();
    observed = await observeCorsErrors(page);
    await page.goto(playground.pageUrl);
    await page.waitForFunction(() => 'playground' in window);
    playground.clearLog();
    outcomes = await page.evaluate(() => (window as unknown as { playground: PlaygroundPage }).playground.runAll());
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  it('lists every scenario of the catalogue, in order', async () => {
    const names = await page.evaluate(() => (window as unknown as { playground: PlaygroundPage }).playground.scenarios);
    expect(names).toEqual(scenarios.map((scenario) => scenario.name));
    expect(await page.title()).toBe('CORS playground');
  });

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s ends as declared', (name, scenario: Scenario) => {
    const outcome = outcomes[name];
    const served = playground.log.filter((entry) => entry.scenario === name);
    const preflights = served.filter((entry) => entry.method === 'OPTIONS').length;
    const errors = pathsOf(scenario).flatMap((path) => corsErrorsAt(observed, path));
    const expected: Expected = scenario.expected;

    expect(outcome?.ok, JSON.stringify(outcome)).toBe(expected.ok);
    if (expected.status !== undefined) expect(outcome?.status).toBe(expected.status);
    if (!expected.ok) expect(outcome?.error).toMatch(/^(TypeError: Failed to fetch|Error: image failed to load)$/);
    expect(preflights).toBe(expected.preflights);
    expect(errors).toEqual(expected.corsError === undefined ? [] : [expected.corsError]);
  });

  it('runs one scenario again on its own, with a fresh preflight', async () => {
    playground.clearLog();
    const outcome = await page.evaluate(() =>
      (window as unknown as { playground: PlaygroundPage }).playground.run('preflight-cache-hit'),
    );
    expect(outcome).toEqual({ name: 'preflight-cache-hit', ok: true, status: 200, count: 2 });
    expect(playground.log.map((entry) => entry.method)).toEqual(['OPTIONS', 'PUT', 'PUT']);
  });
});
