import type { HeaderRules } from './author-headers';
import type { PreflightRecord } from './exchange';
import type { HeaderList } from './header-list';
import { copyExchange, newExchange } from './new-exchange';
import type { PairingBook } from './pairing-book';
import { copyTrackedPreflight, copyTrackedRequest, requestKey, withExchange, type TrackedPreflight, type TrackedRequest } from './pairing-state';

/** Where a claim reports a sibling whose preflight it took or gave. */
interface ExchangeSink {
  exchange(exchange: NonNullable<TrackedRequest['exchange']>): void;
}

/**
 * Makes sure `request` (a CORS request whose exchange exists) holds the right preflight for its
 * current hop, once more is known about it: its headers (Chrome shows them after the preflight),
 * or its end (a request stopped by its preflight never shows its headers).
 *
 * 1. Its preflight asked for exactly its method and CORS-unsafe header names: nothing to do.
 * 2. An unclaimed preflight fits (the request's start was not seen): it takes it.
 * 3. A sibling whose headers are still unseen holds a preflight that fits: they swap.
 * 4. Its preflight fits nothing it sent: a sibling with unseen headers and no preflight gets it.
 *
 * Returns the request as it should be stored; siblings it changed are stored and reported here.
 */
export function claimPreflight(book: PairingBook, request: TrackedRequest, sink: ExchangeSink, rules: HeaderRules): TrackedRequest {
  const exchange = request.exchange;
  if (exchange === null) return request;
  const sent = exchange.requestHeaders;
  const mine = request.hopPreflight === null ? undefined : recordOf(book, request, request.hopPreflight);
  if (mine !== undefined && (sent === null || fits(mine, request.method, sent, rules))) return request;

  let unclaimed: TrackedPreflight | undefined;
  for (const preflight of book.unclaimedTo(request.tabId, request.frameId, request.url)) {
    if (!fits(preflight.record, request.method, sent, rules)) continue;
    if (unclaimed === undefined || preflight.record.startTime < unclaimed.record.startTime) unclaimed = preflight;
  }
  if (unclaimed !== undefined) {
    if (mine !== undefined) release(book, request, mine);
    return attach(book, request, mine, unclaimed.record, unclaimed.ended);
  }
  if (sent === null) return request;

  for (const sibling of book.requestsTo(request.tabId, request.frameId, request.url)) {
    if (!unseenSibling(sibling, request) || sibling.hopPreflight === null) continue;
    const theirs = recordOf(book, sibling, sibling.hopPreflight);
    if (theirs === undefined || !fits(theirs, request.method, sent, rules)) continue;
    const swapped = book.setRequest(replaceHopPreflight(book, sibling, theirs, mine));
    if (swapped.exchange !== null) sink.exchange(swapped.exchange);
    return replaceHopPreflight(book, request, mine, theirs);
  }

  if (mine === undefined) return request;
  for (const sibling of book.requestsTo(request.tabId, request.frameId, request.url)) {
    if (!unseenSibling(sibling, request) || sibling.hopPreflight !== null) continue;
    const promoted = withExchange(sibling, sibling.exchange ?? newExchange(sibling, { value: 'cors', source: 'preflight' }, null));
    const given = book.setRequest(replaceHopPreflight(book, promoted, undefined, mine));
    if (given.exchange !== null) sink.exchange(given.exchange);
    return replaceHopPreflight(book, request, mine, undefined);
  }
  return request;
}

/** Whether a preflight asked for exactly this method and the CORS-unsafe header names of these sent headers. */
export function fits(record: PreflightRecord, method: string, sent: HeaderList | null, rules: HeaderRules): boolean {
  if (record.accessControlRequestMethod !== method) return false;
  return sent === null || fitsHeaders(record, sent, rules);
}

export function fitsHeaders(record: PreflightRecord, sent: HeaderList, rules: HeaderRules): boolean {
  return sameNames(rules.unsafeHeaderNamesOf(sent), record.accessControlRequestHeaders);
}

/**
 * Firefox sends a request's headers before its preflight, so a candidate is judged on them; when
 * none fits exactly (a browser that safelists differently from the core), one that at least needs
 * a preflight is second best.
 */
export function candidateScore(record: PreflightRecord, sent: HeaderList | null, method: string, rules: HeaderRules): number {
  if (sent === null) return 1;
  if (fitsHeaders(record, sent, rules)) return 2;
  return rules.needsPreflight(method, sent) ? 0.5 : 0;
}

export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Another request to the same URL and method whose headers were not seen yet. */
function unseenSibling(sibling: TrackedRequest, request: TrackedRequest): boolean {
  return sibling.requestId !== request.requestId && sibling.method === request.method && (sibling.exchange?.requestHeaders ?? null) === null;
}

/** The latest record of a preflight: the in-flight entry while it runs, the exchange's copy after. */
function recordOf(book: PairingBook, request: TrackedRequest, preflightId: string): PreflightRecord | undefined {
  return book.preflight(requestKey(request.tabId, preflightId))?.record ?? request.exchange?.preflights.find((p) => p.requestId === preflightId);
}

/** Swaps the current hop's preflight `out` for `into` (either may be absent), and re-points the in-flight entry. */
function replaceHopPreflight(book: PairingBook, request: TrackedRequest, out: PreflightRecord | undefined, into: PreflightRecord | undefined): TrackedRequest {
  const exchange = request.exchange;
  if (exchange === null) return request;
  const kept = out === undefined ? exchange.preflights : exchange.preflights.filter((p) => p.requestId !== out.requestId);
  if (into !== undefined) {
    const running = book.preflight(requestKey(request.tabId, into.requestId));
    if (running !== undefined) {
      const paired = copyTrackedPreflight(running);
      paired.pairedWith = requestKey(request.tabId, request.requestId);
      book.setPreflight(paired);
    }
  }
  // A request starts before its preflight: one taken up after a restart is dated no later than it.
  const startTime = into === undefined ? request.startTime : Math.min(request.startTime, into.startTime);
  const next = copyExchange(exchange);
  next.startTime = Math.min(exchange.startTime, startTime);
  next.preflights = into === undefined ? kept : [...kept, into];
  const swapped = copyTrackedRequest(request);
  swapped.startTime = startTime;
  swapped.exchange = next;
  swapped.hopPreflight = into?.requestId ?? null;
  return swapped;
}

function attach(book: PairingBook, request: TrackedRequest, mine: PreflightRecord | undefined, record: PreflightRecord, ended: boolean): TrackedRequest {
  if (ended) book.deletePreflight(request.tabId, record.requestId);
  return replaceHopPreflight(book, request, mine, record);
}

/** Puts a preflight back among the unclaimed ones of its URL. */
function release(book: PairingBook, request: TrackedRequest, record: PreflightRecord): void {
  const running = book.preflight(requestKey(request.tabId, record.requestId));
  if (running === undefined) {
    book.setPreflight({ requestId: record.requestId, tabId: request.tabId, frameId: request.frameId, url: record.url, initiator: request.initiator, record, pairedWith: null, ended: true });
    return;
  }
  const unpaired = copyTrackedPreflight(running);
  unpaired.pairedWith = null;
  book.setPreflight(unpaired);
}
