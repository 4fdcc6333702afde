import type { ListenerPlan, ListenerSpec } from './listener-plan';

/**
 * Ways to lower the floor: the real listener plan with fewer events, narrower filters or fewer
 * extraInfoSpec options. Each says what the capture would lose with it; the bench measures what
 * the page gains, and replays the recorded Chrome fixtures through the same cut to check the loss.
 */
export interface FloorVariant {
  readonly id: string;
  readonly change: string;
  readonly loses: string;
  readonly plan: (real: ListenerPlan) => ListenerPlan;
}

/**
 * Resource types a CORS request can have. Documents (main_frame, sub_frame) are navigations,
 * `csp_report` and `websocket` are never CORS; `ping` is kept (sendBeacon can preflight).
 */
export const corsResourceTypes = ['xmlhttprequest', 'script', 'stylesheet', 'image', 'font', 'media', 'ping', 'other'] as const;

const withoutEvent = (real: ListenerPlan, event: ListenerSpec['event']): ListenerPlan => real.filter((l) => l.event !== event);

const narrowTypes = (real: ListenerPlan): ListenerPlan =>
  real.map((l) => (l.event === 'onBeforeRequest' ? { ...l, types: [...corsResourceTypes, 'main_frame'] } : { ...l, types: corsResourceTypes }));

/** onCompleted and onErrorOccurred carry nothing the pairing reads from their headers. */
const leanSpecs = (real: ListenerPlan): ListenerPlan =>
  real.map((l) => (l.event === 'onCompleted' || l.event === 'onErrorOccurred' ? { ...l, extraInfoSpec: [] } : l));

/** onBeforeRequest only for top-level navigations (which clear the tab's list). */
const beforeRequestForNavigationOnly = (real: ListenerPlan): ListenerPlan =>
  real.map((l) => (l.event === 'onBeforeRequest' ? { ...l, types: ['main_frame'] } : l));

export const floorVariants: readonly FloorVariant[] = [
  {
    id: 'floor',
    change: "the real extension's listeners, empty",
    loses: 'nothing (the reference)',
    plan: (real) => real,
  },
  {
    id: 'narrow-types',
    change: 'filter types to CORS-capable ones (no sub_frame, csp_report, websocket, object); main_frame kept on onBeforeRequest only',
    loses: 'nothing the pairing uses (documents are dropped by the engine anyway)',
    plan: narrowTypes,
  },
  {
    id: 'lean-specs',
    change: 'no responseHeaders / extraHeaders on onCompleted and onErrorOccurred',
    loses: "onCompleted's headers, used only when onHeadersReceived was not seen",
    plan: leanSpecs,
  },
  {
    id: 'no-before-request',
    change: 'onBeforeRequest for main_frame only (navigation)',
    loses: "the request's start before its preflight (Chrome): the preflight waits unclaimed until the request's headers",
    plan: beforeRequestForNavigationOnly,
  },
  {
    id: 'no-redirect',
    change: 'drop onBeforeRedirect',
    loses: 'redirect chains, and a redirected preflight (PreflightDisallowedRedirect)',
    plan: (real) => withoutEvent(real, 'onBeforeRedirect'),
  },
  {
    id: 'no-headers-received',
    change: 'drop onHeadersReceived',
    loses: 'the response of every CORS-blocked request (Chrome sends no onCompleted for it): the verdict of the most common failure',
    plan: (real) => withoutEvent(real, 'onHeadersReceived'),
  },
  {
    id: 'lean',
    change: 'narrow-types + lean-specs + no-before-request together',
    loses: 'the union of the three',
    plan: (real) => beforeRequestForNavigationOnly(leanSpecs(narrowTypes(real))),
  },
  {
    id: 'no-listeners',
    change: 'no webRequest listener at all: a capture-only-while-DevTools-is-open mode, with DevTools closed',
    loses: 'everything before DevTools opens (as the Network panel does)',
    plan: () => [],
  },
];
