import browser from 'webextension-polyfill';
import { documentPlatform, type PanelPlatform } from '../../src/panel/platform';
import { captureModeSetting } from './capture-mode-setting';

/** The panel's host services in the extension: the document's, a pop-out tab and the capture mode. */
export function extensionPanelPlatform(tabId: number, inDevTools: boolean): PanelPlatform {
  return {
    ...documentPlatform,
    openPopout: inDevTools
      ? () => void browser.tabs.create({ url: browser.runtime.getURL(`/extension/panel/panel.html?tabId=${tabId}`) })
      : null,
    captureMode: captureModeSetting,
  };
}

/** DevTools' theme ('dark' or 'light'), or undefined outside DevTools (the system's then applies). */
export function devtoolsTheme(): 'dark' | 'light' | undefined {
  const name = browser.devtools?.panels?.themeName;
  if (name === undefined) return undefined;
  return name === 'dark' ? 'dark' : 'light';
}

/** Firefox tells when the DevTools theme changes; Chrome reloads the panel instead. */
export function onDevtoolsThemeChanged(listener: (theme: 'dark' | 'light') => void): void {
  const event = (browser.devtools?.panels as { onThemeChanged?: { addListener(cb: (name: string) => void): void } } | undefined)?.onThemeChanged;
  event?.addListener((name) => listener(name === 'dark' ? 'dark' : 'light'));
}
