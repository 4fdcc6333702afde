import { startBareChromium, type BareChromium } from './chromium-process';
import type { BenchServer, PageJob } from './bench-server';

/** A browser set-up to compare: which unpacked extension it loads (`null`: none). */
export interface Condition {
  readonly id: string;
  readonly extensionDir: string | null;
  /** Set-up before the page opens (the browser's DevTools address given), e.g. the capture mode. */
  readonly beforePage?: (wsEndpoint: string) => Promise<void>;
}

export interface Workload {
  readonly id: string;
  readonly job: PageJob;
}

/** Milliseconds of each run, by workload then condition, one entry per round. */
export type RoundTimes = Map<string, Map<string, number[]>>;

/**
 * Runs every workload in every condition for `rounds` rounds. Each condition has its own browser,
 * started once and kept; within a round the conditions take turns, starting one further each
 * round, so a slow spell of the machine falls on all of them. Each browser first runs a warm-up
 * (its extension's worker starts, its caches fill) that is not counted.
 */
export async function alternatedRounds(server: BenchServer, conditions: readonly Condition[], workloads: readonly Workload[], rounds: number, log: (line: string) => void): Promise<RoundTimes> {
  const browsers: BareChromium[] = [];
  const times: RoundTimes = new Map(workloads.map((w) => [w.id, new Map(conditions.map((c) => [c.id, []]))]));
  try {
    for (const condition of conditions) {
      browsers.push(await startBareChromium(server.pageUrl(condition.id), condition.extensionDir, condition.beforePage));
      await withTimeout(server.waitForPage(condition.id), 60_000, `${condition.id}: the page did not load`);
    }
    for (const condition of conditions) {
      for (const workload of workloads) await server.run(condition.id, { ...workload.job, count: Math.min(workload.job.count, 200) });
    }
    for (let round = 0; round < rounds; round++) {
      for (const workload of workloads) {
        for (let k = 0; k < conditions.length; k++) {
          const condition = conditions[(round + k) % conditions.length];
          if (condition === undefined) continue;
          const result = await withTimeout(server.run(condition.id, workload.job), 300_000, `${condition.id} ${workload.id}: no result`);
          if (result.failures > 0) throw new Error(`${condition.id} ${workload.id}: ${result.failures} fetches failed`);
          times.get(workload.id)?.get(condition.id)?.push(result.ms);
        }
      }
      log(`  round ${round + 1}/${rounds} done`);
    }
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
  }
  return times;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
