import browser from 'webextension-polyfill';
import { CaptureService } from '../../src/capture/capture-service';
import { journaledReceiver, type JournalRun } from '../../src/capture/event-journal';
import { followCaptureMode } from '../../src/capture/capture-mode';
import { ListeningSwitch } from '../../src/capture/listening-switch';
import { DEVTOOLS_PORT_NAME, PANEL_PORT_NAME } from '../../src/protocol/messages';
import { pageStorageListeningCopy } from '../platform/listening-copy';
import { captureModeSetting } from '../platform/capture-mode-setting';
import { listenToWebRequest, type WebRequestApi } from '../platform/web-request';
import { readSession, sessionPersistence, type SessionStorageArea } from '../platform/session-persistence';
import { servePanelPort } from './panel-port';

/*
 * The background: a service worker in Chrome, an event page in Firefox. Either can be stopped
 * at any time, so every listener is registered synchronously, here at top level (but Firefox's
 * webRequest ones when they were off as it last ran: see listening-copy.ts), and the state
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

/** Firefox: whether the listeners were on when this page last ran (extension/platform/listening-copy.ts). */
const listeningCopy = targetBrowser === 'firefox' ? pageStorageListeningCopy() : null;
const listeningAtStart = listeningCopy?.read() ?? true;

const listening = listenToWebRequest(
  browser.webRequest as unknown as WebRequestApi,
  targetBrowser,
  journaledReceiver(
    run,
    (key, entry) => void session.set({ [key]: entry }).catch((error: unknown) => console.error('CORS DevTools: could not journal an event', error)),
    (event, key) => whenReady((s) => s.ingest(event, key)),
    (event) => service?.tracks(event),
  ),
  listeningAtStart,
);

/**
 * The capture mode (src/capture/capture-mode.ts): with "while DevTools is open", the listeners
 * come off a little after the last DevTools window or pop-out panel closes and nothing is in
 * flight, and go back on when one opens (its port wakes this worker).
 */
const captureSwitch = new ListeningSwitch(
  {
    start: () => {
      listening.start();
      listeningCopy?.write(true);
      // Only if the copy holds 'on': a copy that cannot be written would make the restart loop.
      if (listeningCopy?.read() === true && !listeningAtStart && captureSwitch.state.mode === 'always') restartPageOnceSaved();
    },
    stop: () => {
      listening.stop();
      listeningCopy?.write(false);
      whenReady((s) => s.stoppedListening());
    },
  },
  {
    graceMs: 2_000,
    // Requests in flight are followed to their end for up to 20 s: less than Chrome's 30 s idle
    // stop, which would end this worker with its listeners still on. One still in flight is then
    // forgotten (CaptureService.stoppedListening).
    maxWaitMs: 20_000,
    busy: () => service?.hasRequestsInFlight() ?? false,
    // Called as methods of this object, so the globals are wrapped (a worker's setTimeout refuses another `this`).
    timers: { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
    listeningAtStart,
  },
);
/**
 * Firefox, back in "always" in a page that started with its listeners off: listeners added after
 * a page's start did not always wake it once suspended (measured in Firefox ESR 153: in about one
 * run in three their records were gone by then), and in "always" no DevTools port comes back to
 * wake it. A fresh start registers them at its top level, where they do: the page reloads itself
 * once its state is saved (what it holds is in storage.session and the journal, as at a suspension).
 */
function restartPageOnceSaved(): void {
  persistence.flush?.();
  void persistence.idle().then(() => globalThis.location.reload());
}

followCaptureMode(
  captureModeSetting,
  (mode) => captureSwitch.setMode(mode),
  (error: unknown) => {
    console.error('CORS DevTools: could not read the capture mode, capturing always', error);
    captureSwitch.setMode('always');
  },
);

browser.runtime.onConnect.addListener((port) => {
  if (port.name === DEVTOOLS_PORT_NAME || port.name === PANEL_PORT_NAME) {
    captureSwitch.watcherOpened();
    port.onDisconnect.addListener(() => captureSwitch.watcherClosed());
  }
  servePanelPort(port, whenReady);
});

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
