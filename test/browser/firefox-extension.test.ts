/**
 * The Firefox build in real Firefox ESR: dist/firefox installs as a temporary add-on, its event
 * page starts, the panel page renders as a tab, and the playground's scenarios travel
 * webRequest -> background -> the `cors-panel` port, where each exchange is read exactly as the
 * panel reads it: paired with the preflights that reached the server, and diagnosed by the core,
 * including the simple failures Firefox completes normally (only the core can call them failed).
 *
 * Nothing here is a test build: the extension is dist/firefox as shipped. The test opens the
 * extension's own panel page (BiDi cannot navigate to moz-extension://, see support/firefox.ts)
 * and speaks the panel's protocol from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/capture/exchange';
import type { ServedRequest } from '../playground/server';
import { scenarios, type Scenario } from '../playground/scenarios';
import { GECKO_ID } from './support/firefox';
import { screenshotToolbox, showExtensionPanel } from './support/firefox-devtools-panel';
import { readSnapshot, waitForExchanges } from './support/firefox-panel-port';
import { openFirefoxOnPlayground, type FirefoxPlayground } from './support/firefox-playground';
import type { Outcome } from './support/playground-page';
import { saveScreenshot } from './support/screenshots';

/** Scenarios that never make a CORS exchange: the panel must not list them. */
const notCors = new Set(['image-no-cors', 'no-cors-fetch', 'same-origin-fetch']);

/**
 * Where the core cannot know what Firefox did: `credentials: 'include'` without a cookie leaves no
 * trace in webRequest (no Cookie header, and Firefox ends the blocked request in a normal
 * onCompleted), so `Allow-Origin: *` passes as seen; the diagnosis then also gives the verdict
 * under credentials, which is what the page got.
 * Recorded in test/fixtures/web-request/firefox/wildcard-credentials-no-cookie.json.
 */
const credentialsUnobservable = new Set(['wildcard-credentials-no-cookie']);

