import type { Runtime } from 'webextension-polyfill';
import type { CaptureService } from '../../src/capture/capture-service';
import { PANEL_PORT_NAME, PROTOCOL_VERSION, parsePanelMessage, type BackgroundMessage } from '../../src/protocol/messages';

/** Serves one panel's port: the panel says which tab it watches, then gets a snapshot and updates. */
export function servePanelPort(port: Runtime.Port, whenReady: (task: (service: CaptureService) => void) => void): void {
  if (port.name !== PANEL_PORT_NAME) return;
  const send = (message: BackgroundMessage): void => {
    try {
      port.postMessage(message);
    } catch {
      // The panel closed between two updates; its disconnect handler cleans up.
    }
  };
  let unsubscribe: (() => void) | undefined;
  // Tasks wait while the background reads its saved state: a panel may leave meanwhile, and its
  // subscribe must not then run, since nothing would ever unsubscribe it.
  let disconnected = false;
  port.onDisconnect.addListener(() => {
    disconnected = true;
    unsubscribe?.();
    unsubscribe = undefined;
  });
  port.onMessage.addListener((raw: unknown) => {
    const message = parsePanelMessage(raw);
    if (message === undefined) return;
    whenReady((service) => {
      switch (message.type) {
        case 'subscribe':
          if (message.version !== PROTOCOL_VERSION) {
            send({ type: 'version-mismatch', expected: PROTOCOL_VERSION, received: message.version });
            return;
          }
          if (disconnected) return;
          unsubscribe?.();
          unsubscribe = service.subscribe(message.tabId, send);
          return;
        case 'clear':
          return service.clear(message.tabId, Date.now());
        case 'preserve-log':
          return service.setPreserveLog(message.tabId, message.preserve);
      }
    });
  });
}
