/**
 * The report and analysis layer: pure functions over captured exchanges, for the panel and the
 * HAR command-line tool. No browser API; never throws on what pages and servers send.
 */
export { redactExchange, redactHeaderList, redactHeaderValue, redactUrl, redactionMark } from './redact';
export type { RedactOptions } from './redact';
export type { ReportOptions } from './report-options';
export { summarize, isFailedExchange, preflightCacheHit } from './report-summary';
export type { ReportSummary } from './report-summary';
export { markdownReport } from './markdown-report';
export { jsonReport, reportExchange, preflightState, REPORT_SCHEMA, REPORT_SCHEMA_VERSION } from './json-report';
export type { JsonReport, PreflightState, ReportExchange, ReportPreflight } from './json-report';
export { curlCommands } from './curl';
export type { CurlCommands } from './curl';
export { shellQuote } from './shell-quote';
export { corsNeedsOf, SUGGESTED_MAX_AGE } from './cors-needs';
export type { CorsNeeds } from './cors-needs';
export { serverSnippets, snippetsFor, servers } from './server-snippets';
export type { Server, ServerSnippet } from './server-snippets';
export { preflightEndpoints } from './preflight-endpoints';
export { endpointOf } from './endpoint-of';
export type { Endpoint } from './endpoint-of';
export type { PreflightEndpoint, PreflightEndpointsOptions } from './preflight-endpoints';
export type { PreflightTrigger } from './preflight-triggers';
export { cacheObservationKinds } from './preflight-cache';
export type { CacheObservation, CacheObservationKind } from './preflight-cache';
export { isUnexpectedPreflight, isLikelyUnexpectedReason } from './unexpected-preflight';
