import type { Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../playground/server';
import { launchChromium, type ChromiumSession, type LaunchOptions } from './chromium';
import { DevToolsTargets } from './devtools-panel';

/** Chromium with the extension and DevTools open, on the playground page. */
export interface DevToolsSession {
  readonly playground: Playground;
  readonly session: ChromiumSession;
  readonly targets: DevToolsTargets;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openDevToolsOnPlayground(options: Omit<LaunchOptions, 'devtools'> & { readonly pagePort?: number; readonly apiPort?: number } = {}): Promise<DevToolsSession> {
  const { pagePort, apiPort, ...launch } = options;
  const playground = await startPlayground({ ...(pagePort === undefined ? {} : { pagePort }), ...(apiPort === undefined ? {} : { apiPort }) });
  let session: ChromiumSession;
  try {
    session = await launchChromium({ ...launch, devtools: true });
  } catch (error) {
    await playground.close();
    throw error;
  }
  const targets = await DevToolsTargets.open(session.browser);
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(playground.pageUrl);
  return {
    playground,
    session,
    targets,
    page,
    async close() {
      await targets.close();
      await session.close();
      await playground.close();
    },
  };
}
