/**
 * Records the Firefox HAR fixture of the HAR analysis from the playground in real Firefox ESR:
 *   npx tsx test/har/record-firefox-har.ts [--out DIR] [--raw DIR]
 *
 * One run of every playground scenario in a tab whose DevTools toolbox is open on the network
 * monitor (`--devtools`), with Firefox's own HAR auto-export turned on
 * (`devtools.netmonitor.har.enableAutoExportToFile`): when the tab navigates away, Firefox writes
 * the network monitor's log as a HAR, exactly as "Save All As HAR" would. Written beside it:
 * - `firefox-devtools.har`: that file, bodies trimmed (see trim-har.ts);
 * - `firefox-observed.json`: what Firefox itself did: the page's outcome per scenario, and the
 *   reason Firefox's console gave for each CORS block (its `security.properties` key).
 * No extension is needed: the HAR is the browser's. `--out DIR` writes elsewhere than
 * test/fixtures/har; `--raw DIR` also keeps the untrimmed file there.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox } from '../browser/support/firefox';
import { listenToConsoleReasons } from '../browser/support/firefox-console-reasons';
import type { Outcome } from '../browser/support/playground-page';
import { startPlayground } from '../playground/server';
import { trimHar } from './trim-har';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const HAR_NAME = 'playground';

/** Waits for Firefox to finish writing `<dir>/<name>.har` (it writes on navigation, asynchronously). */
async function waitForHar(dir: string, timeoutMs = 60_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = await readdir(dir).catch((): string[] => []);
    if (files.includes(`${HAR_NAME}.har`)) {
      const text = await readFile(join(dir, `${HAR_NAME}.har`), 'utf8');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Still being written.
      }
    }
    if (Date.now() > deadline) throw new Error(`Firefox wrote no HAR into ${dir} (files: ${files.join(', ') || 'none'})`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

function firstTab(pages: readonly Page[]): Page {
  const [page] = pages;
  if (page === undefined) throw new Error('Firefox opened no tab');
  return page;
}

async function main(): Promise<void> {
  const rawDir = option('--raw');
  const fixtureDir = resolve(option('--out') ?? resolve(import.meta.dirname, '../fixtures/har'));
  const harDir = await mkdtemp(join(tmpdir(), 'cors-devtools-firefox-har-'));
  const playground = await startPlayground();
  const session = await launchFirefox({
    extension: null,
    devtools: true,
    prefs: {
      'devtools.toolbox.selectedTool': 'netmonitor',
      'devtools.netmonitor.har.enableAutoExportToFile': true,
      'devtools.netmonitor.har.defaultLogDir': harDir,
      'devtools.netmonitor.har.defaultFileName': HAR_NAME,
    },
  });
  try {
    const reasons = await listenToConsoleReasons(session.chrome);
    // --devtools opens the toolbox for the first tab only: the scenarios run there.
    const page = firstTab(await session.browser.pages());
    await page.goto(playground.pageUrl);
    await page.waitForFunction(() => 'playground' in window);
    const outcomes = await page.evaluate(() => (window as unknown as { playground: { runAll(): Promise<Record<string, Outcome>> } }).playground.runAll());
    // The export's collector waits for the network to go quiet (`har.pageLoadedTimeout`) before
    // it counts the page as loaded; a navigation before that writes nothing. Then navigate away:
    // that writes the HAR.
    await new Promise((done) => setTimeout(done, 4000));
    await page.goto('about:blank');
    const har = await waitForHar(harDir);
    const messages = await reasons.take();
    const browserVersion = await session.browser.version();
    await session.close();
    if (rawDir !== undefined) {
      await mkdir(rawDir, { recursive: true });
      await writeFile(join(rawDir, 'firefox-devtools.har'), JSON.stringify(har, null, 2));
    }
    const observed = {
      browser: browserVersion,
      pageOrigin: playground.pageOrigin,
      apiOrigin: playground.apiOrigin,
      consoleReasons: messages.map(({ key, url, parameter, warning }) => ({ key, url, parameter, warning })),
      outcomes,
    };
    await mkdir(fixtureDir, { recursive: true });
    await writeFile(join(fixtureDir, 'firefox-devtools.har'), `${JSON.stringify(trimHar(har), null, 1)}\n`);
    await writeFile(join(fixtureDir, 'firefox-observed.json'), `${JSON.stringify(observed, null, 1)}\n`);
    process.stdout.write(`Recorded ${Object.keys(outcomes).length} scenarios, ${messages.length} console CORS messages, into ${fixtureDir}\n`);
  } finally {
    await session.close();
    await playground.close();
    await rm(harDir, { recursive: true, force: true });
  }
}

await main();
