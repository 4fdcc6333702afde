import { chromium } from 'playwright-core';
import { CAPTURE_MODE_KEY, type CaptureMode } from '../../../src/capture/capture-mode';

/**
 * Puts the extension in a capture mode before the bench page opens: Playwright attaches over the
 * browser's DevTools address to the extension's worker only, stores the mode, waits until the
 * worker has taken its listeners off (the mode "while DevTools is open" with none open), and
 * disconnects, so nothing stays attached when the page's fetches are timed.
 */
export function captureModeSetup(mode: CaptureMode): (wsEndpoint: string) => Promise<void> {
  return async (wsEndpoint) => {
    const browser = await chromium.connectOverCDP(wsEndpoint);
    try {
      const context = browser.contexts()[0];
      if (context === undefined) throw new Error('no browser context to find the extension in');
      const isExtension = (url: string): boolean => url.startsWith('chrome-extension://');
      const worker = context.serviceWorkers().find((w) => isExtension(w.url())) ?? (await context.waitForEvent('serviceworker', { predicate: (w) => isExtension(w.url()), timeout: 30_000 }));
      await worker.evaluate(`chrome.storage.local.set(${JSON.stringify({ [CAPTURE_MODE_KEY]: mode })})`);
      const wantListening = mode === 'always';
      const deadline = Date.now() + 15_000;
      while ((await worker.evaluate<boolean>('chrome.webRequest.onBeforeRequest.hasListeners()')) !== wantListening) {
        if (Date.now() > deadline) throw new Error(`the extension's listeners did not follow the capture mode ${mode}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await browser.close();
    }
  };
}
