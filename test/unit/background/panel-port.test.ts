import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { servePanelPort } from '../../../extension/background/panel-port';
import type { CaptureService } from '../../../src/capture/capture-service';
import { PANEL_PORT_NAME, PROTOCOL_VERSION } from '../../../src/protocol/messages';
import { parseFixtureEvents, replay } from '../capture/replay-events';
import { SequenceBuilder } from '../capture/sequence-builder';

/** A panel's `runtime.Port` as the background sees it: what it posted, and the panel's side to drive. */
function fakePanelPort() {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const posted: unknown[] = [];
  const port = {
    name: PANEL_PORT_NAME,
    postMessage: (message: unknown) => void posted.push(message),
    onMessage: { addListener: (listener: (message: unknown) => void) => void messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void disconnectListeners.push(listener) },
  } as unknown as Runtime.Port;
  return {
    port,
    posted,
    /** The panel sends a message. */
    say: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The panel goes away (DevTools closed). */
    leave: () => disconnectListeners.forEach((listener) => listener()),
  };
}

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
const typesOf = (posted: readonly unknown[]) => posted.map((message) => (message as { type: string }).type);

describe('a panel port', () => {
  it('serves a panel that subscribed while the background was starting, once it is ready', () => {
    const panel = fakePanelPort();
    const background = startingBackground();
    servePanelPort(panel.port, background.whenReady);
    panel.say({ type: 'subscribe', version: PROTOCOL_VERSION, tabId: tab });
    const { service } = replay([]);
    background.ready(service);
    for (const event of aRequest()) service.ingest(event);
    expect(typesOf(panel.posted)).toContain('snapshot');
    expect(typesOf(panel.posted)).toContain('exchanges');
  });

  it('leaves no subscriber behind when the panel left before the background was ready', () => {
    const panel = fakePanelPort();
    const background = startingBackground();
    servePanelPort(panel.port, background.whenReady);
    panel.say({ type: 'subscribe', version: PROTOCOL_VERSION, tabId: tab });
    panel.leave();
    const { service } = replay([]);
    background.ready(service);
    for (const event of aRequest()) service.ingest(event);
    expect(panel.posted).toEqual([]);
  });
});
