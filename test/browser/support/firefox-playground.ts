import type { Page } from 'puppeteer-core';
import { startPlayground, type Playground } from '../../playground/server';
import { launchFirefox, type FirefoxLaunchOptions, type FirefoxSession } from './firefox';
import { tabIdOf } from './firefox-panel-port';

/** Firefox ESR with dist/firefox, on the playground page, with an extension page to read the background from. */
export interface FirefoxPlayground {
  readonly playground: Playground;
  readonly session: FirefoxSession;
  /** The playground page. */
  readonly page: Page;
  /** panel.html without a tab id: it renders a hint and opens no port, so it watches nothing. */
  readonly extensionPage: Page;
  /** The playground tab's id. */
  readonly tabId: number;
  close(): Promise<void>;
}

export async function openFirefoxOnPlayground(options: FirefoxLaunchOptions = {}): Promise<FirefoxPlayground> {
  const playground = await startPlayground();
  let session: FirefoxSession | undefined;
  try {
    session = await launchFirefox(options);
    const page = await session.browser.newPage();
    await page.goto(playground.pageUrl);
    await page.waitForFunction(() => 'playground' in window);
    // The startup race: the first scenario must not beat the event page's listeners.
    await session.pingBackground();
    const extensionPage = await session.openExtensionPage('/extension/panel/panel.html');
    const tabId = await tabIdOf(extensionPage, playground.pageOrigin);
    const opened = session;
    return {
      playground,
      session,
      page,
      extensionPage,
      tabId,
      async close() {
        await opened.close();
        await playground.close();
      },
    };
  } catch (error) {
    await session?.close();
    await playground.close();
    throw error;
  }
}
