import type { Runtime } from 'webextension-polyfill';
import { servePanelPort } from '../../../extension/background/panel-port';
import { CaptureService } from '../../../src/capture/capture-service';
import type { BackgroundMessage, PanelMessage } from '../../../src/protocol/messages';
import { PANEL_PORT_NAME } from '../../../src/protocol/messages';
import { PanelClient } from '../../../src/protocol/panel-client';
import { transportPair, type Transport } from '../../../src/protocol/transport';
import type { FixtureEvent } from '../../fixtures/web-request/web-request-fixture';
import { memoryPersistence, replay, type MemoryPersistence } from '../capture/replay-events';

/**
 * The background as the extension runs it, over an in-memory port: the capture of `events`
 * (snapshot pages sent one per task, as in the extension) served by the extension's panel port.
 * `restart` stops it as Chrome stops an idle service worker: the port closes, and a new capture
 * starts from what the stopped one saved, which the panel's client reconnects to.
 */
export function captureBackground(events: readonly FixtureEvent[], tabId: number) {
  const first = replay(events);
  let service = first.service;
  let persistence: MemoryPersistence = first.persistence;
  let port: Transport<PanelMessage, BackgroundMessage> | undefined;
  const received: PanelMessage[] = [];
  const connect = () => {
    const [panelSide, backgroundSide] = transportPair<unknown, PanelMessage>() as unknown as [Transport<unknown, PanelMessage>, Transport<PanelMessage, BackgroundMessage>];
    port = backgroundSide;
    backgroundSide.onMessage((message) => received.push(message));
    servePanelPort(runtimePort(backgroundSide), (task) => task(service));
    return panelSide;
  };
  return {
    client: new PanelClient(connect, tabId),
    received,
    /** The exchanges the running background holds for the tab. */
    exchanges: () => service.exchanges(tabId),
    /** Stops the background and starts a new one from what it saved, less the exchanges `lost` names. */
    restart(lost: readonly string[] = []) {
      port?.close();
      const saved: Record<string, unknown> = persistence.snapshot();
      for (const id of lost) delete saved[`x:${id}`];
      persistence = memoryPersistence();
      service = new CaptureService(persistence, saved);
    },
  };
}

/** The background's end of an in-memory transport, as the `runtime.Port` servePanelPort takes. */
function runtimePort(end: Transport<PanelMessage, BackgroundMessage>): Runtime.Port {
  const port = {
    name: PANEL_PORT_NAME,
    postMessage: (message: BackgroundMessage) => end.send(message),
    onMessage: { addListener: (listener: (message: PanelMessage) => void) => void end.onMessage(listener) },
    onDisconnect: { addListener: (listener: () => void) => void end.onDisconnect(listener) },
  };
  return port as unknown as Runtime.Port;
}
