import type { Exchange } from '../capture/exchange';
import { preflightState } from '../report/json-report';
import { isFailedExchange } from '../report/report-summary';

/** The list's filters, as the Network panel's: one kind at a time, plus free text. */
export const filterKinds = ['all', 'failed', 'preflighted', 'unexpected'] as const;
export type FilterKind = (typeof filterKinds)[number];

export interface ExchangeFilter {
  readonly kind: FilterKind;
  /** Matched case-insensitively against method, URL, status, verdict and header names. */
  readonly text: string;
}

export type FilterCounts = Readonly<Record<FilterKind, number>>;

/** Whether a preflight was likely not meant by the developer; injected so the list stays pure. */
export type UnexpectedPreflightTest = (exchange: Exchange) => boolean;

/** Preflighted: a preflight was sent, the preflight cache answered for one, or one was needed and not observed. */
export function isPreflighted(exchange: Exchange): boolean {
  const state = preflightState(exchange);
  return state === 'sent' || state === 'cached' || state === 'not-observed';
}

/** The text a search matches, built once per exchange object (exchanges are immutable). */
const searchTexts = new WeakMap<Exchange, string>();

function searchTextOf(exchange: Exchange): string {
  let text = searchTexts.get(exchange);
  if (text === undefined) {
    const verdict = exchange.diagnosis?.verdict;
    text = [
      exchange.method,
      exchange.url,
      exchange.response?.status ?? '',
      exchange.error ?? '',
      verdict?.error ?? '',
      verdict?.failedParameter ?? '',
      ...(exchange.diagnosis?.classification.requestHeaders ?? []),
    ]
      .join('\n')
      .toLowerCase();
    searchTexts.set(exchange, text);
  }
  return text;
}

export function matchesKind(exchange: Exchange, kind: FilterKind, unexpected: UnexpectedPreflightTest): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'failed':
      return isFailedExchange(exchange);
    case 'preflighted':
      return isPreflighted(exchange);
    case 'unexpected':
      return unexpected(exchange);
  }
}

/** The exchanges the list shows, in arrival order. */
export function filterExchanges(exchanges: readonly Exchange[], filter: ExchangeFilter, unexpected: UnexpectedPreflightTest): readonly Exchange[] {
  const needle = filter.text.trim().toLowerCase();
  if (filter.kind === 'all' && needle === '') return exchanges;
  return exchanges.filter((exchange) => matchesKind(exchange, filter.kind, unexpected) && (needle === '' || searchTextOf(exchange).includes(needle)));
}

/** How many exchanges each filter kind would show (ignoring the text). */
export function countKinds(exchanges: readonly Exchange[], unexpected: UnexpectedPreflightTest): FilterCounts {
  let failed = 0;
  let preflighted = 0;
  let unexpectedCount = 0;
  for (const exchange of exchanges) {
    if (isFailedExchange(exchange)) failed += 1;
    if (isPreflighted(exchange)) preflighted += 1;
    if (unexpected(exchange)) unexpectedCount += 1;
  }
  return { all: exchanges.length, failed, preflighted, unexpected: unexpectedCount };
}
