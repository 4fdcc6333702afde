import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Playground } from '../playground/server';
import type { ChromiumSession } from './support/chromium';
import type { DevToolsTargets, TargetHandle } from './support/devtools-panel';
import { openDevToolsOnPlayground, type DevToolsSession } from './support/devtools-session';
import { readPanelRows } from './support/panel-rows';
import { runScenario } from './support/playground-page';

/**
 * The walking skeleton, end to end in real Chromium: the built extension loads, DevTools has a
 * CORS tab, and a preflighted request the playground makes travels webRequest -> background ->
 * panel, with its preflight paired to it.
 */
describe('the Chrome build in Chromium', () => {
  let devtools: DevToolsSession;
  let playground: Playground;
  let session: ChromiumSession;
  let targets: DevToolsTargets;
  let page: Page;
  let panel: TargetHandle;

  beforeAll(async () => {
    devtools = await openDevToolsOnPlayground();
    ({ playground, session, targets, page } = devtools);
  });

  afterAll(async () => {
    await devtools?.close();
  });

  it('loads the extension with its background service worker', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await session.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${session.extensionId}/service-worker-loader.js`);
  });

  it('adds a tab titled "CORS" to DevTools', async () => {
    panel = await targets.showPanel(session.extensionId ?? '', 'CORS');
    const titles = await panel.devtools?.evaluate<string[]>(`(async () => {
      const legacy = await import('./ui/legacy/legacy.js');
      return legacy.InspectorView.InspectorView.instance().tabbedPane.tabs.map((tab) => tab.title);
    })()`);
    expect(titles).toContain('CORS');
    // The panel's target can be attached before its document has parsed its <title>.
    expect(await panel.waitFor<string>(`document.readyState === 'complete' && document.title`)).toBe('CORS');
  });

  it('lists a preflighted request with its preflight paired to it', async () => {
    const outcome = await runScenario(page, 'preflighted-put');
    expect(outcome.ok).toBe(true);
    const served = playground.log.filter((entry) => entry.scenario === 'preflighted-put');
    expect(served.map((entry) => entry.method)).toEqual(['OPTIONS', 'PUT']);

    // The row appears while the request is in flight, then settles.
    await panel.waitFor(`[...document.querySelectorAll('[data-exchange-id]')].some((row) => row.textContent.includes('/preflighted-put') && !row.textContent.includes('pending'))`);
    const row = (await readPanelRows(panel)).find((r) => r.url.includes('/preflighted-put'));
    expect(row).toMatchObject({ method: 'PUT', preflight: 'sent', status: '200', verdict: 'OK' });
    expect(row?.url.startsWith(playground.apiOrigin)).toBe(true);
  });
});
