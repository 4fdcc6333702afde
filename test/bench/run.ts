/**
 * `npm run bench`: every figure of the benchmarks on this machine, as a table and as JSON in
 * dist/bench/results.json. `--quick` for a shorter run; `--only=page,background,core,panel,reports`
 * for some parts. The page-cost part needs dist/chrome (`npm run build`). See docs/benchmarks.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { benchBackground } from './background/background-bench';
import { benchCorsCore } from './cors-core.bench';
import { benchPageCost } from './page-cost/page-cost';
import { benchPanel } from './panel-page/panel-bench';
import { runReportsBench } from './reports-bench';
import { benchOptions } from './support/bench-options';
import { machineInfo } from './support/machine-info';
import { formatTable, type TableRow } from './support/results-table';
import { backgroundRows, coreRows, deliveryRows, pageCostRows, panelRows, reportRows } from './table-rows';

const options = benchOptions(process.argv.slice(2));
const log = (line: string): void => console.log(line);
const started = Date.now();
const machine = await machineInfo();
log(`${machine.browser}, Node ${machine.node}, ${machine.cores} cores, load ${machine.loadAverageAtStart.join(' ')}${options.quick ? ' (quick)' : ''}`);

const results: Record<string, unknown> = { machine, quick: options.quick };
const rows: TableRow[] = [];
/** Runs one part: its figures into results.json and the table; `undefined` when it failed. */
const part = async <T>(name: string, run: () => Promise<T>, toRows: (result: T) => TableRow[]): Promise<T | undefined> => {
  const t0 = Date.now();
  try {
    const result = await run();
    results[name] = result;
    rows.push(...toRows(result));
    return result;
  } catch (error) {
    results[name] = { error: String(error) };
    log(`${name}: FAILED ${String(error)}`);
    return undefined;
  } finally {
    log(`${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
};

if (options.parts.has('core')) await part('core', () => benchCorsCore(options.coreMs), coreRows);
if (options.parts.has('reports')) await part('reports', runReportsBench, reportRows);
const background = options.parts.has('background')
  ? await part('background', () => benchBackground({ exchanges: options.streamExchanges, persistExchanges: options.persistExchanges, log }), backgroundRows)
  : undefined;
const panel = options.parts.has('panel')
  ? await part('panel', () => benchPanel({ rounds: options.panelRounds, exchanges: 10_000, pipelineExchanges: options.pipelineExchanges, log }), panelRows)
  : undefined;
const page = options.parts.has('page') ? await part('pageCost', () => benchPageCost({ ...options, log }), pageCostRows) : undefined;
// The background's rate against what the browser delivers, from this run's figures: in Chromium's V8 if measured, else in Node.
const pipeline = panel !== undefined
  ? { where: "Chromium's V8", rate: panel.pipelineInChromium.exchangesPerSecond.median }
  : background !== undefined
    ? { where: 'Node', rate: background.exchangesPerSecond.median }
    : undefined;
rows.push(...deliveryRows(page, pipeline));

results['loadAverageAtEnd'] = loadavg().map((l) => Math.round(l * 100) / 100);
results['seconds'] = Math.round((Date.now() - started) / 1000);
const out = resolve(import.meta.dirname, '../../dist/bench/results.json');
await mkdir(resolve(out, '..'), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
log(`\n${formatTable(rows)}\n`);
log(`${machine.browser}, Node ${machine.node}, ${machine.cores} cores; load average ${machine.loadAverageAtStart.join(' ')} at start, ${(results['loadAverageAtEnd'] as number[]).join(' ')} at end; ${results['seconds']} s`);
log(`figures: ${out}`);
