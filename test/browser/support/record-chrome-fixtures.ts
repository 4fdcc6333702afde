/**
 * Records the Chrome webRequest fixtures of the capture's hard cases:
 *   npm run build && npx tsx test/browser/support/record-chrome-fixtures.ts [case...]
 * Each case runs in the playground page with the extension loaded; raw webRequest listeners in the
 * extension's service worker collect the events, which are trimmed and written to
 * test/fixtures/web-request/chrome/<case>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../playground/server';
import { fixtureOrigins, formatFixture, trimDetails, type WebRequestFixture } from '../../fixtures/web-request/web-request-fixture';
import { launchChromium } from './chromium';
import { runScenario } from './playground-page';
import { recordWebRequest } from './record-web-request';
import { isScenarioEvent, toFixtureOrigins } from './scenario-events';

interface RecordingCase {
  readonly name: string;
  readonly description: string;
  run(page: Page, playground: Playground): Promise<unknown>;
}

const scenario = (name: string, description: string): RecordingCase => ({ name, description, run: (page) => runScenario(page, name) });

const cases: readonly RecordingCase[] = [
  scenario('parallel-preflights', 'Five identical preflighted PUTs at once (Max-Age 0): five preflights, ids interleaved with the PUTs.'),
  scenario('preflighted-put', 'One preflighted PUT that passes.'),
  scenario('preflight-missing-allow-origin', 'A PUT whose preflight answers 204 without Access-Control-Allow-Origin: the preflight completes, the PUT ends in net::ERR_FAILED without being sent.'),
  scenario('method-not-allowed', 'A DELETE whose preflight allows only GET, POST: MethodDisallowedByPreflightResponse.'),
  scenario('preflight-401', 'A GET with Authorization whose preflight is answered 401: PreflightInvalidStatus.'),
  scenario('preflight-redirect-302', 'A preflight answered 302: not followed, PreflightDisallowedRedirect.'),
  scenario('redirect-307-actual', 'A preflighted PUT answered 307 to another path, which gets a preflight of its own (a new requestId).'),
  scenario('preflight-cache-hit', 'Two PUTs one after the other; the preflight says Max-Age 60, so the second goes without one.'),
  scenario('image-no-cors', 'A cross-origin <img> without crossorigin: a no-cors load, no Origin header, never a CORS exchange.'),
  scenario('image-crossorigin', '<img crossorigin> allowed: a CORS-mode image load.'),
  scenario('image-crossorigin-fails', '<img crossorigin> without Allow-Origin: MissingAllowOriginHeader.'),
  scenario('no-cors-fetch', "fetch(..., { mode: 'no-cors' }): Sec-Fetch-Mode no-cors, no CORS check."),
  scenario('same-origin-fetch', 'A fetch to the page origin: not cross-origin.'),
  scenario('simple-get', 'A simple cross-origin GET that passes.'),
  scenario('missing-allow-origin', 'A simple GET without Access-Control-Allow-Origin: MissingAllowOriginHeader, net::ERR_FAILED.'),
  scenario('allow-origin-mismatch', 'A simple GET whose Allow-Origin names another origin: AllowOriginMismatch.'),
  scenario('server-error-hidden', 'A GET answered 500 without CORS headers: MissingAllowOriginHeader.'),
  scenario('credentials-with-cookie', "credentials: 'include' with a cookie: the Cookie header shows it."),
  scenario('wildcard-credentials', "credentials: 'include' with a cookie, Allow-Origin: *: WildcardOriginNotAllowed."),
  scenario('wildcard-credentials-no-cookie', "credentials: 'include' without a cookie, Allow-Origin: *: nothing on the wire shows credentials."),
  {
    name: 'interleaved-header-sets',
    description: 'Four GETs to one URL at once: X-A, X-B, X-A+X-B and none. Three preflights whose Access-Control-Request-Headers tell them apart, interleaved.',
    run: (page, playground) =>
      page.evaluate(async (url) => {
        const sets: Array<Record<string, string>> = [{ 'X-A': '1' }, { 'X-B': '1' }, { 'X-A': '1', 'X-B': '2' }, {}];
        return Promise.all(sets.map((headers) => fetch(url, { headers }).then((r) => r.status, (e: unknown) => String(e))));
      }, `${playground.apiOrigin}/api/allow-headers-wildcard-authorization?run=interleaved`),
  },
  {
    name: 'navigation',
    description: 'A preflighted PUT, then a reload of the page: the main_frame request is the navigation that clears the list.',
    run: async (page) => {
      await runScenario(page, 'preflighted-put');
      await page.reload();
      await page.waitForFunction(() => 'playground' in window);
    },
  },
];

const only = process.argv.slice(2);
const outDir = new URL('../../fixtures/web-request/chrome/', import.meta.url);
await mkdir(outDir, { recursive: true });

const playground = await startPlayground();
const session = await launchChromium();
try {
  const version = session.browser.version();
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(playground.pageUrl);
  await page.waitForFunction(() => 'playground' in window);
  const recorder = await recordWebRequest(await session.serviceWorker());
  const rebase = toFixtureOrigins(playground);
  for (const recordingCase of cases) {
    if (only.length > 0 && !only.includes(recordingCase.name)) continue;
    await recorder.settle();
    await recorder.take();
    await recordingCase.run(page, playground);
    await recorder.settle();
    const events = (await recorder.take()).filter(isScenarioEvent);
    const timeBase = Math.floor(Number(events[0]?.details['timeStamp'] ?? 0));
    const fixture: WebRequestFixture = {
      name: recordingCase.name,
      description: recordingCase.description,
      recordedWith: `Chromium ${version} headless, the extension's own extraInfoSpec (extraHeaders); timeStamp relative to the first event`,
      origins: fixtureOrigins,
      events: events.map(({ event, details }) => ({ event, details: trimDetails(details, rebase, timeBase) })),
    };
    await writeFile(new URL(`${recordingCase.name}.json`, outDir), formatFixture(fixture));
    console.log(`${recordingCase.name}: ${events.length} events`);
  }
} finally {
  await session.close();
  await playground.close();
}
