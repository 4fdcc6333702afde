/**
 * Records the HAR fixtures of the HAR analysis from the playground in real Chromium:
 *   npm run build && npx tsx test/har/record-har.ts [--out DIR] [--raw DIR]
 *
 * One run of every playground scenario, captured three ways at once:
 * - `chromium-devtools.har`: DevTools' own export, `chrome.devtools.network.getHAR()` evaluated in
 *   the extension's devtools page (Chromium launched with DevTools open);
 * - `chromium-playwright.har`: Playwright's `recordHar` of the same context;
 * - `chromium-observed.json`: what Chromium itself said, per request URL: `Network.loadingFailed`'s
 *   `corsErrorStatus` over a CDP session on the page, and the page's outcome per scenario.
 * Bodies and stack traces are trimmed (see trim-har.ts). `--out DIR` writes elsewhere than
 * test/fixtures/har (to check that another run reads the same); `--raw DIR` also keeps the
 * untrimmed files there.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { observeCorsErrors } from '../browser/support/cdp-cors-errors';
import { launchChromium } from '../browser/support/chromium';
import { DevToolsTargets } from '../browser/support/devtools-panel';
import { runAllScenarios } from '../browser/support/playground-page';
import { startPlayground } from '../playground/server';
import { trimHar } from './trim-har';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const rawDir = option('--raw');
  const fixtureDir = resolve(option('--out') ?? resolve(import.meta.dirname, '../fixtures/har'));
  const work = await mkdtemp(join(tmpdir(), 'cors-devtools-har-'));
  const playwrightHar = join(work, 'playwright.har');
  const playground = await startPlayground();
  const session = await launchChromium({ devtools: true, recordHarPath: playwrightHar });
  try {
    const extensionId = session.extensionId;
    if (extensionId === null) throw new Error('The extension did not load: run `npm run build` first');
    const targets = await DevToolsTargets.open(session.browser);
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    // DevTools must be recording before the page loads, or its HAR misses the first requests.
    const devtoolsPage = await targets.attach((url) => url === `chrome-extension://${extensionId}/extension/devtools/devtools.html`);
    const requests = await observeCorsErrors(page);
    await page.goto(playground.pageUrl);
    const outcomes = await runAllScenarios(page);
    // Let the last responses reach DevTools before asking for its log.
    await page.waitForTimeout(500);
    const devtoolsHar = await devtoolsPage.evaluate<unknown>('new Promise((resolve) => chrome.devtools.network.getHAR(resolve))');
    await targets.close();
    await session.close();
    const playwright = JSON.parse(await readFile(playwrightHar, 'utf8')) as unknown;
    if (rawDir !== undefined) {
      await mkdir(rawDir, { recursive: true });
      await writeFile(join(rawDir, 'chromium-devtools.har'), JSON.stringify(devtoolsHar, null, 2));
      await writeFile(join(rawDir, 'chromium-playwright.har'), JSON.stringify(playwright, null, 2));
    }
    // One entry per request Chromium failed with a CorsError (a failed preflight is one of its own).
    const corsErrors = [...requests.values()].flatMap(({ url, method, corsError, failedParameter }) =>
      corsError === null ? [] : [{ url, method, corsError, failedParameter: failedParameter ?? '' }],
    );
    const observed = { browser: session.browser.version(), pageOrigin: playground.pageOrigin, apiOrigin: playground.apiOrigin, corsErrors, outcomes };
    await mkdir(fixtureDir, { recursive: true });
    await writeFile(join(fixtureDir, 'chromium-devtools.har'), `${JSON.stringify(trimHar(devtoolsHar), null, 1)}\n`);
    await writeFile(join(fixtureDir, 'chromium-playwright.har'), `${JSON.stringify(trimHar(playwright), null, 1)}\n`);
    await writeFile(join(fixtureDir, 'chromium-observed.json'), `${JSON.stringify(observed, null, 1)}\n`);
    console.log(`Recorded ${Object.keys(outcomes).length} scenarios, ${corsErrors.length} CORS errors, into ${fixtureDir}`);
  } finally {
    await session.close();
    await playground.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
