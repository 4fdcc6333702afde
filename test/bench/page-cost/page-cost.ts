import { access } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { formatSpread, ratios, spread, type Spread } from '../support/stats';
import { captureModeSetup } from './capture-mode-setup';
import { alternatedRounds, type Condition, type RoundTimes, type Workload } from './alternated-rounds';
import { startBenchServer } from './bench-server';
import { writeFloorExtension, type FloorExtension } from './floor-extension';
import { floorVariants } from './floor-variants';
import { realListenerPlan, type ListenerPlan } from './listener-plan';
import { lostSightings, probeVisibility, type Sightings } from './visibility-probe';

export const chromeBuild = resolve(import.meta.dirname, '../../../dist/chrome');

export interface PageCostOptions {
  readonly fetches: number;
  readonly floodRounds: number;
  readonly realisticRounds: number;
  /** Fetches per run when comparing the floor's variants (0: skip the variants). */
  readonly variantFetches: number;
  readonly variantRounds: number;
  readonly log: (line: string) => void;
}

export interface WorkloadFigures {
  /** Median milliseconds per run, by condition (informative only: the ratios are the figures). */
  readonly medianMs: Readonly<Record<string, number>>;
  /** Round-by-round ratios: `ours/floor`, `ours/none`, `floor/none`, `<variant>/floor`, ... */
  readonly ratios: Readonly<Record<string, Spread>>;
}

export interface VariantFigures {
  readonly id: string;
  readonly change: string;
  readonly loses: string;
  readonly listeners: ListenerPlan;
  /** Flood ratios against no extension and against the floor, preflighted and simple (null: not run). */
  readonly put: { readonly vsNone: Spread; readonly vsFloor: Spread } | null;
  readonly get: { readonly vsNone: Spread; readonly vsFloor: Spread } | null;
  /** Events the probe saw with the floor and not with this variant (`null`: probe not run). */
  readonly probeLost: readonly string[] | null;
}

export interface PageCostResults {
  readonly fetches: number;
  readonly concurrency: number;
  readonly realisticDelayMs: number;
  readonly floodRounds: number;
  readonly realisticRounds: number;
  readonly variantFetches: number;
  readonly variantRounds: number;
  readonly flood: Readonly<Record<string, WorkloadFigures>>;
  readonly realistic: Readonly<Record<string, WorkloadFigures>>;
  readonly variants: readonly VariantFigures[];
  readonly floorProbe: Sightings | null;
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
}

const CONCURRENCY = 6;
const REALISTIC_DELAY_MS = 30;

/**
 * Part 1: what observing requests costs the page, in real Chromium, as ratios measured side by
 * side: no extension, the floor (the same listeners, empty; and variants of it), ours.
 */
