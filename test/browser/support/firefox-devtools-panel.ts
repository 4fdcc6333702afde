import type { ChromeContext } from './firefox-chrome-context';

/**
 * Opens Firefox's DevTools toolbox for a tab and selects the extension's panel, from the chrome
 * context. An extension panel's tool id is `webext-devtools-panel-<...>`, not known in advance,
 * so the tab is found by its label. Returns the labels of the extension tabs and the selected tool id.
 */
export async function showExtensionPanel(chrome: ChromeContext, tabUrlPrefix: string, label: string): Promise<{ extensionTabs: string[]; selected: string }> {
  return chrome.evaluate(`(async () => {
    const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
    const { gDevTools } = require('devtools/client/framework/devtools');
    const tab = [...gBrowser.tabs].find((t) => t.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(tabUrlPrefix)}));
    if (tab === undefined) throw new Error('no tab at ${tabUrlPrefix}');
    gBrowser.selectedTab = tab;
    const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
    // Extension panels are the toolbox's "additional tools"; their tab may sit in the overflow menu.
    const labels = () => toolbox.getAdditionalTools().map((t) => ({ id: t.id, label: t.label }));
    for (let i = 0; i < 100; i++) {
      const found = toolbox.getAdditionalTools().find((t) => t.label === ${JSON.stringify(label)} && t.id.startsWith('webext-devtools-panel-'));
      if (found !== undefined) {
        await toolbox.selectTool(found.id);
        return { extensionTabs: labels().map((t) => t.label), selected: toolbox.currentToolId };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no ' + ${JSON.stringify(label)} + ' tab in the toolbox: ' + JSON.stringify(labels()));
  })()`);
}

/**
 * Screenshots the docked DevTools toolbox, the CORS panel in it, with the toolbox frame's
 * drawSnapshot (BiDi's captureScreenshot does not take chrome contexts). The whole window's
 * snapshot drew the page, another process, over the toolbox's left part in headless Firefox; the
 * toolbox's own frame draws its extension panel faithfully.
 */
export async function screenshotToolbox(chrome: ChromeContext): Promise<Buffer> {
  const dataUrl = await chrome.evaluate<string>(`(async () => {
    const frame = document.querySelector('.devtools-toolbox-bottom-iframe');
    if (frame === null) throw new Error('no docked toolbox to screenshot');
    // The frame's own box: without it the snapshot is the window's size, the toolbox at its top.
    const rect = new DOMRect(0, 0, frame.clientWidth, frame.clientHeight);
    const bitmap = await frame.browsingContext.currentWindowGlobal.drawSnapshot(rect, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/png');
  })()`);
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
