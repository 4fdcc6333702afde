import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../../browser/support/chromium-binary';

/**
 * A headless Chromium driven by no one: nothing attaches to the page, so nothing turns on
 * network recording (Playwright and Puppeteer do, for every page they control). The page is
 * opened through the DevTools HTTP endpoint (`PUT /json/new?<url>`), which creates a tab without
 * attaching to it; a URL on the command line is not loaded when an extension is.
 */
export interface BareChromium {
  close(): Promise<void>;
}

/**
 * `beforePage` runs once the browser is up and before the page opens, with the browser's DevTools
 * WebSocket address (to set the extension up; whatever it attaches must be detached when it ends).
 */
export async function startBareChromium(url: string, extensionDir: string | null, beforePage?: (wsEndpoint: string) => Promise<void>): Promise<BareChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'cors-bench-profile-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    ...(extensionDir === null ? ['--disable-extensions'] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
    'about:blank',
  ];
  const child = spawn(chromiumPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    const endpoint = await devtoolsEndpoint(child.stderr);
    const port = new URL(endpoint).port;
    if (beforePage !== undefined) await beforePage(endpoint);
    const response = await fetch(`http://127.0.0.1:${port}/json/new?${url}`, { method: 'PUT' });
    if (!response.ok) throw new Error(`could not open the bench page: ${response.status}`);
    child.stderr.resume();
  } catch (error) {
    await close();
    throw error;
  }
  return { close };
}

/** The address Chromium prints as "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>". */
function devtoolsEndpoint(stderr: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Chromium did not open its DevTools port')), 60_000);
    const onData = (chunk: Buffer | string): void => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      stderr.off('data', onData);
      resolve(match[1]);
    };
    stderr.on('data', onData);
  });
}
