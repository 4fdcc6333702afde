import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../browser/support/chromium';
import { buildPanelPage } from './build-panel-page';
import type { PanelBenchApi } from './main';
import { serveDirectory } from './static-server';
import { cpuPerStep, PHASES, TRACE_CATEGORIES, type Phase, type TraceEvent } from './trace-phases';

/**
 * Where a scrolled frame's time goes: part 4's page load traced by Chromium, and for each scroll
 * run (jumps, wheel-sized) the renderer's CPU milliseconds per step by phase (script, style,
 * layout, pre-paint, paint, layerize, commit; raster on its workers). Tracing itself costs a
 * little; this is a map of where to look, not a budget figure.
 *
 *   npx tsx test/bench/panel-page/trace-scroll.ts [exchanges=10000] [--keep=trace.json]
 */
const STEPS = 120;
const exchanges = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
const keep = process.argv.find((a) => a.startsWith('--keep='))?.slice('--keep='.length);

const server = await serveDirectory(await buildPanelPage());
const session = await launchChromium({ extension: null });
const tracePath = keep ?? join(tmpdir(), `panel-trace-${process.pid}.json`);
try {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/index.html`);
  await page.waitForFunction(() => window.corsPanelBench !== undefined);
  await session.browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES });
  await page.evaluate(([n, steps]) => (window.corsPanelBench as PanelBenchApi).measurePanel(n, steps), [exchanges, STEPS] as const);
  await session.browser.stopTracing();
  const events = (JSON.parse(await readFile(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const markAt = (name: string): number => {
    const mark = events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
    if (mark === undefined) throw new Error(`no mark ${name} in the trace`);
    return mark.ts;
  };
  for (const run of ['scroll-jumps', 'scroll-wheel']) {
    const from = markAt(`${run}:start`);
    const to = markAt(`${run}:end`);
    const cpu = cpuPerStep(events, STEPS, from, to);
    const phases: readonly Phase[] = [...PHASES, 'tasks', 'raster'];
    console.log(`${run}: ${((to - from) / 1000 / STEPS).toFixed(1)} ms per step (wall); CPU ms per step:`);
    for (const phase of phases) console.log(`  ${phase.padEnd(18)} ${cpu[phase].toFixed(2).padStart(6)}`);
  }
} finally {
  await session.close();
  await server.close();
  if (keep === undefined) await rm(tracePath, { force: true });
}
