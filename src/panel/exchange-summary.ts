import type { Exchange } from '../capture/exchange';
import type { CorsVerdict } from '../cors/index';
import { preflightState } from '../report/json-report';

/**
 * The list's preflight column, as the report says it: sent, cached (answered by the cache), none
 * (none needed), and `unseen` for needed but not observed (the column fits six letters or so).
 */
export function preflightLabel(exchange: Exchange): string {
  const state = preflightState(exchange);
  return state === 'pending' ? '…' : state === 'not-observed' ? 'unseen' : state;
}

/** The status column: the response's status, or what stopped the request. */
export function statusLabel(exchange: Exchange): string {
  if (exchange.response !== null) return String(exchange.response.status);
  if (exchange.state === 'failed') return exchange.error ?? 'failed';
  return 'pending';
}

/** Chromium's CorsError names, said in a few words for the list. */
const errorWords: Readonly<Record<string, string>> = {
  PreflightMissingAllowOriginHeader: 'preflight: no Allow-Origin',
  PreflightAllowOriginMismatch: 'preflight: wrong Allow-Origin',
  PreflightMultipleAllowOriginValues: 'preflight: several Allow-Origin',
  PreflightInvalidAllowOriginValue: 'preflight: bad Allow-Origin',
  PreflightWildcardOriginNotAllowed: 'preflight: * with credentials',
  PreflightInvalidAllowCredentials: 'preflight: Allow-Credentials not true',
  PreflightInvalidStatus: 'preflight: bad status',
  PreflightDisallowedRedirect: 'preflight: redirected',
  MethodDisallowedByPreflightResponse: 'method not allowed',
  HeaderDisallowedByPreflightResponse: 'header not allowed',
  InvalidAllowMethodsPreflightResponse: 'bad Allow-Methods',
  InvalidAllowHeadersPreflightResponse: 'bad Allow-Headers',
  MissingAllowOriginHeader: 'no Allow-Origin',
  AllowOriginMismatch: 'wrong Allow-Origin',
  MultipleAllowOriginValues: 'several Allow-Origin',
  InvalidAllowOriginValue: 'bad Allow-Origin',
  WildcardOriginNotAllowed: '* with credentials',
  InvalidAllowCredentials: 'Allow-Credentials not true',
};

export function verdictWords(verdict: CorsVerdict): string {
  if (verdict.ok === true) return 'OK';
  if (verdict.ok === null) return `${verdict.missing.join(' and ')} not observed`;
  if (verdict.error === null) return 'blocked';
  return errorWords[verdict.error] ?? verdict.error;
}

/** The verdict column, in a few words. */
export function verdictLabel(exchange: Exchange): string {
  const diagnosis = exchange.diagnosis;
  if (diagnosis === null) return exchange.state === 'pending' ? 'pending' : '';
  const words = verdictWords(diagnosis.verdict);
  return diagnosis.credentials.source === 'likely' ? `${words} (credentials inferred)` : words;
}

/** Milliseconds from the request's start to its end, or null while it runs. */
export function durationMs(exchange: Exchange): number | null {
  return exchange.endTime === null ? null : Math.max(0, exchange.endTime - exchange.startTime);
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '…';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
