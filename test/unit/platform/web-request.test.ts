import { describe, expect, it } from 'vitest';
import { listenToWebRequest, type WebRequestApi } from '../../../extension/platform/web-request';
import { webRequestEventKinds, type WebRequestEventName } from '../../../src/capture/web-request-event';

type Callback = (details: unknown) => void;

/** A webRequest whose events hold their listeners as a browser does: added, removed, called. */
function fakeWebRequest() {
  const listeners = new Map<WebRequestEventName, Array<{ callback: Callback; urls: string[]; spec: string[] | undefined }>>();
  const names = Object.keys(webRequestEventKinds) as WebRequestEventName[];
  const api = Object.fromEntries(
    names.map((name) => [
      name,
      {
        addListener(callback: Callback, filter: { urls: string[] }, spec?: string[]) {
          listeners.set(name, [...(listeners.get(name) ?? []), { callback, urls: filter.urls, spec }]);
        },
        removeListener(callback: Callback) {
          listeners.set(name, (listeners.get(name) ?? []).filter((l) => l.callback !== callback));
        },
      },
    ]),
  );
  const fire = (name: WebRequestEventName, details: unknown): void => {
    for (const l of listeners.get(name) ?? []) l.callback(details);
  };
  const registered = () => names.map((name) => [name, (listeners.get(name) ?? []).map(({ urls, spec }) => ({ urls, spec }))] as const);
  return { api: api as unknown as WebRequestApi, fire, registered };
}

describe('listenToWebRequest', () => {
  it('takes every listener off and puts the same ones back, with their filters and options', () => {
    const web = fakeWebRequest();
    const seen: unknown[] = [];
    const listening = listenToWebRequest(web.api, 'chromium', (kind, details) => seen.push([kind, details]));
    const atStart = web.registered();
    expect(atStart.every(([, ls]) => ls.length === 1)).toBe(true);
    expect(Object.fromEntries(atStart)['onSendHeaders']).toEqual([{ urls: ['http://*/*', 'https://*/*'], spec: ['requestHeaders', 'extraHeaders'] }]);

    listening.stop();
    expect(web.registered().every(([, ls]) => ls.length === 0)).toBe(true);
    web.fire('onBeforeRequest', { requestId: '1' });
    expect(seen).toEqual([]);

    listening.start();
    expect(web.registered()).toEqual(atStart);
    web.fire('onBeforeRequest', { requestId: '2' });
    expect(seen).toEqual([[webRequestEventKinds.onBeforeRequest, { requestId: '2' }]]);
  });
});
