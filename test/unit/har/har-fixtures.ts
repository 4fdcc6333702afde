import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The recorded fixtures (test/har/record-har.ts) and what Chromium said in the same run.
 * HAR_FIXTURE_DIR points the tests at another recording (`record-har.ts --out DIR`), to check
 * that a fresh run reads the same.
 */
export const fixtureDir = resolve(process.env['HAR_FIXTURE_DIR'] ?? resolve(import.meta.dirname, '../../fixtures/har'));

export const devtoolsHarPath = resolve(fixtureDir, 'chromium-devtools.har');
export const playwrightHarPath = resolve(fixtureDir, 'chromium-playwright.har');

export interface ObservedRun {
  readonly browser: string;
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  readonly corsErrors: ReadonlyArray<{ readonly url: string; readonly method: string; readonly corsError: string; readonly failedParameter: string }>;
  readonly outcomes: Readonly<Record<string, { readonly ok: boolean; readonly count?: number }>>;
}

export const observed = JSON.parse(readFileSync(resolve(fixtureDir, 'chromium-observed.json'), 'utf8')) as ObservedRun;

export const readFixture = (path: string): string => readFileSync(path, 'utf8');

/** The playground scenario a URL belongs to: `/api/<name>[/...]`. */
export function scenarioOf(url: string): string {
  return new URL(url).pathname.split('/')[2] ?? '';
}
