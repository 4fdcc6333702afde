import type { Page } from 'playwright-core';

/** What Chromium itself said about one request, read over the DevTools Protocol. */
export interface ObservedRequest {
  readonly url: string;
  readonly method: string;
  /** CDP resource type: `Fetch`, `Image`, `Preflight`, ... */
  readonly type: string;
  /** `Network.CorsError` when CORS failed it. */
  corsError: string | null;
  failedParameter: string | null;
}

/**
 * Chromium as the oracle: a CDP session on the page records every request it sends and the
 * `corsErrorStatus` of those that fail (`Network.loadingFailed`).
 */
export async function observeCorsErrors(page: Page): Promise<Map<string, ObservedRequest>> {
  const session = await page.context().newCDPSession(page);
  const requests = new Map<string, ObservedRequest>();
  session.on('Network.requestWillBeSent', (event) => {
    requests.set(event.requestId, { url: event.request.url, method: event.request.method, type: event.type ?? '', corsError: null, failedParameter: null });
  });
  session.on('Network.loadingFailed', (event) => {
    const request = requests.get(event.requestId);
    if (request === undefined || event.corsErrorStatus === undefined) return;
    request.corsError = event.corsErrorStatus.corsError;
    request.failedParameter = event.corsErrorStatus.failedParameter;
  });
  await session.send('Network.enable');
  return requests;
}
