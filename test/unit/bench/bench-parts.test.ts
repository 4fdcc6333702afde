/**
 * The bench's Node parts run here on small inputs, so CI keeps `npm run bench` working and its
 * synthetic stream honest: figures are not asserted (speed is read from the bench, never timed in
 * tests), what the parts count and derive is.
 */
import { describe, expect, it } from 'vitest';
import { CaptureService } from '../../../src/capture/capture-service';
import { parseWebRequestDetails } from '../../../src/capture/parse-web-request-details';
import { webRequestEventKinds } from '../../../src/capture/web-request-event';
import { benchBackground } from '../../bench/background/background-bench';
import { syntheticStream } from '../../bench/background/synthetic-stream';
import { benchCorsCore } from '../../bench/cors-core.bench';
import type { PageCostResults } from '../../bench/page-cost/page-cost';
import { coreRows, deliveryRows } from '../../bench/table-rows';

const noPersistence = { set: () => undefined, remove: () => undefined };

describe('the bench', () => {
  it("the synthetic stream's cross-origin exchanges are each listed once, settled, a fifth of them failing; the rest skipped", () => {
    const stream = syntheticStream({ exchanges: 600, tabId: 7 });
    const service = new CaptureService(noPersistence, {}, { limit: 10_000 });
    for (const { event, details } of stream.events) {
      const parsed = parseWebRequestDetails(webRequestEventKinds[event], details);
      if (parsed !== undefined) service.ingest(parsed);
    }
    const listed = service.exchanges(7);
    expect(stream.otherRequests).toBeGreaterThan(0);
    expect(listed).toHaveLength(600);
    expect(new Set(listed.map((e) => e.id)).size).toBe(600);
    expect(listed.filter((e) => e.state === 'pending')).toEqual([]);
    const failing = listed.filter((e) => e.diagnosis?.verdict.ok === false).length / listed.length;
    expect(failing).toBeGreaterThan(0.1);
    expect(failing).toBeLessThan(0.3);
  });

  // Several passes over the stream: a loaded machine can take seconds.
  it('the background part counts what it ran and sizes what it stored', { timeout: 60_000 }, async () => {
    const r = await benchBackground({ exchanges: 1_000, persistExchanges: 200, warmUpExchanges: 200, log: () => undefined });
    expect(r.exchanges).toBe(1_000);
    expect(r.events).toBeGreaterThan(4_000);
    expect(r.exchangesPerSecond.min).toBeGreaterThan(0);
    expect(r.exchangesPerSecond.min).toBeLessThanOrEqual(r.exchangesPerSecond.median);
    expect(Object.values(r.stagesUs).every(Number.isFinite)).toBe(true);
    expect(r.storedBytes.mean).toBeGreaterThan(500);
    expect(r.storedBytes.p95).toBeGreaterThanOrEqual(r.storedBytes.mean * 0.9);
    expect(r.storedBytes.withDiagnosisMean).toBeGreaterThan(r.storedBytes.mean);
    expect(r.persistence.writesPerExchange).toBeGreaterThan(0);
  });

  it('the core part gives a median within its slices, per wall and CPU second, and rows with the budgets', { timeout: 60_000 }, async () => {
    const r = await benchCorsCore(70);
    for (const name of ['classify', 'check']) {
      const median = r[`cors.${name} ops/s`] ?? 0;
      expect(median).toBeGreaterThan(0);
      expect(r[`cors.${name} ops/s min`]).toBeLessThanOrEqual(median);
      expect(r[`cors.${name} ops/s max`]).toBeGreaterThanOrEqual(median);
      expect(r[`cors.${name} ops/cpu-s`]).toBeGreaterThan(0);
    }
    expect(coreRows(r).map((row) => row.budget)).toEqual(['>= 1,000,000', '>= 500,000']);
  });

  it("sets the pipeline's rate against the pace of a flood with the floor extension", () => {
    const flood = (floorMs: number) => ({ medianMs: { none: 1, floor: floorMs, ours: 1 }, ratios: {} });
    const page = { fetches: 1_000, flood: { preflighted: flood(4_000), simple: flood(2_000) } } as unknown as PageCostResults;
    expect(deliveryRows(page, { where: 'Node', rate: 10_000 }).map((row) => row.value)).toEqual(['250', '2.5 %', '500', '5.0 %']);
    expect(deliveryRows(undefined, { where: 'Node', rate: 10_000 })).toEqual([]);
    expect(deliveryRows(page, undefined)).toEqual([]);
  });
});
