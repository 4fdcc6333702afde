import type { Entry } from 'har-format';

type HarResourceType = NonNullable<Entry['_resourceType']>;

/** Chrome's (and Playwright's) `_resourceType`, as webRequest names the same thing. */
const webRequestTypeOf: Readonly<Record<HarResourceType, string>> = {
  document: 'main_frame',
  stylesheet: 'stylesheet',
  'sm-stylesheet': 'stylesheet',
  image: 'image',
  media: 'media',
  font: 'font',
  script: 'script',
  'sm-script': 'script',
  texttrack: 'other',
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  prefetch: 'other',
  eventsource: 'xmlhttprequest',
  websocket: 'websocket',
  webtransport: 'other',
  wasm: 'other',
  manifest: 'other',
  'signed-exchange': 'other',
  ping: 'ping',
  'csp-violation-report': 'csp_report',
  other: 'other',
  preflight: 'xmlhttprequest',
  webbundle: 'other',
};

/** Sec-Fetch-Dest, for HARs without `_resourceType` (Firefox's). */
const webRequestTypeOfDest: Readonly<Record<string, string>> = {
  document: 'main_frame',
  iframe: 'sub_frame',
  frame: 'sub_frame',
  empty: 'xmlhttprequest',
  image: 'image',
  script: 'script',
  worker: 'script',
  sharedworker: 'script',
  serviceworker: 'script',
  style: 'stylesheet',
  font: 'font',
  audio: 'media',
  video: 'media',
  track: 'media',
  object: 'object',
  embed: 'object',
};

/** The webRequest ResourceType of an entry: from `_resourceType`, else Sec-Fetch-Dest, else `other`. */
export function webRequestType(resourceType: unknown, secFetchDest: string | undefined): string {
  if (typeof resourceType === 'string' && Object.hasOwn(webRequestTypeOf, resourceType)) return webRequestTypeOf[resourceType as HarResourceType];
  const dest = secFetchDest?.trim().toLowerCase();
  if (dest !== undefined && Object.hasOwn(webRequestTypeOfDest, dest)) return webRequestTypeOfDest[dest] ?? 'other';
  return 'other';
}
