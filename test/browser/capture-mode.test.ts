import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/capture/exchange';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { openCorsPanel } from './support/cors-panel';
import { DevToolsTargets } from './support/devtools-panel';
import { PanelProtocolReader, tabIdOf } from './support/panel-protocol';
import { runScenario } from './support/playground-page';
import { waitUntil } from './support/wait-until';
import { startPlayground, type Playground } from '../playground/server';

/**
 * The capture mode "only while DevTools is open", in real Chromium: with nothing open the
 * background takes its webRequest listeners off, so Chrome sends it nothing and a request then
 * is not listed; a DevTools window (its devtools page's port) or a panel puts them back.
 */

const webRequestEvents = ['onBeforeRequest', 'onSendHeaders', 'onHeadersReceived', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred'];

/**
 * Whether the background's listeners are registered, asked of the worker (chrome.webRequest's own
 * answer): true when all six are, false when none is; a half-registered set throws.
 */
async function listeningIn(worker: Worker): Promise<boolean> {
  const registered = await worker.evaluate<number>(`${JSON.stringify(webRequestEvents)}.filter((name) => chrome.webRequest[name].hasListeners()).length`);
  if (registered !== 0 && registered !== webRequestEvents.length) throw new Error(`${registered} of ${webRequestEvents.length} webRequest events have listeners`);
  return registered > 0;
}

const ofScenario = (name: string) => (exchanges: readonly Exchange[]) => exchanges.filter((e) => new URL(e.url).pathname.includes(name));

/** Runs a scenario that passes in the page, and checks that the page saw it pass (so "not listed" means not captured). */
async function runPassing(page: Page, name: string): Promise<void> {
  const outcome = await runScenario(page, name);
  expect(outcome, name).toMatchObject({ ok: true });
}

describe('capture only while DevTools is open, in Chromium', () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground();
  });
  afterAll(async () => {
    await playground?.close();
  });

  describe('with no DevTools window', () => {
    let session: ChromiumSession;
    let page: Page;
    let tabId: number;

    beforeAll(async () => {
      session = await launchChromium();
      page = await session.context.newPage();
      await page.goto(playground.pageUrl);
      tabId = await tabIdOf(await session.serviceWorker(), playground.pageUrl);
      await (await session.serviceWorker()).evaluate(`chrome.storage.local.set({ captureMode: 'while-devtools-open' })`);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('stops listening, lists nothing made meanwhile, and lists again while a panel is open', async () => {
      const worker = await session.serviceWorker();
      await waitUntil('the listeners are off', async () => !(await listeningIn(worker)));
      await runPassing(page, 'preflighted-put');

      const reader = await PanelProtocolReader.open(session.context, session.extensionId ?? '', tabId);
      await waitUntil('a panel puts the listeners back', () => listeningIn(worker));
      expect(ofScenario('preflighted-put')((await reader.snapshot(tabId)).exchanges)).toEqual([]);

      await runPassing(page, 'json-post');
      const listed = ofScenario('json-post')(await reader.waitFor(tabId, (list) => ofScenario('json-post')(list).some((e) => e.state !== 'pending')));
      expect(listed).toHaveLength(1);
      expect(listed[0]?.preflights).toHaveLength(1);

      await reader.close();
      await waitUntil('the listeners are off again once the panel closed', async () => !(await listeningIn(worker)));
    });

    it('is not woken by the page once stopped with its listeners off, and lists nothing of it', async () => {
      const worker = await session.serviceWorker();
      await waitUntil('the listeners are off', async () => !(await listeningIn(worker)));
      const control = await session.context.newCDPSession(page);
      const statuses: string[] = [];
      control.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
        for (const version of versions) if (version.scriptURL.startsWith('chrome-extension://')) statuses.push(version.runningStatus);
      });
      await control.send('ServiceWorker.enable');
      await control.send('ServiceWorker.stopAllWorkers');
      await waitUntil('the worker stopped', async () => statuses.at(-1) === 'stopped');
      const stoppedAt = statuses.length;
      await runPassing(page, 'head-request');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      // Chrome forgot the listeners with their removal: no event woke the worker for the request.
      expect(statuses.slice(stoppedAt)).toEqual([]);
      await control.detach();

      const reader = await PanelProtocolReader.open(session.context, session.extensionId ?? '', tabId);
      try {
        expect(ofScenario('head-request')((await reader.snapshot(tabId)).exchanges)).toEqual([]);
      } finally {
        await reader.close();
      }
    });

    it('listens again at once when the mode goes back to "always"', async () => {
      const worker = await session.serviceWorker();
      await waitUntil('the listeners are off', async () => !(await listeningIn(worker)));
      await worker.evaluate(`chrome.storage.local.set({ captureMode: 'always' })`);
      await waitUntil('the listeners are back', () => listeningIn(worker));
      await runPassing(page, 'simple-get');
      const reader = await PanelProtocolReader.open(session.context, session.extensionId ?? '', tabId);
      try {
        expect(ofScenario('simple-get')(await reader.waitFor(tabId, (list) => ofScenario('simple-get')(list).length > 0))).toHaveLength(1);
      } finally {
        await reader.close();
        await worker.evaluate(`chrome.storage.local.set({ captureMode: 'while-devtools-open' })`);
      }
    });
  });

  describe('with a DevTools window open on the page, the CORS tab never shown', () => {
    let session: ChromiumSession;
    let targets: DevToolsTargets;
    let page: Page;
    let tabId: number;

    beforeAll(async () => {
      session = await launchChromium({ devtools: true });
      targets = await DevToolsTargets.open(session.browser);
      page = session.context.pages()[0] ?? (await session.context.newPage());
      await page.goto(playground.pageUrl);
      tabId = await tabIdOf(await session.serviceWorker(), playground.pageUrl);
      // DevTools takes its time to start on a busy machine: its devtools page must be there before
      // the mode changes, or the background's grace runs out first (it would then only start again
      // when the page connects).
      await waitUntil('the devtools page is loaded', async () => (await targets.targets()).some((t) => t.url.endsWith('/extension/devtools/devtools.html')), 30_000);
      await (await session.serviceWorker()).evaluate(`chrome.storage.local.set({ captureMode: 'while-devtools-open' })`);
    });
    afterAll(async () => {
      await targets?.close();
      await session?.close();
    });

    it('keeps listening past the grace period, through a stop of the worker, and lists what the page does', async () => {
      // Longer than the background's grace (2 s): a DevTools window alone keeps the listeners on.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await listeningIn(await session.serviceWorker())).toBe(true);

      // The worker stopped (as Chrome stops an idle one): the devtools page connects again and wakes it.
      const control = await session.context.newCDPSession(page);
      await control.send('ServiceWorker.enable');
      await control.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const worker = await session.serviceWorker();
      expect(await listeningIn(worker)).toBe(true);

      await runPassing(page, 'preflighted-put');
      const reader = await PanelProtocolReader.open(session.context, session.extensionId ?? '', tabId);
      try {
        const listed = ofScenario('preflighted-put')(await reader.waitFor(tabId, (list) => ofScenario('preflighted-put')(list).some((e) => e.state !== 'pending')));
        expect(listed).toHaveLength(1);
      } finally {
        await reader.close();
      }
    });

    it("shows the mode in the CORS tab's checkbox, and stores what the user ticks", async () => {
      const panel = await openCorsPanel(session, targets);
      const box = `document.querySelector('input[aria-label="Capture only while DevTools is open"]')`;
      expect(await panel.waitFor<boolean>(`${box}?.checked === true`)).toBe(true);
      const stored = async (): Promise<unknown> => (await session.serviceWorker()).evaluate(`chrome.storage.local.get('captureMode').then((s) => s.captureMode)`);
      await panel.evaluate(`${box}.click()`);
      await waitUntil('the panel stored "always"', async () => (await stored()) === 'always');
      await panel.evaluate(`${box}.click()`);
      await waitUntil('the panel stored "while-devtools-open"', async () => (await stored()) === 'while-devtools-open');
    });

    it('stops listening once that window is closed', async () => {
      expect(await targets.closeTarget((url) => url.startsWith('devtools://devtools/bundled/devtools_app.html'))).toBe(true);
      const worker = await session.serviceWorker();
      await waitUntil('the listeners are off', async () => !(await listeningIn(worker)));
    });
  });
});
