/**
 * The JSON report: the exchanges as the core describes them, in a versioned envelope.
 * Documented in docs/report-schema.md and as a JSON Schema in docs/report.schema.json; bump
 * `schemaVersion` on any change a reader could trip on (a removed or retyped field).
 */
import type { Exchange, PreflightCacheLink, PreflightRecord } from '../capture/exchange';
import type { HeaderList } from '../capture/header-list';
import { redactExchange } from './redact';
import type { ReportOptions } from './report-options';
import { preflightCacheHit, summarize, type ReportSummary } from './report-summary';
import { isUnexpectedPreflight } from './unexpected-preflight';

export const REPORT_SCHEMA = 'cors-devtools-report';
export const REPORT_SCHEMA_VERSION = 1;

/** Whether the request needed a preflight and how it got one. */
/**
 * `not-observed`: needed, but neither seen sent nor known to be answered by the preflight cache
 * (a HAR that records no preflights, such as Playwright's).
 */
export type PreflightState = 'sent' | 'cached' | 'not-observed' | 'none' | 'pending';

export interface ReportPreflight extends PreflightRecord {
  /** endTime - startTime, or null while it had not ended. */
  readonly durationMs: number | null;
}

/** The exchange's own identity and outcome fields, as the capture describes them. */
type ReportedExchangeFields = Pick<Exchange, 'id' | 'tabId' | 'frameId' | 'initiator' | 'type' | 'mode' | 'method' | 'url' | 'state' | 'error' | 'redirects' | 'response' | 'diagnosis'>;

export interface ReportExchange extends ReportedExchangeFields {
  readonly timings: {
    readonly startTime: number;
    readonly endTime: number | null;
    /** From the start (the preflight's, when one was sent) to the end of the response. */
    readonly durationMs: number | null;
    /** Time spent waiting on preflights: the sum of their durations. */
    readonly preflightMs: number;
  };
  readonly preflight: {
    readonly state: PreflightState;
    /** Set when the preflight cache answered: the preflight that filled it, and its max-age. */
    readonly cache: PreflightCacheLink | null;
    /** See `isUnexpectedPreflight`: a heuristic. */
    readonly likelyUnexpected: boolean;
    readonly sent: readonly ReportPreflight[];
  };
  readonly request: { readonly headers: HeaderList | null };
}

/** The counts over the exchanges, and the blocked requests the source could not explain. */
export interface JsonReportSummary extends ReportSummary {
  /** See `ReportOptions.unexplainedBlocks`: not among the exchanges nor in `total`. */
  readonly unexplainedBlocks: number;
}

export interface JsonReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly generatedAt: string;
  readonly source: string | null;
  /** false only when exported with `keepCredentials`. */
  readonly redacted: boolean;
  readonly summary: JsonReportSummary;
  readonly exchanges: readonly ReportExchange[];
}

export function preflightState(exchange: Exchange): PreflightState {
  if (exchange.preflights.length > 0) return 'sent';
  if (exchange.diagnosis === null) return exchange.state === 'pending' ? 'pending' : 'none';
  if (!exchange.diagnosis.classification.preflight) return 'none';
  return preflightCacheHit(exchange) ? 'cached' : 'not-observed';
}

function duration(start: number, end: number | null): number | null {
  return end === null ? null : Math.round((end - start) * 1000) / 1000;
}

export function reportExchange(e: Exchange): ReportExchange {
  const sent = e.preflights.map((p) => ({ ...p, durationMs: duration(p.startTime, p.endTime) }));
  const start = Math.min(e.startTime, ...e.preflights.map((p) => p.startTime));
  return {
    id: e.id,
    tabId: e.tabId,
    frameId: e.frameId,
    initiator: e.initiator,
    type: e.type,
    mode: e.mode,
    method: e.method,
    url: e.url,
    state: e.state,
    error: e.error,
    timings: {
      startTime: e.startTime,
      endTime: e.endTime,
      durationMs: duration(start, e.endTime),
      preflightMs: sent.reduce((sum, p) => sum + (p.durationMs ?? 0), 0),
    },
    preflight: { state: preflightState(e), cache: e.preflightCache, likelyUnexpected: isUnexpectedPreflight(e), sent },
    request: { headers: e.requestHeaders },
    redirects: e.redirects,
    response: e.response,
    diagnosis: e.diagnosis,
  };
}

/**
 * The exchanges as a versioned JSON report. Credentials are redacted unless `keepCredentials`;
 * `redacted` says which. Plain data: `JSON.stringify` it.
 */
export function jsonReport(exchanges: readonly Exchange[], options: ReportOptions = {}): JsonReport {
  const keep = options.keepCredentials === true;
  const shown = exchanges.map((e) => redactExchange(e, { keepCredentials: keep }));
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    source: options.source === undefined || options.source === '' ? null : options.source,
    redacted: !keep,
    summary: { ...summarize(shown), unexplainedBlocks: options.unexplainedBlocks ?? 0 },
    exchanges: shown.map(reportExchange),
  };
}
