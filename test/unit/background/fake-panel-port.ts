import type { Runtime } from 'webextension-polyfill';
import type { BackgroundMessage, PanelMessage } from '../../../src/protocol/messages';
import { PANEL_PORT_NAME } from '../../../src/protocol/messages';
import { transportPair } from '../../../src/protocol/transport';

/**
 * A panel's `runtime.Port` as the background sees it, over an in-memory transport pair (delivery
 * is asynchronous, as between a panel and its background): `port` for `servePanelPort`, `panel`
 * the panel's end to drive (`send` a message, `close` it as DevTools closing does);
 * `fromBackground`, everything the background posted (also after the panel left), and
 * `fromPanel`, everything that reached the background.
 */
export function fakePanelPort() {
  const [panel, background] = transportPair<BackgroundMessage, PanelMessage>();
  const fromBackground: BackgroundMessage[] = [];
  const fromPanel: PanelMessage[] = [];
  background.onMessage((message) => fromPanel.push(message));
  const port = {
    name: PANEL_PORT_NAME,
    postMessage: (message: BackgroundMessage) => {
      fromBackground.push(message);
      background.send(message);
    },
    onMessage: { addListener: (listener: (message: PanelMessage) => void) => void background.onMessage(listener) },
    onDisconnect: { addListener: (listener: () => void) => void background.onDisconnect(listener) },
    /** The background closes the port (its worker stopped). */
    disconnect: () => background.close(),
  };
  return { port: port as unknown as Runtime.Port, panel, fromBackground, fromPanel };
}

/** Lets every message and disconnect sent so far arrive (the pair delivers in microtasks). */
export function delivered(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
