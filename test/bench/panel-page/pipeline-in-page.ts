import { CaptureService } from '../../../src/capture/capture-service';
import { parseWebRequestDetails } from '../../../src/capture/parse-web-request-details';
import { webRequestEventKinds } from '../../../src/capture/web-request-event';
import { syntheticStream } from '../background/synthetic-stream';

/**
 * The background's pipeline (parse, pairing, classification, verdict, store; persistence a
 * no-op) in Chromium's own V8, where the extension's service worker runs it: exchanges per second
 * over the same synthetic stream as the Node figure, after a warm-up.
 */
export function measurePipeline(exchanges: number): { readonly exchangesPerSecond: number; readonly ms: number } {
  const run = (events: ReturnType<typeof syntheticStream>['events']): number => {
    const service = new CaptureService({ set: () => undefined, remove: () => undefined });
    const t0 = performance.now();
    for (const { event, details } of events) {
      const parsed = parseWebRequestDetails(webRequestEventKinds[event], details);
      if (parsed !== undefined) service.ingest(parsed);
    }
    return performance.now() - t0;
  };
  run(syntheticStream({ exchanges: 5000, seed: 2 }).events);
  const ms = run(syntheticStream({ exchanges }).events);
  return { exchangesPerSecond: Math.round((exchanges * 1000) / ms), ms };
}
