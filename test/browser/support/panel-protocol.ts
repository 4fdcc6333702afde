import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Exchange } from '../../../src/capture/exchange';
import { PANEL_PORT_NAME, PROTOCOL_VERSION } from '../../../src/protocol/messages';

/**
 * Reads the background's exchanges the way the panel does: from the extension's panel page,
 * opened as a tab, a `runtime.connect({ name: 'cors-panel' })` port and a `subscribe` message;
 * the answer is the `snapshot` the panel renders. Each read opens a fresh port, so a background
 * that stopped in between is simply woken up.
 */
export class PanelProtocolReader {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PanelProtocolReader> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/extension/panel/panel.html?tabId=${tabId}`);
    return new PanelProtocolReader(page);
  }

  async snapshot(tabId: number, timeoutMs = 10_000): Promise<{ exchanges: Exchange[]; evicted: number }> {
    const script = `new Promise((resolve, reject) => {
      const port = chrome.runtime.connect({ name: ${JSON.stringify(PANEL_PORT_NAME)} });
      const timer = setTimeout(() => { port.disconnect(); reject(new Error('no snapshot from the background')); }, ${timeoutMs});
      // The snapshot comes newest page first; older pages follow until none remain.
      let exchanges = [];
      let evicted = 0;
      port.onMessage.addListener((message) => {
        if (message.type === 'snapshot') {
          exchanges = message.exchanges;
          evicted = message.evicted;
        } else if (message.type === 'snapshot-page') {
          exchanges = [...message.exchanges, ...exchanges];
        } else return;
        if (message.remaining > 0) return;
        clearTimeout(timer);
        port.disconnect();
        resolve({ exchanges, evicted });
      });
      port.postMessage({ type: 'subscribe', version: ${PROTOCOL_VERSION}, tabId: ${tabId} });
    })`;
    return this.page.evaluate<{ exchanges: Exchange[]; evicted: number }>(script);
  }

  /** Reads until `done` holds for the list (or the time is up), returning the last read. */
  async waitFor(tabId: number, done: (exchanges: readonly Exchange[]) => boolean, timeoutMs = 15_000): Promise<Exchange[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { exchanges } = await this.snapshot(tabId);
      if (done(exchanges) || Date.now() > deadline) return exchanges;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }
}

/** The id of the tab showing `origin`, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, pageUrl: string): Promise<number> {
  const ids = await worker.evaluate<number[]>(`chrome.tabs.query({ url: ${JSON.stringify(`${new URL(pageUrl).origin}/*`)} }).then((tabs) => tabs.map((tab) => tab.id))`);
  const [id] = ids;
  if (ids.length !== 1 || id === undefined) throw new Error(`expected one tab at ${pageUrl}, found ${ids.length}`);
  return id;
}
