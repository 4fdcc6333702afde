import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConsoleReason } from '../../browser/support/firefox-console-reasons';

/**
 * The recorded fixtures (test/har/record-har.ts, test/har/record-firefox-har.ts) and what the
 * browser said in the same run.
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

/** Firefox ESR's own HAR export of a run (test/har/record-firefox-har.ts), and what Firefox did in it. */
export const firefoxHarPath = resolve(fixtureDir, 'firefox-devtools.har');

export interface FirefoxObservedRun {
  readonly browser: string;
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  /** Firefox's console messages about CORS: the `security.properties` key, the URL, its parameter. */
  readonly consoleReasons: ReadonlyArray<Pick<ConsoleReason, 'key' | 'url' | 'parameter' | 'warning'>>;
  readonly outcomes: Readonly<Record<string, { readonly ok: boolean; readonly error?: string; readonly count?: number }>>;
}

export const firefoxObserved = JSON.parse(readFileSync(resolve(fixtureDir, 'firefox-observed.json'), 'utf8')) as FirefoxObservedRun;

/** The playground scenario a URL belongs to: `/api/<name>[/...]`. */
export function scenarioOf(url: string): string {
  return new URL(url).pathname.split('/')[2] ?? '';
}
