import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from '../../src/panel/app';
import { PanelClient } from '../../src/protocol/panel-client';
import { connectToBackground } from '../platform/port-transport';

/**
 * Mounts the panel. In DevTools it watches the inspected tab; opened as a normal tab
 * (`panel.html?tabId=N`, the pop-out) it watches tab N.
 */
function inspectedTabId(): number | undefined {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  return browser.devtools?.inspectedWindow?.tabId;
}

const root = document.getElementById('root');
const tabId = inspectedTabId();
if (root !== null) {
  if (tabId === undefined) {
    root.textContent = 'Open this page from the DevTools CORS tab, or add ?tabId=<id> to its address.';
  } else {
    render(<App client={new PanelClient(connectToBackground, tabId)} />, root);
  }
}
