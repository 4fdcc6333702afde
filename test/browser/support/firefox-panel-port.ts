import type { Page } from 'puppeteer-core';
import type { Exchange } from '../../../src/capture/exchange';
import { PANEL_PORT_NAME, PROTOCOL_VERSION } from '../../../src/protocol/messages';

/**
 * Reads the background's exchanges the way the panel does, from an extension page in Firefox:
 * `browser.runtime.connect({ name: 'cors-panel' })`, a `subscribe`, and the `snapshot` it answers.
 * Each read opens a fresh port, so an event page that was unloaded in between is woken up.
 */
export async function readSnapshot(extensionPage: Page, tabId: number, timeoutMs = 10_000): Promise<Exchange[]> {
  return extensionPage.evaluate<[], () => Promise<Exchange[]>>(`new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: ${JSON.stringify(PANEL_PORT_NAME)} });
    const timer = setTimeout(() => { port.disconnect(); reject(new Error('no snapshot from the background')); }, ${timeoutMs});
    // The snapshot comes newest page first; older pages follow until none remain.
    let exchanges = [];
    port.onMessage.addListener((message) => {
      if (message.type === 'snapshot') exchanges = message.exchanges;
      else if (message.type === 'snapshot-page') exchanges = [...message.exchanges, ...exchanges];
      else return;
      if (message.remaining > 0) return;
      clearTimeout(timer);
      port.disconnect();
      resolve(JSON.parse(JSON.stringify(exchanges)));
    });
    port.postMessage({ type: 'subscribe', version: ${PROTOCOL_VERSION}, tabId: ${tabId} });
  })`);
}

/** Reads until `done` holds for the list or the time is up; returns the last read. */
export async function waitForExchanges(
  extensionPage: Page,
  tabId: number,
  done: (exchanges: readonly Exchange[]) => boolean,
  timeoutMs = 10_000,
): Promise<Exchange[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exchanges = await readSnapshot(extensionPage, tabId);
    if (done(exchanges) || Date.now() > deadline) return exchanges;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The id of the tab whose URL starts with `prefix`, asked with `browser.tabs.query` from an extension page. */
export async function tabIdOf(extensionPage: Page, prefix: string): Promise<number> {
  const tabs = await extensionPage.evaluate<[], () => Promise<Array<{ id: number; url: string }>>>(
    `browser.tabs.query({}).then((tabs) => tabs.map((t) => ({ id: t.id, url: t.url ?? '' })))`,
  );
  const tab = tabs.find((t) => t.url.startsWith(prefix));
  if (tab === undefined) throw new Error(`no tab at ${prefix}: ${JSON.stringify(tabs)}`);
  return tab.id;
}
