import { CaptureService, type CaptureOptions, type Persistence } from '../../../src/capture/capture-service';
import type { Exchange } from '../../../src/capture/exchange';
import { parseWebRequestDetails } from '../../../src/capture/parse-web-request-details';
import { webRequestEventKinds, type WebRequestEvent } from '../../../src/capture/web-request-event';
import type { FixtureEvent } from '../../fixtures/web-request/web-request-fixture';

/** A synchronous in-memory key-value store standing in for `storage.session`. */
export interface MemoryPersistence extends Persistence {
  readonly data: Map<string, unknown>;
  /** What a restarted background would read back (a deep copy, as storage gives). */
  snapshot(): Record<string, unknown>;
}

export function memoryPersistence(): MemoryPersistence {
  const data = new Map<string, unknown>();
  return {
    data,
    set: (key, value) => void data.set(key, structuredClone(value)),
    remove: (key) => void data.delete(key),
    snapshot: () => structuredClone(Object.fromEntries(data)),
  };
}

/** The events of a fixture as the extension's adapter turns them into the event model. */
export function parseFixtureEvents(events: readonly FixtureEvent[]): WebRequestEvent[] {
  const parsed: WebRequestEvent[] = [];
  for (const { event, details } of events) {
    const kind = webRequestEventKinds[event];
    const model = kind === undefined ? undefined : parseWebRequestDetails(kind, details);
    if (model !== undefined) parsed.push(model);
  }
  return parsed;
}

export interface Replay {
  readonly service: CaptureService;
  readonly persistence: MemoryPersistence;
  /** Every exchange version the service broadcast to a panel, in order. */
  readonly updates: Exchange[];
  /** The tab's exchanges, as a panel's snapshot would list them. */
  exchanges(tabId?: number): Exchange[];
}

/** Replays fixture events through parse -> pairing -> diagnosis -> store, as the background does. */
export function replay(events: readonly FixtureEvent[], options: CaptureOptions = {}): Replay {
  const persistence = memoryPersistence();
  const service = new CaptureService(persistence, {}, options);
  const parsed = parseFixtureEvents(events);
  const tabIds = new Set(parsed.map((event) => event.tabId));
  const updates: Exchange[] = [];
  for (const tabId of tabIds) {
    service.subscribe(tabId, (message) => {
      if (message.type === 'exchanges') updates.push(...message.exchanges);
    });
  }
  for (const event of parsed) service.ingest(event);
  const firstTab = [...tabIds][0] ?? 0;
  return { service, persistence, updates, exchanges: (tabId = firstTab) => service.exchanges(tabId) };
}

/** Which preflight requestIds each exchange (by its request's requestId) holds: the pairing, as data. */
export function pairing(exchanges: readonly Exchange[]): Record<string, string[]> {
  return Object.fromEntries(exchanges.map((e) => [requestIdOf(e), e.preflights.map((p) => p.requestId)]));
}

export function requestIdOf(exchange: Exchange): string {
  return exchange.id.slice(exchange.id.indexOf(':') + 1);
}

/** An exchange's essentials, to compare two runs of the same events. */
export function essentials(exchange: Exchange): unknown {
  const diagnosis = exchange.diagnosis;
  return {
    id: exchange.id,
    state: exchange.state,
    url: exchange.url,
    preflights: exchange.preflights.map((p) => [p.requestId, p.response?.status ?? null, p.error]),
    preflightCache: exchange.preflightCache,
    response: exchange.response?.status ?? null,
    error: exchange.error,
    redirects: exchange.redirects.length,
    mode: exchange.mode,
    verdict: diagnosis === null ? null : [diagnosis.verdict.ok, diagnosis.verdict.error, diagnosis.credentials.mode, diagnosis.credentials.source],
  };
}