export async function benchPageCost(options: PageCostOptions): Promise<PageCostResults> {
  await access(resolve(chromeBuild, 'manifest.json')).catch(() => {
    throw new Error('dist/chrome is missing: run `npm run build` first');
  });
  const before = loadavg();
  const real = realListenerPlan();
  const server = await startBenchServer();
  const extensions: FloorExtension[] = [];
  try {
    const floors = new Map<string, string>();
    for (const variant of floorVariants) {
      const extension = await writeFloorExtension(variant.id, variant.plan(real));
      extensions.push(extension);
      floors.set(variant.id, extension.dir);
    }
    const floorDir = floors.get('floor') ?? null;
    const main: Condition[] = [
      { id: 'none', extensionDir: null },
      { id: 'floor', extensionDir: floorDir },
      { id: 'ours', extensionDir: chromeBuild },
      // The capture mode "only while DevTools is open", with none open: what everyday browsing costs then.
      { id: 'ours-while-open', extensionDir: chromeBuild, beforePage: captureModeSetup('while-devtools-open') },
    ];
    const flood = (count: number): Workload[] => [
      { id: 'preflighted', job: { kind: 'put', count, concurrency: CONCURRENCY, delayMs: 0 } },
      { id: 'simple', job: { kind: 'get', count, concurrency: CONCURRENCY, delayMs: 0 } },
    ];
    const realistic: Workload[] = flood(options.fetches).map((w) => ({ id: w.id, job: { ...w.job, delayMs: REALISTIC_DELAY_MS } }));

    options.log(`page cost: flood of ${options.fetches}, ${main.map((c) => c.id).join('/')}, ${options.floodRounds} rounds`);
    const floodTimes = await alternatedRounds(server, main, flood(options.fetches), options.floodRounds, options.log);
    options.log(`page cost: realistic page (API answers after ${REALISTIC_DELAY_MS} ms), ${options.realisticRounds} rounds`);
    const realisticTimes = await alternatedRounds(server, main, realistic, options.realisticRounds, options.log);

    let variantTimes: RoundTimes | undefined;
    if (options.variantFetches > 0 && options.variantRounds > 0) {
      const conditions: Condition[] = [
        { id: 'none', extensionDir: null },
        ...floorVariants.map((v) => ({ id: v.id, extensionDir: floors.get(v.id) ?? null })),
      ];
      options.log(`page cost: floor variants, flood of ${options.variantFetches}, ${conditions.length} browsers, ${options.variantRounds} rounds`);
      variantTimes = await alternatedRounds(server, conditions, flood(options.variantFetches), options.variantRounds, options.log);
    }

    options.log('page cost: what each variant still sees (probe)');
    // Two browsers at a time: nine at once on a 2-core machine left some probes without a report.
    const probeList = await inBatches(floorVariants, 2, (variant) => probeVisibility(server, variant.id, variant.plan(real)));
    const probes = new Map(floorVariants.map((variant, i) => [variant.id, probeList[i]]));
    const floorProbe = probes.get('floor');

    const variants = floorVariants.map((variant): VariantFigures => {
      const probe = probes.get(variant.id);
      const pair = (workload: string) =>
        variantTimes === undefined ? null : { vsNone: ratioOf(variantTimes, workload, variant.id, 'none'), vsFloor: ratioOf(variantTimes, workload, variant.id, 'floor') };
      return {
        id: variant.id,
        change: variant.change,
        loses: variant.loses,
        listeners: variant.plan(real),
        put: pair('preflighted'),
        get: pair('simple'),
        probeLost: floorProbe === undefined || probe === undefined ? null : lostSightings(floorProbe, probe),
      };
    });
    return {
      fetches: options.fetches,
      concurrency: CONCURRENCY,
      realisticDelayMs: REALISTIC_DELAY_MS,
      floodRounds: options.floodRounds,
      realisticRounds: options.realisticRounds,
      variantFetches: variantTimes === undefined ? 0 : options.variantFetches,
      variantRounds: variantTimes === undefined ? 0 : options.variantRounds,
      flood: figures(floodTimes),
      realistic: figures(realisticTimes),
      variants,
      floorProbe: floorProbe ?? null,
      loadAverage: { before, after: loadavg() },
    };
  } finally {
    await server.close();
    await Promise.all(extensions.map((e) => e.remove()));
  }
}

/** `run` over `items`, `size` at a time, results in order. */
async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

function ratioOf(times: RoundTimes, workload: string, numerator: string, denominator: string): Spread {
  const byCondition = times.get(workload);
  return spread(ratios(byCondition?.get(numerator) ?? [], byCondition?.get(denominator) ?? []));
}

function figures(times: RoundTimes): Record<string, WorkloadFigures> {
  const out: Record<string, WorkloadFigures> = {};
  for (const [workload, byCondition] of times) {
    const medianMs: Record<string, number> = {};
    for (const [condition, ms] of byCondition) medianMs[condition] = Math.round(spread(ms).median);
    out[workload] = {
      medianMs,
      ratios: {
        'ours/floor': ratioOf(times, workload, 'ours', 'floor'),
        'ours/none': ratioOf(times, workload, 'ours', 'none'),
        'floor/none': ratioOf(times, workload, 'floor', 'none'),
        'ours-while-open/none': ratioOf(times, workload, 'ours-while-open', 'none'),
      },
    };
  }
  return out;
}

/** One line per workload, for the console while the bench runs. */
export function describePageCost(results: PageCostResults): string[] {
  const lines: string[] = [];
  for (const [label, group] of [['flood', results.flood], ['realistic', results.realistic]] as const) {
    for (const [workload, f] of Object.entries(group)) {
      const r = Object.entries(f.ratios).map(([name, s]) => `${name} ${formatSpread(s)}`).join(', ');
      lines.push(`${label} ${workload}: ${r}`);
    }
  }
  return lines;
}