describe('the Firefox build in Firefox ESR', () => {
  let firefox: FirefoxPlayground;
  let outcomes: Record<string, Outcome>;
  let exchanges: Exchange[];
  /** What the playground served during runAll (later tests add requests of their own). */
  let served: ServedRequest[];

  beforeAll(async () => {
    firefox = await openFirefoxOnPlayground();
    const { playground, page, extensionPage, tabId } = firefox;
    playground.clearLog();
    outcomes = await page.evaluate(() => (window as unknown as { playground: { runAll(): Promise<Record<string, Outcome>> } }).playground.runAll());
    served = [...playground.log];
    const corsPaths = scenarios.filter((s) => !notCors.has(s.name)).map((s) => s.path);
    exchanges = await waitForExchanges(extensionPage, tabId, (list) => {
      const listed = new Set(list.map((e) => new URL(e.url).pathname));
      return settled(list) && corsPaths.every((path) => listed.has(path) || [...listed].some((p) => p.startsWith(`${path}/`)));
    });
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('installs dist/firefox as a temporary add-on', async () => {
    const { session } = firefox;
    const addon = await session.chrome.evaluate<{ temporary: boolean; active: boolean; type: string } | null>(`(async () => {
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const addon = await AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)});
      return addon && { temporary: addon.temporarilyInstalled, active: addon.isActive, type: addon.type };
    })()`);
    expect(addon).toEqual({ temporary: true, active: true, type: 'extension' });
  });

  it('runs the background as an event page', async () => {
    const { session, extensionPage } = firefox;
    const background = await extensionPage.evaluate<[], () => Promise<{ path: string; scripts: unknown }>>(`
      browser.runtime.getBackgroundPage().then((w) => ({ path: w.location.pathname, scripts: browser.runtime.getManifest().background.scripts }))`);
    expect(background.path).toBe('/_generated_background_page.html');
    expect(background.scripts).toEqual([`${session.extensionOrigin}/service-worker-loader.js`]);
  });

  it('renders the panel page as a tab for the playground tab, with live updates', async () => {
    const { session, page, tabId } = firefox;
    const panel = await session.openExtensionPage(`/extension/panel/panel.html?tabId=${tabId}`);
    expect(await panel.evaluate('document.title')).toBe('CORS');
    await panel.waitForFunction(`document.querySelectorAll('[data-exchange-id]').length > 0`, { timeout: 10_000 });
    // The list sticks to its newest rows: one more request must appear at the bottom, live. The
    // scenarios already ran once, so the row must be a new one (an exchange id not shown before).
    const puts = `[...document.querySelectorAll('[data-exchange-id]')].filter((row) => row.textContent.includes('/api/preflighted-put'))`;
    const before = await panel.evaluate<[], () => string[]>(`${puts}.map((row) => row.dataset.exchangeId)`);
    await page.evaluate(() => (window as unknown as { playground: { run(name: string): Promise<Outcome> } }).playground.run('preflighted-put'));
    const fresh = `${puts}.filter((row) => !${JSON.stringify(before)}.includes(row.dataset.exchangeId))`;
    await panel
      .waitForFunction(`${fresh}.length > 0`, { timeout: 10_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}; the panel shows: ${await panel.evaluate('document.body.innerText.slice(0, 800)')}`);
      });
    const row = await panel.evaluate<[], () => string | undefined>(`${fresh}.at(-1)?.textContent`);
    expect(row).toContain('PUT');
    await panel.close();
  });

  it('adds a CORS tab to Firefox DevTools and selects it (its content is checked through the panel page above)', async () => {
    const { playground, session } = firefox;
    // A toolbox tall enough for the picture to show a screenful of rows (Firefox docks it at 250 px).
    await session.chrome.evaluate("Services.prefs.setIntPref('devtools.toolbox.footer.height', 520) ?? true");
    const toolbox = await showExtensionPanel(session.chrome, playground.pageUrl, 'CORS');
    expect(toolbox.extensionTabs).toEqual(['CORS']);
    expect(toolbox.selected).toMatch(/^webext-devtools-panel-/);
    // The panel lives in the extension's process, out of the chrome context's reach: give it time
    // to get its snapshot before the picture (the picture is evidence, not an assertion).
    await new Promise((done) => setTimeout(done, 2000));
    await saveScreenshot('firefox-panel.png', await screenshotToolbox(session.chrome));
  });

  it('lists a preflighted PUT with its preflight paired', () => {
    const [put] = exchangesOf('preflighted-put');
    expect(put).toMatchObject({ method: 'PUT', state: 'complete', error: null, response: { status: 200 } });
    expect(put?.preflights.map((p) => [p.accessControlRequestMethod, p.response?.status])).toEqual([['PUT', 204]]);
    expect(put?.diagnosis?.verdict.ok).toBe(true);
  });

  it('lists a failed preflight as failed: both requests end in NS_ERROR_DOM_BAD_URI', () => {
    const [put] = exchangesOf('preflight-missing-allow-origin');
    expect(put).toMatchObject({ method: 'PUT', state: 'failed', error: 'NS_ERROR_DOM_BAD_URI' });
    expect(put?.preflights.map((p) => p.error)).toEqual(['NS_ERROR_DOM_BAD_URI']);
    expect(put?.diagnosis).toMatchObject({ blockedByBrowser: true, verdict: { ok: false, error: 'PreflightMissingAllowOriginHeader' } });
  });

  it('diagnoses a simple request without Allow-Origin as failed, though Firefox completes it', () => {
    expect(outcomes['missing-allow-origin']?.ok).toBe(false);
    const [get] = exchangesOf('missing-allow-origin');
    expect(get).toMatchObject({ method: 'GET', state: 'complete', error: null, response: { status: 200 }, preflights: [] });
    expect(get?.diagnosis).toMatchObject({ blockedByBrowser: false, verdict: { ok: false, error: 'MissingAllowOriginHeader' } });
  });

  it.each(scenarios.filter((s) => notCors.has(s.name)).map((s) => [s.name]))('does not list %s', (name) => {
    expect(exchangesOf(name)).toEqual([]);
  });

  it.each(scenarios.filter((s) => !notCors.has(s.name)).map((s) => [s.name, s] as const))(
    '%s: listed, paired with every preflight that reached the server, diagnosed as Firefox decided',
    (name, scenario: Scenario) => {
      const listed = exchangesOf(name);
      expect(listed.length, JSON.stringify(exchanges.map((e) => e.url))).toBeGreaterThan(0);
      const paired = listed.flatMap((e) => e.preflights.map((p) => new URL(p.url).pathname)).sort();
      expect(paired).toEqual(preflightPathsOnTheWire(scenario));
      for (const exchange of listed) expect(exchange.state).not.toBe('pending');
      const pageOk = outcomes[name]?.ok;
      if (credentialsUnobservable.has(name)) {
        // What can be said is said: it passes as seen, and is blocked if credentials were included.
        for (const exchange of listed) {
          expect(exchange.diagnosis?.verdict.ok).toBe(true);
          expect(exchange.diagnosis?.ifCredentialsIncluded).toMatchObject({ ok: false, firefoxReason: 'CORSNotSupportingCredentials' });
        }
        expect(pageOk).toBe(false);
        return;
      }
      for (const exchange of listed) expect(exchange.diagnosis?.verdict.ok, `${exchange.url}: ${exchange.diagnosis?.verdict.explanation}`).toBe(pageOk);
    },
  );

  it('keeps every exchange when the background answers a fresh port', async () => {
    const { extensionPage, tabId } = firefox;
    const again = new Set((await readSnapshot(extensionPage, tabId)).map((e) => e.id));
    expect(exchanges.filter((e) => !again.has(e.id))).toEqual([]);
  });

  /** The exchanges of one scenario (its path, and its redirect target's). */
  function exchangesOf(name: string): Exchange[] {
    const scenario: Scenario | undefined = scenarios.find((s) => s.name === name);
    if (scenario === undefined) throw new Error(`no scenario ${name}`);
    const target = redirectTargetOf(scenario);
    const paths = [scenario.path, ...(target === undefined ? [] : [target])];
    return exchanges.filter((e) => paths.includes(new URL(e.url).pathname));
  }

  /**
   * The paths of the preflights the server received for a scenario. Firefox follows a redirected
   * preflight (then fails it): that second OPTIONS belongs to the same preflight, not a new one.
   */
  function preflightPathsOnTheWire(scenario: Scenario): string[] {
    const followed = scenario.preflight !== undefined && scenario.preflight.status >= 300 && scenario.preflight.status < 400;
    return served
      .filter((entry) => entry.scenario === scenario.name && entry.preflight)
      .filter((entry) => !(followed && entry.path === redirectTargetOf(scenario)))
      .map((entry) => entry.path)
      .sort();
  }
});

function redirectTargetOf(scenario: Scenario): string | undefined {
  return scenario.redirectTarget?.path;
}

function settled(list: readonly Exchange[]): boolean {
  return list.every((e) => e.state !== 'pending' && e.diagnosis !== null);
}
