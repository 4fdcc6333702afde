import type { Exchange } from '../../../src/capture/exchange';
import type { BackgroundMessage, PanelMessage } from '../../../src/protocol/messages';
import { PanelClient } from '../../../src/protocol/panel-client';
import { olderPage, snapshotMessage } from '../../../src/protocol/snapshot-pages';
import { transportPair, type Transport } from '../../../src/protocol/transport';

/**
 * A background over an in-memory transport: answers `subscribe` with a snapshot, records every
 * message, and keeps Clear and Preserve log for the next snapshot, as the capture does.
 */
export function fakeBackground(initial: readonly Exchange[], pageSize?: number) {
  const received: PanelMessage[] = [];
  let exchanges = initial;
  let preserveLog = false;
  let port: Transport<PanelMessage, BackgroundMessage> | undefined;
  const connect = () => {
    const [panelSide, backgroundSide] = transportPair<unknown, PanelMessage>() as unknown as [
      Transport<unknown, PanelMessage>,
      Transport<PanelMessage, BackgroundMessage>,
    ];
    port = backgroundSide;
    backgroundSide.onMessage((message) => {
      received.push(message);
      if (message.type === 'clear') exchanges = [];
      if (message.type === 'preserve-log') preserveLog = message.preserve;
      if (message.type === 'subscribe') {
        // A list that changes only by Clear: every page at once, newest first, as CaptureService sends them one per task.
        const snapshot = snapshotMessage(message.tabId, exchanges, { evicted: 0, preserveLog }, pageSize);
        backgroundSide.send(snapshot);
        for (let oldest = snapshot.exchanges[0]?.id; oldest !== undefined; ) {
          const page = olderPage(message.tabId, exchanges, oldest, pageSize);
          if (page !== undefined) backgroundSide.send(page);
          oldest = page?.exchanges[0]?.id;
        }
      }
    });
    return panelSide;
  };
  const client = new PanelClient(connect, 1);
  return {
    client,
    received,
    push(message: BackgroundMessage) {
      port?.send(message);
    },
    /** Simulates the service worker stopping: the port closes. */
    disconnect() {
      port?.close();
    },
  };
}
