import type { CDPSession } from 'playwright-core';

/** Chromium's own verdict on one failed request: `Network.CorsError` and its failedParameter. */
export interface ObservedCorsError {
  readonly url: string;
  readonly method: string;
  readonly corsError: string;
  readonly failedParameter: string;
}

/**
 * Listens to `Network.loadingFailed` on a page's CDP session and keeps, per failed request, the
 * `corsErrorStatus` Chromium gives: the reference the HAR analysis's verdicts are held to.
 */
export async function collectCorsErrors(session: CDPSession): Promise<{ list(): ObservedCorsError[] }> {
  const requests = new Map<string, { url: string; method: string }>();
  const errors: ObservedCorsError[] = [];
  session.on('Network.requestWillBeSent', (event) => {
    // A redirect reuses the id: the failure belongs to the last hop.
    requests.set(event.requestId, { url: event.request.url, method: event.request.method });
  });
  session.on('Network.loadingFailed', (event) => {
    const request = requests.get(event.requestId);
    const status = event.corsErrorStatus;
    if (request === undefined || status === undefined) return;
    errors.push({ ...request, corsError: status.corsError, failedParameter: status.failedParameter });
  });
  await session.send('Network.enable');
  return { list: () => [...errors] };
}
