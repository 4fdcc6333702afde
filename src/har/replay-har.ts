import { diagnose } from '../capture/diagnose';
import type { Exchange, PreflightRecord } from '../capture/exchange';
import { PairingEngine } from '../capture/pairing-engine';
import type { WebRequestEvent } from '../capture/web-request-event';
import type { Browser } from '../cors/index';

export interface Replay {
  /** Every exchange the engine made, settled ones diagnosed, in start order. */
  readonly exchanges: Exchange[];
  /** Preflights no request in the file claimed. */
  readonly unclaimedPreflights: PreflightRecord[];
}

/**
 * Runs events through the pairing engine of live capture and diagnoses each settled exchange as
 * the capture service does, under the rules of the browser that recorded the file. Navigations do
 * not clear anything: a HAR is read whole.
 */
export function replayHar(events: Iterable<WebRequestEvent>, browser: Browser = 'chromium'): Replay {
  const latest = new Map<string, Exchange>();
  const engine = new PairingEngine({
    exchange: (exchange) => latest.set(exchange.id, exchange),
    navigated: () => undefined,
  }, undefined, browser);
  for (const event of events) engine.ingest(event);
  const exchanges = [...latest.values()]
    .map((exchange) => (exchange.state !== 'pending' && exchange.diagnosis === null ? { ...exchange, diagnosis: diagnose(exchange, browser) } : exchange))
    .sort((a, b) => a.startTime - b.startTime);
  const unclaimedPreflights = Object.values(engine.state.preflights)
    .filter((p) => p.pairedWith === null)
    .map((p) => p.record);
  return { exchanges, unclaimedPreflights };
}
