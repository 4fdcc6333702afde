import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PANEL_PORT_NAME, PROTOCOL_VERSION } from '../../../src/protocol/messages';
import { chromeContext, type ChromeContext } from './firefox-chrome-context';

/** Debian's Firefox ESR; FIREFOX_PATH overrides it. */
export const firefoxPath = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

export const firefoxBuild = resolve(import.meta.dirname, '../../../dist/firefox');

/** The gecko id in manifest.json (`browser_specific_settings.gecko.id`). */
export const GECKO_ID = 'cors-devtools@cors-devtools.dev';

export interface FirefoxSession {
  readonly browser: Browser;
  /** Evaluates in the privileged browser window (needs `--remote-allow-system-access`, always given). */
  readonly chrome: ChromeContext;
  /** `moz-extension://<uuid>`, pinned by pref; `null` when launched without the extension. */
  readonly extensionOrigin: string | null;
  /**
   * Opens one of the extension's pages in a new tab and returns it. The first page is opened from
   * the chrome context (BiDi refuses to navigate to moz-extension://), later ones by that page's
   * own `browser.tabs.create`. Puppeteer lists such tabs as `about:blank`, yet `evaluate()` runs
   * in the extension page, with `browser.*`.
   */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * One round trip to the background over the panel's port (`subscribe` -> `snapshot`). Once it
   * answers, the event page has run its top level, so its webRequest listeners are registered:
   * without this, a page's first requests can beat them.
   */
  pingBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Extension folder to install as a temporary add-on; `null` for none. Default: dist/firefox. */
  readonly extension?: string | null;
  /** `--devtools`: open the toolbox for the first tab (it loads the extension's devtools_page). */
  readonly devtools?: boolean;
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Launches Firefox ESR headless with a fresh profile, through puppeteer-core over WebDriver BiDi
 * (no geckodriver, nothing downloaded), and installs the extension temporarily. The prefs keep it
 * off the network and pin the extension's moz-extension UUID so its pages have a known origin.
 */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const extension = options.extension === undefined ? firefoxBuild : options.extension;
  const uuid = randomUUID();
  const profile = await mkdtemp(join(tmpdir(), 'cors-devtools-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access', ...(options.devtools === true ? ['--devtools'] : [])],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Nothing on this machine talks to the internet; keep Firefox from trying.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'app.normandy.enabled': false,
      'extensions.update.enabled': false,
      ...options.prefs,
    },
  });
  try {
    const chrome = await chromeContext(browser);
    if (extension !== null) {
      const installed = await browser.installExtension(extension);
      if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
    }
    const extensionOrigin = extension === null ? null : `moz-extension://${uuid}`;
    let opener: Page | undefined;

    const openExtensionPage = async (path: string): Promise<Page> => {
      if (extensionOrigin === null) throw new Error('launched without the extension');
      const url = `${extensionOrigin}${path}`;
      const before = new Set(await browser.pages());
      if (opener === undefined) {
        await chrome.evaluate(`gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }) && true`);
      } else {
        await opener.evaluate(`browser.tabs.create({ url: ${JSON.stringify(url)}, active: true }).then(() => true)`);
      }
      const page = await pageAt(browser, before, url);
      opener ??= page;
      return page;
    };

    return {
      browser,
      chrome,
      extensionOrigin,
      openExtensionPage,
      async pingBackground() {
        const page = opener ?? (await openExtensionPage(OPENER_PAGE));
        await page.evaluate(pingScript);
      },
      async close() {
        await browser.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true }).catch(() => undefined);
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** The panel page without a tabId: it only says how to open it, a quiet page to evaluate in. */
const OPENER_PAGE = '/extension/panel/panel.html';

/** Finds the new tab whose document is `url` (it shows to puppeteer as about:blank). */
async function pageAt(browser: Browser, before: ReadonlySet<Page>, url: string, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate('document.readyState === "complete" ? location.href : ""').catch(() => '');
      if (href === url) return page;
    }
    if (Date.now() > deadline) throw new Error(`the extension page ${url} did not open`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Extension-page JavaScript: subscribe on the panel port and wait for the snapshot. */
const pingScript = `new Promise((resolve, reject) => {
  const port = browser.runtime.connect({ name: ${JSON.stringify(PANEL_PORT_NAME)} });
  const timer = setTimeout(() => { port.disconnect(); reject(new Error('the background did not answer in 10 s')); }, 10000);
  port.onMessage.addListener((message) => {
    if (message.type !== 'snapshot' && message.type !== 'version-mismatch') return;
    clearTimeout(timer);
    port.disconnect();
    resolve(message.type);
  });
  port.postMessage({ type: 'subscribe', version: ${PROTOCOL_VERSION}, tabId: -1 });
})`;
