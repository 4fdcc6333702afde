import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumFlags, chromiumPath } from './chromium-binary';

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

/** Launches Debian's Chromium with a fresh profile and, by default, the built extension. */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const extension = options.extension === undefined ? chromeBuild : options.extension;
  const userDataDir = await mkdtemp(join(tmpdir(), 'cors-devtools-profile-'));
  const args = [
    ...chromiumFlags,
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

/**
 * Headless Chromium with no extension and no profile to keep: a Playwright Browser to open pages
 * in, for tests that watch what the browser itself does.
 */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumFlags] });
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}
