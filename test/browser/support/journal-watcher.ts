import type { Page } from 'playwright-core';
import { journalKeys } from '../../../src/capture/event-journal';

/** A webRequest event that reached the background's listener, as its journal entry shows it. */
export interface DeliveredEvent {
  readonly requestId: string;
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly tabId: number;
}

/**
 * Watches, from an extension page, the background's event journal (`storage.session.onChanged`):
 * the listener journals every event before handling it, so the entries are exactly the events
 * the browser delivered to the background, whether or not it lived to apply them.
 */
export class JournalWatcher {
  private constructor(private readonly page: Page) {}

  static async start(page: Page): Promise<JournalWatcher> {
    await page.evaluate(`(() => {
      globalThis.deliveredEvents = [];
      chrome.storage.session.onChanged.addListener((changes) => {
        for (const [key, change] of Object.entries(changes)) {
          if (!key.startsWith(${JSON.stringify(journalKeys.entry)}) || typeof change.newValue !== 'string') continue;
          const [kind, details] = JSON.parse(change.newValue);
          globalThis.deliveredEvents.push({ requestId: String(details.requestId), kind, method: details.method, path: new URL(details.url).pathname, tabId: details.tabId });
        }
      });
    })()`);
    return new JournalWatcher(page);
  }

  async delivered(): Promise<DeliveredEvent[]> {
    return this.page.evaluate<DeliveredEvent[]>('globalThis.deliveredEvents');
  }
}
