import type { ChromiumSession } from './chromium';
import type { DevToolsTargets, TargetHandle } from './devtools-panel';

/** Docks DevTools at the bottom so the panel gets the window's width, as most people use it. */
export async function dockDevToolsAtBottom(devtools: TargetHandle): Promise<void> {
  await devtools.evaluate(`(async () => {
    const legacy = await import('./ui/legacy/legacy.js');
    legacy.DockController.DockController.instance().setDockSide('bottom');
  })()`);
}

/** Shows the CORS tab in the open DevTools, docked at the bottom; returns the panel frame. */
export async function openCorsPanel(session: ChromiumSession, targets: DevToolsTargets): Promise<TargetHandle> {
  const panel = await targets.showPanel(session.extensionId ?? '', 'CORS');
  if (panel.devtools !== undefined) await dockDevToolsAtBottom(panel.devtools);
  await panel.waitFor(`document.querySelector('[role=toolbar]') !== null`);
  return panel;
}

/** The tab id Chrome gave the page at `origin`, asked of the extension's service worker. */
export async function tabIdOf(session: ChromiumSession, origin: string): Promise<number> {
  const worker = await session.serviceWorker();
  const id = await worker.evaluate(async (pattern) => {
    // Runs in the service worker, where `chrome` is the extension API.
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } } };
    const tabs = await chrome.tabs.query({ url: pattern });
    return tabs[0]?.id;
  }, `${origin}/*`);
  if (id === undefined) throw new Error(`No tab found for ${origin}`);
  return id;
}
