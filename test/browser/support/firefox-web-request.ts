import type { Page } from 'puppeteer-core';
import { bufferedRecorder, type RecordedEvent, type WebRequestRecorder } from './record-web-request';

/**
 * Raw webRequest listeners added to the extension's own background (Firefox's event page),
 * reached from an extension page with `runtime.getBackgroundPage()`. Same filter and
 * events, filter and extraInfoSpec as the extension's adapter (Firefox has no `extraHeaders`: preflights are
 * visible anyway). The listeners live as long as that event page: an unloaded one records nothing.
 */
export type FirefoxWebRequestRecorder = WebRequestRecorder;

export async function recordFirefoxWebRequest(extensionPage: Page): Promise<FirefoxWebRequestRecorder> {
  await extensionPage.evaluate(installListeners);
  return bufferedRecorder(() =>
    extensionPage.evaluate<[], () => Promise<RecordedEvent[]>>(
      `browser.runtime.getBackgroundPage().then((bg) => JSON.parse(JSON.stringify(bg.__webRequestLog.splice(0))))`,
    ),
  );
}

/**
 * Extension-page JavaScript. The listeners are registered on the background's own `webRequest`
 * (the event page's API object) and log into its global; the functions come from this page
 * (extension pages forbid `Function()`), so the page that installed them must stay open. Idempotent.
 */
const installListeners = `browser.runtime.getBackgroundPage().then((bg) => {
  if (bg.__webRequestLog !== undefined) return true;
  bg.__webRequestLog = new bg.Array();
  const webRequest = bg.browser.webRequest;
  const filter = { urls: ['http://*/*', 'https://*/*'] };
  const specs = {
    onBeforeRequest: [],
    onSendHeaders: ['requestHeaders'],
    onHeadersReceived: ['responseHeaders'],
    onBeforeRedirect: ['responseHeaders'],
    onCompleted: ['responseHeaders'],
    onErrorOccurred: [],
  };
  for (const [name, spec] of Object.entries(specs)) {
    const listener = (details) => void bg.__webRequestLog.push({ event: name, details });
    if (spec.length === 0) webRequest[name].addListener(listener, filter);
    else webRequest[name].addListener(listener, filter, spec);
  }
  return true;
})`;
