/**
 * The bench's browser parts run here on small inputs, so CI keeps `npm run bench` working end to
 * end in real Chromium: part 1 (the page's cost: bare browsers, the floor extensions the bench
 * writes, the built extension, the probe) and part 4 (the real panel built into a page). As in
 * test/unit/bench/bench-parts.test.ts, no figure is held to a budget (speed is read from the
 * bench, never timed in tests): every condition ran, every ratio is a number, the probe sees what
 * each listener plan should, and the panel was rendered, filtered, searched and scrolled.
 */
import { describe, expect, it } from 'vitest';
import { benchPageCost } from '../bench/page-cost/page-cost';
import { benchPanel } from '../bench/panel-page/panel-bench';
import { deliveryRows, pageCostRows, panelRows } from '../bench/table-rows';

describe('the bench in Chromium', () => {
  it('part 1 measures every condition side by side, and probes what each floor variant still sees', { timeout: 240_000 }, async () => {
    const r = await benchPageCost({ fetches: 24, floodRounds: 1, realisticRounds: 1, variantFetches: 0, variantRounds: 0, log: () => undefined });
    for (const group of [r.flood, r.realistic]) {
      expect(Object.keys(group).sort()).toEqual(['preflighted', 'simple']);
      for (const figures of Object.values(group)) {
        expect(Object.keys(figures.medianMs).sort()).toEqual(['floor', 'none', 'ours', 'ours-while-open']);
        for (const ms of Object.values(figures.medianMs)) expect(ms).toBeGreaterThan(0);
        for (const [name, ratio] of Object.entries(figures.ratios)) expect([name, Number.isFinite(ratio.median) && ratio.median > 0]).toEqual([name, true]);
      }
    }
    // The floor sees the preflight's headers with its Origin; without onBeforeRequest those starts are gone; without listeners, everything.
    expect(r.floorProbe?.['onSendHeaders OPTIONS probe-put-ok']).toMatchObject({ origin: true });
    const lost = (id: string): readonly string[] | null | undefined => r.variants.find((v) => v.id === id)?.probeLost;
    expect(r.variants.filter((v) => v.probeLost === null).map((v) => v.id)).toEqual([]);
    expect(lost('floor')).toEqual([]);
    expect(lost('no-before-request')?.some((line) => line.startsWith('-onBeforeRequest'))).toBe(true);
    expect(lost('no-listeners')).toHaveLength(Object.keys(r.floorProbe ?? {}).length);
    expect(pageCostRows(r).some((row) => row.budget === '<= 1.05')).toBe(true);
    expect(deliveryRows(r, { where: 'Node', rate: 10_000 })).toHaveLength(4);
  });

  it('part 4 renders, filters, searches and scrolls the real panel, and runs the pipeline in V8', { timeout: 240_000 }, async () => {
    const r = await benchPanel({ rounds: 1, exchanges: 400, pipelineExchanges: 500, log: () => undefined });
    expect(r.exchanges).toBe(400);
    for (const [name, figure] of Object.entries({ firstRows: r.firstRows, filter: r.filter, search: r.search, jumps: r.scrollWorkP95, wheel: r.wheelWorkP95 })) {
      expect([name, figure.median > 0 && Number.isFinite(figure.median)]).toEqual([name, true]);
    }
    // The wheel-sized steps move the list by 100 px (less where it reaches its end), about five rows of 21 px.
    expect(r.wheelStepPx).toBeGreaterThan(90);
    expect(r.wheelStepPx).toBeLessThanOrEqual(100);
    expect(r.wheelStepRows).toBeGreaterThan(4);
    expect(r.scrollStepRows).toBeGreaterThan(0);
    expect(r.pipelineInChromium.exchangesPerSecond.median).toBeGreaterThan(0);
    expect(panelRows(r).some((row) => row.budget === '<= 200 ms')).toBe(true);
  });
});
