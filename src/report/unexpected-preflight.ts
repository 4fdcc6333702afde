/**
 * "Likely unexpected" preflights: the ones a developer typically did not mean to cause. A
 * heuristic over the core's reasons, kept deliberately narrow and honest:
 *
 * A preflight is likely unexpected when the request is cross-origin, needs a preflight, and EVERY
 * reason for it is one of:
 * 1. a header that libraries, tracing and monitoring add on their own (`x-request-id`,
 *    `traceparent`, `x-b3-*`, `sentry-trace`, `x-requested-with`, `cache-control`, ...);
 * 2. a `Content-Type` that is not safelisted on a GET or HEAD, which has no body to describe
 *    (`content-type: application/json` on every GET);
 * 3. a safelisted header (Accept, Accept-Language, Content-Language, Range) whose VALUE is not
 *    safelisted (too long, an unsafe byte, a multi-range), or the 1,024-byte total of safelisted
 *    values: nobody adds these meaning to preflight.
 *
 * Never unexpected: a method other than GET, HEAD or POST; Authorization, API keys and other
 * custom headers a page sets on purpose; a JSON Content-Type on a request with a body. Those
 * preflights may still be avoidable (see `preflight-endpoints.ts`), but they are not surprises.
 */
import type { Exchange } from '../capture/exchange';
import type { Reason } from '../cors/index';

/** Headers added by tracing, monitoring and HTTP libraries rather than by the page's own logic. */
const incidentalHeaderNames: ReadonlySet<string> = new Set([
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'correlation-id',
  'x-trace-id',
  'x-span-id',
  'traceparent',
  'tracestate',
  'baggage',
  'b3',
  'sentry-trace',
  'newrelic',
  'x-newrelic-id',
  'x-amzn-trace-id',
  'x-cloud-trace-context',
  'x-requested-with',
  'cache-control',
  'pragma',
  'expires',
  'if-modified-since',
  'if-none-match',
  'x-client-version',
  'x-app-version',
  'x-client-name',
]);

const incidentalHeaderPrefixes = ['x-b3-', 'x-datadog-', 'x-ot-', 'uber-trace-', 'elastic-apm-'] as const;

/** Whether a header is one that libraries and tracing add on their own. */
export function isIncidentalHeader(lowerName: string): boolean {
  return incidentalHeaderNames.has(lowerName) || incidentalHeaderPrefixes.some((prefix) => lowerName.startsWith(prefix));
}

/** Whether one reason is of a kind developers typically do not mean to cause a preflight with. */
export function isLikelyUnexpectedReason(reason: Reason, method: string): boolean {
  switch (reason.rule) {
    case 'method':
      return false;
    case 'total-size':
      return true;
    case 'header-name':
      return reason.header !== null && isIncidentalHeader(reason.header);
    case 'header-value':
      if (reason.header === 'content-type' && reason.detail.kind === 'mime-type-not-safelisted') return method === 'GET' || method === 'HEAD';
      return true;
  }
}

/**
 * Whether the exchange's preflight is likely unexpected (the rule is in the module comment). For
 * the panel's "unexpected" filter: a heuristic, name it "likely unexpected" where it is shown.
 */
export function isUnexpectedPreflight(exchange: Exchange): boolean {
  const c = exchange.diagnosis?.classification;
  if (c === undefined || !c.crossOrigin || !c.preflight || c.reasons.length === 0) return false;
  return c.reasons.every((reason) => isLikelyUnexpectedReason(reason, c.method));
}
