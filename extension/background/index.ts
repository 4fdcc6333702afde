import browser from 'webextension-polyfill';
import { CaptureService } from '../../src/capture/capture-service';
import { journaledReceiver, type JournalRun } from '../../src/capture/event-journal';
import { listenToWebRequest, type WebRequestApi } from '../platform/web-request';
import { readSession, sessionPersistence, type SessionStorageArea } from '../platform/session-persistence';
import { servePanelPort } from './panel-port';

/*
 * The background: a service worker in Chrome, an event page in Firefox. Either can be stopped
 * at any time, so every listener is registered synchronously, here at top level, and the state
 * lives in storage.session. Each event is journaled there before it is handled, and events that
 * arrive while the saved state is read back are queued.
 */

const session = browser.storage.session as unknown as SessionStorageArea;
const persistence = sessionPersistence(
  session,
  (error) => console.error('CORS DevTools: could not save state', error),
  () => whenReady((s) => s.storageFull()),
);

/**
 * The browser this build is for (`vite build --mode chrome|firefox`), a build-time fact, not a
 * guess from the user agent: it picks both the CORS rules and the listeners' options.
 */
const targetBrowser = import.meta.env.MODE === 'firefox' ? 'firefox' : 'chromium';

const run: JournalRun = { startedAt: Date.now(), id: crypto.randomUUID().slice(0, 8) };

let service: CaptureService | undefined;
const waiting: Array<(service: CaptureService) => void> = [];

function whenReady(task: (service: CaptureService) => void): void {
  if (service === undefined) waiting.push(task);
  else task(service);
}

listenToWebRequest(
  browser.webRequest as unknown as WebRequestApi,
  targetBrowser,
  journaledReceiver(
    run,
    (key, entry) => void session.set({ [key]: entry }).catch((error: unknown) => console.error('CORS DevTools: could not journal an event', error)),
    (event, key) => whenReady((s) => s.ingest(event, key)),
    (event) => service?.tracks(event),
  ),
);

browser.runtime.onConnect.addListener((port) => servePanelPort(port, whenReady));

browser.tabs.onRemoved.addListener((tabId) => whenReady((s) => s.tabRemoved(tabId)));

void readSession(session)
  .catch((error: unknown) => {
    console.error('CORS DevTools: could not read saved state, starting empty', error);
    return {};
  })
  .then((restored) => {
    service = new CaptureService(persistence, restored, { browser: targetBrowser, journalRun: run, warn: (message) => console.warn(message) });
    for (const task of waiting.splice(0)) task(service);
  });
