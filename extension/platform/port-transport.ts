import browser from 'webextension-polyfill';
import type { PanelMessage } from '../../src/protocol/messages';
import { PANEL_PORT_NAME } from '../../src/protocol/messages';
import type { PanelTransport } from '../../src/protocol/panel-client';

/** A {@link PanelTransport} over a `runtime.Port` to the background. */
export function connectToBackground(): PanelTransport {
  const port = browser.runtime.connect({ name: PANEL_PORT_NAME });
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  return {
    send(message: PanelMessage) {
      if (open) port.postMessage(message);
    },
    onMessage(listener) {
      const wrapped = (message: unknown): void => listener(message);
      port.onMessage.addListener(wrapped);
      return () => port.onMessage.removeListener(wrapped);
    },
    onDisconnect(listener) {
      const wrapped = (): void => listener();
      port.onDisconnect.addListener(wrapped);
      return () => port.onDisconnect.removeListener(wrapped);
    },
    close() {
      open = false;
      port.disconnect();
    },
  };
}
