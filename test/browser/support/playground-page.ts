import type { Page } from 'playwright-core';

/** What the playground page's `run(name)` resolves to (it never rejects). */
export interface Outcome {
  readonly name: string;
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
  readonly count?: number;
}

interface PlaygroundApi {
  scenarios: string[];
  run(name: string): Promise<Outcome>;
  runAll(): Promise<Record<string, Outcome>>;
}

/** Runs one playground scenario in the page, as its button would. */
export async function runScenario(page: Page, name: string): Promise<Outcome> {
  await page.waitForFunction(() => 'playground' in window);
  return page.evaluate((n) => (window as unknown as { playground: PlaygroundApi }).playground.run(n), name);
}

/** Runs every scenario one after the other. */
export async function runAllScenarios(page: Page): Promise<Record<string, Outcome>> {
  await page.waitForFunction(() => 'playground' in window);
  return page.evaluate(() => (window as unknown as { playground: PlaygroundApi }).playground.runAll());
}
