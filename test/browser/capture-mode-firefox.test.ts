import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/capture/exchange';
import type { Playground } from '../playground/server';
import type { FirefoxSession } from './support/firefox';
import { readSnapshot, waitForExchanges } from './support/firefox-panel-port';
import { openFirefoxOnPlayground, type FirefoxPlayground } from './support/firefox-playground';
import type { Outcome } from './support/playground-page';

/**
 * The capture mode "only while DevTools is open" in Firefox ESR: the event page takes its
 * webRequest listeners off when nothing watches, and a pop-out panel or a DevTools toolbox (its
 * devtools page's port) puts them back. Each "not listed" follows a request the page saw pass.
 */

/** Longer than the background's grace (2 s) before it stops listening. */
const pastGrace = () => new Promise((resolve) => setTimeout(resolve, 3_000));

const ofScenario = (name: string) => (exchanges: readonly Exchange[]) => exchanges.filter((e) => new URL(e.url).pathname.includes(name));

async function runPassing(page: Page, name: string): Promise<void> {
  const outcome = await page.evaluate((n) => (window as unknown as { playground: { run(name: string): Promise<Outcome> } }).playground.run(n), name);
  expect(outcome, name).toMatchObject({ ok: true });
}

describe('capture only while DevTools is open, in Firefox', () => {
  let firefox: FirefoxPlayground;
  let playground: Playground;
  let session: FirefoxSession;
  let page: Page;
  let extensionPage: Page;
  let tabId: number;

  beforeAll(async () => {
    firefox = await openFirefoxOnPlayground();
    ({ playground, session, page, extensionPage, tabId } = firefox);
    await extensionPage.evaluate(`browser.storage.local.set({ captureMode: 'while-devtools-open' })`);
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('lists nothing made while nothing is open, and lists again while a pop-out panel is', async () => {
    await pastGrace();
    await runPassing(page, 'preflighted-put');
    expect(ofScenario('preflighted-put')(await readSnapshot(extensionPage, tabId))).toEqual([]);

    const popout = await session.openExtensionPage(`/extension/panel/panel.html?tabId=${tabId}`);
    await popout.waitForFunction(`document.querySelector('[role=toolbar]') !== null`, { timeout: 10_000 });
    await pastGrace();
    await runPassing(page, 'json-post');
    const listed = ofScenario('json-post')(await waitForExchanges(extensionPage, tabId, (list) => ofScenario('json-post')(list).some((e) => e.state !== 'pending')));
    expect(listed).toHaveLength(1);
    expect(listed[0]?.preflights).toHaveLength(1);

    await popout.close();
    await pastGrace();
    await runPassing(page, 'simple-get');
    expect(ofScenario('simple-get')(await readSnapshot(extensionPage, tabId))).toEqual([]);
  });

  it('lists what the page does while a DevTools toolbox is open on it, the CORS tab never shown', async () => {
    await session.chrome.evaluate(`(async () => {
      const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
      const { gDevTools } = require('devtools/client/framework/devtools');
      const tab = [...gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(playground.pageUrl)}));
      await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
      return true;
    })()`);
    await pastGrace();
    await runPassing(page, 'form-post-simple');
    expect(ofScenario('form-post-simple')(await waitForExchanges(extensionPage, tabId, (list) => ofScenario('form-post-simple')(list).length > 0))).toHaveLength(1);
  });
});
