import { servePanelPort } from '../../../extension/background/panel-port';
import { CaptureService } from '../../../src/capture/capture-service';
import type { PanelMessage } from '../../../src/protocol/messages';
import { PanelClient } from '../../../src/protocol/panel-client';
import type { FixtureEvent } from '../../fixtures/web-request/web-request-fixture';
import { fakePanelPort } from '../background/fake-panel-port';
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
  const ports: Array<ReturnType<typeof fakePanelPort>> = [];
  const connect = () => {
    const opened = fakePanelPort();
    ports.push(opened);
    servePanelPort(opened.port, (task) => task(service));
    return opened.panel;
  };
  return {
    client: new PanelClient(connect, tabId),
    /** What the panel sent, on every port it opened. */
    get received(): PanelMessage[] {
      return ports.flatMap((opened) => opened.fromPanel);
    },
    /** The exchanges the running background holds for the tab. */
    exchanges: () => service.exchanges(tabId),
    /** Stops the background and starts a new one from what it saved, less the exchanges `lost` names. */
    restart(lost: readonly string[] = []) {
      ports.at(-1)?.port.disconnect();
      const saved: Record<string, unknown> = persistence.snapshot();
      for (const id of lost) delete saved[`x:${id}`];
      persistence = memoryPersistence();
      service = new CaptureService(persistence, saved);
    },
  };
}
