import type { Page } from 'playwright-core';
import { launchChromium } from '../../browser/support/chromium';
import { spread } from '../support/stats';
import { buildPanelPage } from './build-panel-page';
import type { PanelBenchApi } from './main';
import { serveDirectory } from './static-server';
import { cpuPerStep, PHASES, TRACE_CATEGORIES, type Phase, type TraceEvent } from './trace-phases';

/**
 * Side by side in one browser: CSS added over the panel's own (PANEL_VARIANTS, name -> CSS) and
 * other builds of the page (PANEL_BUILDS, name -> directory, e.g. a copy of dist/bench/panel-page
 * made before a change), each build mounted once in its own tab, variants measured in rotating
 * order with part 4's jumps (or wheel-sized steps). Prints per variant, median (min-max) over the
 * rounds: work per step p95, steps over 16 ms, and from a trace of each run the renderer's CPU time
 * per step by phase (thread time, which other processes' load inflates less than wall time).
 *
 *   PANEL_VARIANTS='{"base":"","clip":".row>span{overflow:clip}"}' npx tsx test/bench/panel-page/scroll-variants.ts [rounds=4] [--wheel]
 */
const variants: Readonly<Record<string, string>> = JSON.parse(process.env['PANEL_VARIANTS'] ?? '{"base":""}') as Record<string, string>;
const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 4);
const wheel = process.argv.includes('--wheel');

const builds: Readonly<Record<string, string>> = JSON.parse(process.env['PANEL_BUILDS'] ?? '{}') as Record<string, string>;

const servers = [['now', await serveDirectory(await buildPanelPage())] as const, ...(await Promise.all(Object.entries(builds).map(async ([name, dir]) => [name, await serveDirectory(dir)] as const)))];
const session = await launchChromium({ extension: null });
try {
  // One page per build, each mounted once; variants are build x CSS, measured in rotating order.
  const pages = new Map<string, Page>();
  for (const [name, server] of servers) {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() => window.corsPanelBench !== undefined);
    await page.evaluate(() => (window.corsPanelBench as PanelBenchApi).mountPanel(10_000));
    pages.set(name, page);
  }
  const names = [...pages.keys()].flatMap((build) => Object.keys(variants).map((css) => `${build}:${css}`));
  const p95 = new Map<string, number[]>(names.map((n) => [n, []]));
  const over = new Map<string, number[]>(names.map((n) => [n, []]));
  const cpu = new Map<string, Record<Phase, number>[]>(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length] as string;
      const [build = '', css = ''] = name.split(':');
      const page = pages.get(build);
      if (page === undefined) continue;
      await page.bringToFront();
      await page.evaluate(async (text) => {
        let style = document.getElementById('variant');
        if (style === null) {
          style = document.createElement('style');
          style.id = 'variant';
          document.head.append(style);
        }
        style.textContent = text;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }, variants[css] ?? '');
      await session.browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const run = await page.evaluate((byWheel) => (window.corsPanelBench as PanelBenchApi).scrollPanel(120, byWheel ? { kind: 'by', px: 100 } : { kind: 'jumps' }), wheel);
      const trace = JSON.parse((await session.browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      cpu.get(name)?.push(cpuPerStep(trace.traceEvents, 120));
      p95.get(name)?.push(run.work.p95);
      over.get(name)?.push(run.work.over16);
    }
  }
  const show = (values: readonly number[]): string => {
    const s = spread(values);
    return `${s.median.toFixed(1)} (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;
  };
  for (const name of names) {
    console.log(`${name.padEnd(16)} p95 ${show(p95.get(name) ?? [])} ms   over 16 ms ${show(over.get(name) ?? [])} of 120`);
    const runs = cpu.get(name) ?? [];
    const phases: readonly Phase[] = [...PHASES, 'tasks', 'raster'];
    console.log(`  CPU ms/step: ${phases.map((phase) => `${phase} ${spread(runs.map((r) => r[phase])).median.toFixed(2)}`).join(', ')}`);
  }
} finally {
  await session.close();
  for (const [, server] of servers) await server.close();
}
