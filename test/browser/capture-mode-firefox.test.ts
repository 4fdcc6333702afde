import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/capture/exchange';
import { GECKO_ID } from './support/firefox';
import { readSnapshot, waitForExchanges } from './support/firefox-panel-port';
import { openFirefoxOnPlayground, type FirefoxPlayground } from './support/firefox-playground';
import type { Outcome } from './support/playground-page';
import { waitUntil } from './support/wait-until';

/**
 * The capture mode "only while DevTools is open" in Firefox ESR: the event page takes its
 * webRequest listeners off when nothing watches, and a pop-out panel or a DevTools toolbox (its
 * devtools page's port) puts them back. Each "not listed" follows a request the page saw pass.
 * The event page is suspended after 4 s idle (30 s by default), so that suspensions happen
 * within the test: a suspended page must not be woken by requests while nothing is open, and must
 * still see them while DevTools is.
 */

const IDLE_TIMEOUT_MS = 4_000;

const ofScenario = (name: string) => (exchanges: readonly Exchange[]) => exchanges.filter((e) => new URL(e.url).pathname.includes(name));

async function runPassing(page: Page, name: string): Promise<void> {
  const outcome = await page.evaluate((n) => (window as unknown as { playground: { run(name: string): Promise<Outcome> } }).playground.run(n), name);
  expect(outcome, name).toMatchObject({ ok: true });
}

describe('capture only while DevTools is open, in Firefox', () => {
  let firefox: FirefoxPlayground;

  const backgroundState = (): Promise<string> => firefox.session.chrome.evaluate(`WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState`);
  /** Waits until the background says its listeners are on (or off), in the copy it keeps in its origin's localStorage (extension/platform/listening-copy.ts). */
  const untilListening = (on: boolean): Promise<void> =>
    waitUntil(`the listeners are ${on ? 'on' : 'off'}`, async () => (await firefox.extensionPage.evaluate(`localStorage.getItem('webRequestListening')`)) === (on ? 'on' : 'off'), 15_000);
  const untilSuspended = (): Promise<void> => waitUntil('the event page is suspended', async () => (await backgroundState()) === 'stopped', 4 * IDLE_TIMEOUT_MS + 10_000);

  beforeAll(async () => {
    firefox = await openFirefoxOnPlayground({ prefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS } });
    await firefox.extensionPage.evaluate(`browser.storage.local.set({ captureMode: 'while-devtools-open' })`);
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('lists nothing made while nothing is open, and lists again while a pop-out panel is', async () => {
    const { session, page, extensionPage, tabId } = firefox;
    await untilListening(false);
    await runPassing(page, 'preflighted-put');
    expect(ofScenario('preflighted-put')(await readSnapshot(extensionPage, tabId))).toEqual([]);

    const popout = await session.openExtensionPage(`/extension/panel/panel.html?tabId=${tabId}`);
    await popout.waitForFunction(`document.querySelector('[role=toolbar]') !== null`, { timeout: 10_000 });
    await untilListening(true);
    await runPassing(page, 'json-post');
    const listed = ofScenario('json-post')(await waitForExchanges(extensionPage, tabId, (list) => ofScenario('json-post')(list).some((e) => e.state !== 'pending')));
    expect(listed).toHaveLength(1);
    expect(listed[0]?.preflights).toHaveLength(1);

    await popout.close();
    await untilListening(false);
    await runPassing(page, 'simple-get');
    expect(ofScenario('simple-get')(await readSnapshot(extensionPage, tabId))).toEqual([]);
  });

  it('is not woken by requests once suspended with nothing open, and lists none of them', async () => {
    const { page, extensionPage, tabId } = firefox;
    // Once: a page started before the mode changed registered its listeners at its start; the
    // first suspension after it may still be woken once (see extension/platform/listening-copy.ts).
    await untilSuspended();
    await runPassing(page, 'head-request');
    for (const name of ['delete-request', 'range-header']) {
      await untilSuspended();
      await runPassing(page, name);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await backgroundState(), `after ${name}`).toBe('stopped');
    }
    const listed = await readSnapshot(extensionPage, tabId);
    expect(['head-request', 'delete-request', 'range-header'].flatMap((name) => ofScenario(name)(listed))).toEqual([]);
  });

  it('lists what the page does while a DevTools toolbox is open on it, the CORS tab never shown', async () => {
    const { playground, session, page, extensionPage, tabId } = firefox;
    await session.chrome.evaluate(`(async () => {
      const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
      const { gDevTools } = require('devtools/client/framework/devtools');
      const tab = [...gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(playground.pageUrl)}));
      await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
      return true;
    })()`);
    await untilListening(true);
    // Past the idle timeout too: the page may suspend with the toolbox open; it must still see requests.
    await new Promise((resolve) => setTimeout(resolve, IDLE_TIMEOUT_MS + 2_000));
    await runPassing(page, 'form-post-simple');
    expect(ofScenario('form-post-simple')(await waitForExchanges(extensionPage, tabId, (list) => ofScenario('form-post-simple')(list).length > 0))).toHaveLength(1);
  });

  it('back in "always", a page that started with its listeners off and then put them on is woken by requests again', async () => {
    const { playground, session, page, extensionPage, tabId } = firefox;
    await session.chrome.evaluate(`(async () => {
      const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
      const { gDevTools } = require('devtools/client/framework/devtools');
      const tab = [...gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(playground.pageUrl)}));
      await gDevTools.closeToolboxForTab(tab);
      return true;
    })()`);
    await untilListening(false);
    await untilSuspended();
    // The change wakes the page (its storage.local.onChanged listener): it starts with the
    // listeners off (as they were), then puts them on, after its start.
    await extensionPage.evaluate(`browser.storage.local.set({ captureMode: 'always' })`);
    await untilListening(true);
    await untilSuspended();
    const copyBefore = await extensionPage.evaluate(`localStorage.getItem('webRequestListening')`);
    const records = await session.chrome.evaluate<string>(`(() => { const l = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.persistentListeners; const out = []; if (l) for (const [m, e] of l) for (const [ev, ls] of e) if (m === 'webRequest') out.push(ev + ':' + [...ls.values()].map((x) => Object.keys(x).join('+')).join('|')); return out.join(','); })()`);
    await runPassing(page, 'uppercase-patch');
    const stateAfter = await backgroundState();
    const listed = ofScenario('uppercase-patch')(await waitForExchanges(extensionPage, tabId, (list) => ofScenario('uppercase-patch')(list).length > 0));
    expect(listed, `copy before: ${String(copyBefore)}, page after the request: ${stateAfter}, records: ${records}`).toHaveLength(1);
  });
});
