import type { Exchange } from '../capture/exchange';

/** The list's preflight column: sent, answered by the cache, or none needed. */
export function preflightLabel(exchange: Exchange): 'sent' | 'cached' | 'none' | '…' {
  if (exchange.preflights.length > 0) return 'sent';
  if (exchange.preflightCache !== null) return 'cached';
  if (exchange.diagnosis?.classification.preflight === true && exchange.requestHeaders !== null) return 'cached';
  return exchange.state === 'pending' ? '…' : 'none';
}

/** The status column: the response's status, or what stopped the request. */
export function statusLabel(exchange: Exchange): string {
  if (exchange.response !== null) return String(exchange.response.status);
  if (exchange.state === 'failed') return exchange.error ?? 'failed';
  return 'pending';
}

/** The verdict column, in a few words. */
export function verdictLabel(exchange: Exchange): string {
  const diagnosis = exchange.diagnosis;
  if (diagnosis === null) return exchange.state === 'pending' ? 'pending' : '';
  const verdict = diagnosis.verdict;
  if (verdict.ok === true) return 'OK';
  if (verdict.ok === false) return verdict.error ?? 'blocked';
  return `${verdict.missing.join(' and ')} not observed`;
}
