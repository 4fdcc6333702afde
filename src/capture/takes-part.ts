import { originOf } from './url-origin';
import type { WebRequestEvent } from './web-request-event';

/** Navigations and frames: documents are loaded by navigation, never under CORS. */
const documentTypes: ReadonlySet<string> = new Set(['main_frame', 'sub_frame']);

/**
 * Whether a request may start an exchange: a subresource of a page, to another origin. The
 * browser's own requests have no initiator; same-origin requests need no CORS (until a redirect
 * takes them to another origin, when the next hop's events answer again).
 * @see https://fetch.spec.whatwg.org/#concept-request-response-tainting
 */
export function isCrossOriginSubresource(event: WebRequestEvent): boolean {
  const initiator = event.initiator;
  return initiator !== undefined && !documentTypes.has(event.type) && originOf(event.url) !== initiator;
}

/**
 * Whether the capture can use an event, so that events it would drop are not journaled (each
 * journal entry is a `storage.session` write). `tracked` says whether a request or preflight with
 * the event's ids is in flight (`undefined`: not known yet, as while a restarted background reads
 * its state back): a request redirected back to its page's origin still has events to give.
 * A top-level navigation's start is used: it clears the tab's list. So is an OPTIONS to the page's
 * own origin: it may be the preflight of a request redirected there through another origin, still
 * CORS (the pairing tracks it while such a request waits on its URL), and a page seldom sends one.
 */
export function takesPart(event: WebRequestEvent, tracked: boolean | undefined): boolean {
  // An event of a request in flight always counts, whatever it carries.
  if (tracked === true) return true;
  if (event.type === 'main_frame') return event.kind === 'before-request';
  if (event.initiator === undefined || documentTypes.has(event.type)) return false;
  return tracked !== false || event.method === 'OPTIONS' || originOf(event.url) !== event.initiator;
}
