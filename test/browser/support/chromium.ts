import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';

/** Debian's Chromium binary (not the /usr/bin wrapper, which adds an empty --load-extension=). */
export const chromiumPath = process.env['CHROME_PATH'] ?? '/usr/lib/chromium/chromium';

export const chromeBuild = resolve(import.meta.dirname, '../../../dist/chrome');

export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly browser: Browser;
  /** The extension's id, or `null` when launched without it. */
  readonly extensionId: string | null;
  /** The extension's background service worker (the current one: it may be restarted). */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension to load; `null` for none. Default: dist/chrome. */
  readonly extension?: string | null;
  /** Open DevTools for every tab (works headless too). */
  readonly devtools?: boolean;
  readonly headless?: boolean;
  readonly args?: readonly string[];
  /**
   * Record every request of the context as a HAR file (Playwright's `recordHar`), written to this
   * path when the session closes. Default: no recording.
   */
  readonly recordHarPath?: string;
}

/**
 * Launches Debian's Chromium with a fresh profile and, by default, the built extension. The flags
 * keep it off the network: this machine has none, and Chromium would keep trying.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const extension = options.extension === undefined ? chromeBuild : options.extension;
  const userDataDir = await mkdtemp(join(tmpdir(), 'cors-devtools-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    ...(extension === null ? [] : [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`]),
    ...(options.devtools === true ? ['--auto-open-devtools-for-tabs'] : []),
    ...(options.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    args,
    viewport: { width: 1280, height: 800 },
    ...(options.recordHarPath === undefined ? {} : { recordHar: { path: options.recordHarPath } }),
  });
  const browser = context.browser();
  if (browser === null) throw new Error('Playwright gave no Browser for the persistent context');
  let extensionId: string | null = null;
  if (extension !== null) {
    const worker = context.serviceWorkers().find(isExtensionWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    browser,
    extensionId,
    async serviceWorker() {
      const live = context.serviceWorkers().find(isExtensionWorker);
      return live ?? context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 });
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}
