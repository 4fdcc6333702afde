import { CaptureService } from '../../../src/capture/capture-service';
import { parseWebRequestDetails } from '../../../src/capture/parse-web-request-details';
import { webRequestEventKinds } from '../../../src/capture/web-request-event';
import { PROTOCOL_VERSION, parsePanelMessage, type BackgroundMessage, type PanelMessage } from '../../../src/protocol/messages';
import { transportPair } from '../../../src/protocol/transport';
import type { PanelTransport } from '../../../src/protocol/panel-client';
import { syntheticStream } from '../background/synthetic-stream';

export const BENCH_TAB = 7;

/**
 * The real background's logic without the browser: the synthetic stream goes through the real
 * parse, pairing and diagnosis into a CaptureService holding `exchanges`, and panels connect over
 * an in-memory transport that copies every message (as a runtime.Port does) and serves them as
 * extension/background/panel-port.ts does.
 */
export function fakeBackground(exchanges: number): { readonly connect: () => PanelTransport; readonly listed: number } {
  const service = new CaptureService({ set: () => undefined, remove: () => undefined }, {}, { limit: exchanges, storageBudget: Number.MAX_SAFE_INTEGER });
  for (const { event, details } of syntheticStream({ exchanges, tabId: BENCH_TAB }).events) {
    const parsed = parseWebRequestDetails(webRequestEventKinds[event], details);
    if (parsed !== undefined) service.ingest(parsed);
  }
  const connect = (): PanelTransport => {
    const [panelEnd, backgroundEnd] = transportPair<unknown, PanelMessage>();
    backgroundEnd.onMessage((raw) => {
      const message = parsePanelMessage(raw);
      if (message?.type !== 'subscribe') return;
      if (message.version !== PROTOCOL_VERSION) return;
      service.subscribe(message.tabId, (update: BackgroundMessage) => backgroundEnd.send(update));
    });
    return panelEnd;
  };
  return { connect, listed: service.exchanges(BENCH_TAB).length };
}
