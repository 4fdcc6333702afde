import browser, { type Runtime } from 'webextension-polyfill';
import { followCaptureMode, type CaptureMode } from '../../src/capture/capture-mode';
import { DEVTOOLS_PORT_NAME } from '../../src/protocol/messages';
import { captureModeSetting } from '../platform/capture-mode-setting';

/**
 * The devtools page adds the CORS tab to DevTools. It lives as long as its DevTools window, so
 * when the user captures only while DevTools is open, it also holds a port to the background for
 * that long: the port is how the background knows a window is open. A background stopped while
 * idle drops the port; the page connects again shortly, which wakes it (well within the
 * background's grace before it stops listening).
 */
void browser.devtools.panels.create('CORS', '', '/extension/panel/panel.html');

/** Not at once: a background that failed at its start would otherwise be woken in a tight loop. */
const RECONNECT_DELAY_MS = 100;

let port: Runtime.Port | undefined;
let mode: CaptureMode = 'always';

function follow(next: CaptureMode): void {
  mode = next;
  if (mode === 'while-devtools-open') connect();
  else {
    const open = port;
    port = undefined;
    open?.disconnect();
  }
}

function connect(): void {
  if (port !== undefined) return;
  try {
    const opened = browser.runtime.connect({ name: DEVTOOLS_PORT_NAME });
    port = opened;
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      if (mode === 'while-devtools-open') setTimeout(connect, RECONNECT_DELAY_MS);
    });
  } catch {
    // The extension was updated or removed under this window: nothing left to tell.
  }
}

followCaptureMode(captureModeSetting, follow, () => follow('always'));
