import { describe, expect, it } from 'vitest';
import { servePanelPort } from '../../../extension/background/panel-port';
import type { CaptureService } from '../../../src/capture/capture-service';
import { PROTOCOL_VERSION, type BackgroundMessage } from '../../../src/protocol/messages';
import { parseFixtureEvents, replay } from '../capture/replay-events';
import { SequenceBuilder } from '../capture/sequence-builder';
import { delivered, fakePanelPort } from './fake-panel-port';

/** A background still reading its saved state: tasks wait until `ready` is called. */
function startingBackground() {
  const queued: Array<(service: CaptureService) => void> = [];
  return {
    whenReady: (task: (service: CaptureService) => void) => void queued.push(task),
    ready: (service: CaptureService) => queued.splice(0).forEach((task) => task(service)),
  };
}

const tab = 7;
/** A request of the tab that the capture lists, as the background would take its events. */
const aRequest = () => parseFixtureEvents(new SequenceBuilder(undefined, undefined, tab).start('1', 'GET', '/a').finish('1', 'GET', '/a').events);
const typesOf = (posted: readonly BackgroundMessage[]) => posted.map((message) => message.type);

describe('a panel port', () => {
  it('serves a panel that subscribed while the background was starting, once it is ready', async () => {
    const { port, panel, fromBackground } = fakePanelPort();
    const background = startingBackground();
    servePanelPort(port, background.whenReady);
    panel.send({ type: 'subscribe', version: PROTOCOL_VERSION, tabId: tab });
    await delivered();
    const { service } = replay([]);
    background.ready(service);
    for (const event of aRequest()) service.ingest(event);
    expect(typesOf(fromBackground)).toContain('snapshot');
    expect(typesOf(fromBackground)).toContain('exchanges');
  });

  it('leaves no subscriber behind when the panel left before the background was ready', async () => {
    const { port, panel, fromBackground } = fakePanelPort();
    const background = startingBackground();
    servePanelPort(port, background.whenReady);
    panel.send({ type: 'subscribe', version: PROTOCOL_VERSION, tabId: tab });
    panel.close();
    await delivered();
    const { service } = replay([]);
    background.ready(service);
    for (const event of aRequest()) service.ingest(event);
    expect(fromBackground).toEqual([]);
  });
});
