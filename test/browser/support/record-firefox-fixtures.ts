/**
 * Records the Firefox webRequest fixtures of the capture's hard cases, beside Chrome's:
 *   npm run build && npx tsx test/browser/support/record-firefox-fixtures.ts [case...]
 * Each playground scenario runs in a tab of Firefox ESR with dist/firefox installed; raw listeners
 * added to the extension's event page (same events, filter and extraInfoSpec as its adapter)
 * collect the callbacks, which are trimmed and written to test/fixtures/web-request/firefox/<case>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fixtureOrigins, formatFixture, trimDetails, type WebRequestFixture } from '../../fixtures/web-request/web-request-fixture';
import { findScenario } from '../../playground/scenarios';
import { startPlayground } from '../../playground/server';
import { launchFirefox } from './firefox';
import { recordFirefoxWebRequest } from './firefox-web-request';
import type { Outcome } from './playground-page';
import { isScenarioEvent, toFixtureOrigins } from './scenario-events';

/** What Firefox's sequence shows, where it differs from the catalogue's (Chromium) description. */
const firefoxNotes: Readonly<Record<string, string>> = {
  'preflighted-put': "Firefox: the PUT's onBeforeRequest and onSendHeaders come before its preflight's; the preflight's requestId was the PUT's + 1.",
  'parallel-preflights': 'Firefox: all five preflights are visible without extraHeaders, and the ids interleave differently from run to run (the order varies from run to run): a preflight\'s id is not its request\'s + 1 under concurrency.',
  'preflight-missing-allow-origin': 'Firefox: the preflight gets onHeadersReceived 204, then both the preflight and the PUT end in onErrorOccurred NS_ERROR_DOM_BAD_URI (the PUT is never sent, yet had onSendHeaders).',
  'method-not-allowed': 'Firefox: both requests end in NS_ERROR_DOM_BAD_URI; only the headers say the method was refused.',
  'preflight-401': 'Firefox: both requests end in NS_ERROR_DOM_BAD_URI.',
  'preflight-redirect-302': 'Firefox follows the redirected preflight (onBeforeRedirect), then the PUT ends in NS_ERROR_DOM_BAD_URI and the preflight, at the target, in NS_ERROR_NET_ON_RECEIVING_FROM.',
  'redirect-307-actual': 'Firefox: onBeforeRedirect on the PUT, then the same requestId at the new URL, whose preflight has a new id.',
  'preflight-cache-hit': 'Firefox ESR 153 here sent a second preflight despite Access-Control-Max-Age: 60 (also without the extension).',
  'missing-allow-origin': 'Firefox blocks it, yet webRequest ends it in a normal onCompleted 200: only the extension\'s own check can say it failed.',
  'allow-origin-mismatch': 'Firefox blocks it, yet webRequest ends it in a normal onCompleted 200.',
  'server-error-hidden': 'Firefox blocks it, yet webRequest ends it in a normal onCompleted 500.',
  'wildcard-credentials': 'Firefox blocks it, yet webRequest ends it in a normal onCompleted 200; the Cookie header shows the credentials.',
  'wildcard-credentials-no-cookie': "Firefox blocks it (fetch() rejects), yet webRequest ends it in a normal onCompleted 200 and nothing shows credentials: 'include' (no Cookie header). The capture diagnoses it as passing.",
  'image-crossorigin-fails': 'Firefox blocks the image, yet webRequest ends it in a normal onCompleted 200.',
};

const defaultCases = [
  'preflighted-put',
  'parallel-preflights',
  'preflight-missing-allow-origin',
  'method-not-allowed',
  'preflight-401',
  'preflight-redirect-302',
  'redirect-307-actual',
  'preflight-cache-hit',
  'image-no-cors',
  'image-crossorigin',
  'image-crossorigin-fails',
  'no-cors-fetch',
  'same-origin-fetch',
  'simple-get',
  'missing-allow-origin',
  'allow-origin-mismatch',
  'server-error-hidden',
  'credentials-with-cookie',
  'wildcard-credentials',
  'wildcard-credentials-no-cookie',
];

const only = process.argv.slice(2);
const names = only.length > 0 ? only : defaultCases;
const outDir = new URL('../../fixtures/web-request/firefox/', import.meta.url);
await mkdir(outDir, { recursive: true });

const playground = await startPlayground();
const session = await launchFirefox();
try {
  const version = (await session.browser.version()).replace(/^firefox\//, '');
  const page = await session.browser.newPage();
  await page.goto(playground.pageUrl);
  await page.waitForFunction(() => 'playground' in window);
  await session.pingBackground();
  const extensionPage = await session.openExtensionPage('/extension/panel/panel.html');
  const recorder = await recordFirefoxWebRequest(extensionPage);
  const rebase = toFixtureOrigins(playground);
  for (const name of names) {
    const scenario = findScenario(name);
    if (scenario === undefined) throw new Error(`no playground scenario ${name}`);
    await recorder.settle();
    await recorder.take();
    await page.evaluate((n) => (window as unknown as { playground: { run(name: string): Promise<Outcome> } }).playground.run(n), name);
    await recorder.settle();
    const events = (await recorder.take()).filter(isScenarioEvent);
    const timeBase = Math.floor(Number(events[0]?.details['timeStamp'] ?? 0));
    const note = firefoxNotes[name];
    const fixture: WebRequestFixture = {
      name,
      description: note === undefined ? scenario.description : `${scenario.description} ${note}`,
      recordedWith: `Firefox ${version} headless (puppeteer-core over WebDriver BiDi), listeners on the extension's event page with its own extraInfoSpec; timeStamp relative to the first event`,
      origins: fixtureOrigins,
      events: events.map(({ event, details }) => ({ event, details: trimDetails(details, rebase, timeBase) })),
    };
    await writeFile(new URL(`${name}.json`, outDir), formatFixture(fixture));
    console.log(`${name}: ${events.length} events`);
  }
} finally {
  await session.close();
  await playground.close();
}
