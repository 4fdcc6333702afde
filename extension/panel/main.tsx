import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from '../../src/panel/app';
import { PlatformContext } from '../../src/panel/platform';
import { PanelClient } from '../../src/protocol/panel-client';
import { isUnexpectedPreflight } from '../../src/report/unexpected-preflight';
import { devtoolsTheme, extensionPanelPlatform, onDevtoolsThemeChanged } from '../platform/panel-platform';
import { connectToBackground } from '../platform/port-transport';

/**
 * Mounts the panel. In DevTools it watches the inspected tab; opened as a normal tab
 * (`panel.html?tabId=N`, the pop-out) it watches tab N.
 */
function inspectedTabId(): { tabId: number; inDevTools: boolean } | undefined {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return { tabId: fromQuery, inDevTools: false };
  const tabId = browser.devtools?.inspectedWindow?.tabId;
  return tabId === undefined ? undefined : { tabId, inDevTools: true };
}

function applyTheme(theme: 'dark' | 'light' | undefined): void {
  if (theme === undefined) delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

const root = document.getElementById('root');
const target = inspectedTabId();
if (root !== null) {
  if (target === undefined) {
    root.textContent = 'Open this page from the DevTools CORS tab, or add ?tabId=<id> to its address.';
  } else {
    applyTheme(devtoolsTheme());
    onDevtoolsThemeChanged(applyTheme);
    render(
      <PlatformContext.Provider value={extensionPanelPlatform(target.tabId, target.inDevTools)}>
        <App client={new PanelClient(connectToBackground, target.tabId)} unexpected={isUnexpectedPreflight} />
      </PlatformContext.Provider>,
      root,
    );
  }
}
