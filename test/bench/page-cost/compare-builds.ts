/**
 * Builds of the extension side by side with the floor, on the flood, to tell what one change costs
 * the page: `tsx test/bench/page-cost/compare-builds.ts [--fetches=1000] [--rounds=5] <dir> <dir>...`.
 * Build each variant into its own directory first (`vite build --mode chrome --outDir ...`). The
 * ratios are medians of alternated rounds (min-max), as in the bench's part 1; each build is named
 * by its directory's last segment.
 */
import { basename, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { formatSpread, ratios, spread } from '../support/stats';
import { alternatedRounds, type Condition, type Workload } from './alternated-rounds';
import { startBenchServer } from './bench-server';
import { writeFloorExtension } from './floor-extension';
import { realListenerPlan } from './listener-plan';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  console.error('usage: tsx test/bench/page-cost/compare-builds.ts [--fetches=1000] [--rounds=5] <dir> <dir>...');
  process.exit(2);
}
const fetches = option('fetches', 1000);
const rounds = option('rounds', 5);
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

const server = await startBenchServer();
const floor = await writeFloorExtension('floor', realListenerPlan());
try {
  const builds: Condition[] = dirs.map((dir) => ({ id: basename(resolve(dir)), extensionDir: resolve(dir) }));
  const conditions: Condition[] = [{ id: 'floor', extensionDir: floor.dir }, ...builds];
  const workloads: Workload[] = [
    { id: 'preflighted', job: { kind: 'put', count: fetches, concurrency: 6, delayMs: 0 } },
    { id: 'simple', job: { kind: 'get', count: fetches, concurrency: 6, delayMs: 0 } },
  ];
  console.log(`flood of ${fetches}, ${conditions.map((c) => c.id).join(' / ')}, ${rounds} rounds, load ${load()}`);
  const times = await alternatedRounds(server, conditions, workloads, rounds, (line) => console.log(line));
  for (const workload of workloads) {
    const of = (id: string): number[] => times.get(workload.id)?.get(id) ?? [];
    const first = builds[0]?.id ?? '';
    const figures = builds.map((b) => `${b.id}/floor ${formatSpread(spread(ratios(of(b.id), of('floor'))))}`);
    const versusFirst = builds.slice(1).map((b) => `${b.id}/${first} ${formatSpread(spread(ratios(of(b.id), of(first))))}`);
    console.log(`${workload.id}: ${[...figures, ...versusFirst].join(', ')}`);
  }
  console.log(`load after ${load()}`);
} finally {
  await server.close();
  await floor.remove();
}
