import { listenToWebRequest, type WebRequestApi } from '../../../extension/platform/web-request';
import { webRequestEventKinds, type WebRequestEventName } from '../../../src/capture/web-request-event';

/** One `addListener` call: which event, with which filter and extraInfoSpec. */
export interface ListenerSpec {
  readonly event: WebRequestEventName;
  readonly urls: readonly string[];
  /** webRequest ResourceTypes; absent means every type. */
  readonly types?: readonly string[];
  readonly extraInfoSpec: readonly string[];
}

export type ListenerPlan = readonly ListenerSpec[];

/**
 * The listeners the real extension registers in Chrome, read by running its own
 * `listenToWebRequest` for Chromium against a recorder. The floor extension registers exactly these, so a
 * change to the real listeners changes the floor with it.
 */
export function realListenerPlan(): ListenerPlan {
  const plan: ListenerSpec[] = [];
  const recorder = (event: WebRequestEventName) => ({
    addListener(_callback: (details: unknown) => void, filter: { urls: string[]; types?: string[] }, extraInfoSpec?: string[]): void {
      plan.push({ event, urls: [...filter.urls], ...(filter.types === undefined ? {} : { types: [...filter.types] }), extraInfoSpec: [...(extraInfoSpec ?? [])] });
    },
    removeListener(): void {},
  });
  const names = Object.keys(webRequestEventKinds) as WebRequestEventName[];
  const api = Object.fromEntries(names.map((name) => [name, recorder(name)]));
  listenToWebRequest(api as unknown as WebRequestApi, 'chromium', () => undefined);
  return plan;
}
