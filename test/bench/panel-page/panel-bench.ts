import { launchChromium } from '../../browser/support/chromium';
import { ratios, round, spread, type Spread } from '../support/stats';
import { buildPanelPage } from './build-panel-page';
import type { PanelBenchApi } from './main';
import type { PanelRun } from './panel-measures';
import { serveDirectory } from './static-server';

export interface PanelOptions {
  readonly rounds: number;
  readonly exchanges: number;
  readonly pipelineExchanges: number;
  readonly log: (line: string) => void;
}

export interface PanelResults {
  readonly exchanges: number;
  readonly rounds: number;
  readonly scrollSteps: number;
  /** Milliseconds over the rounds (median, min, max) at `exchanges`. */
  readonly firstRows: Spread;
  readonly firstRender: Spread;
  readonly firstFrame: Spread;
  readonly filter: Spread;
  readonly filterFrame: Spread;
  readonly search: Spread;
  readonly searchFrame: Spread;
  readonly scrollWorkP95: Spread;
  readonly scrollWorkMax: Spread;
  readonly scrollFrameP95: Spread;
  readonly scrollFrameMax: Spread;
  readonly scrollFramesDropped: Spread;
  /** Frames over 50 ms while scrolling as Chromium reports them ('long-animation-frame'), and the longest. */
  readonly scrollLongFrames: Spread;
  readonly scrollLongFrameMax: Spread;
  /** Steps of the jumps whose work was over 16 ms (a frame late at 60 Hz). */
  readonly scrollWorkOver16: Spread;
  /** Pixels and rows per jump (mean). */
  readonly scrollStepPx: number;
  readonly scrollStepRows: number;
  /** Wheel-sized scrolling: `scrollSteps` steps of 100 px, the same figures as the jumps. */
  readonly wheelStepPx: number;
  readonly wheelStepRows: number;
  readonly wheelWorkP95: Spread;
  readonly wheelWorkMax: Spread;
  readonly wheelWorkOver16: Spread;
  readonly wheelFrameP95: Spread;
  readonly wheelFrameMax: Spread;
  readonly wheelFramesDropped: Spread;
  readonly wheelLongFrames: Spread;
  readonly wheelLongFrameMax: Spread;
  /** First render at `exchanges` over first render at 40, round by round: what the list's size costs. */
  readonly firstRenderRatioTo40: Spread;
  readonly scrollWorkMaxRatioTo40: Spread;
  /** The background's pipeline run in Chromium's V8 (the engine the extension runs in). */
  readonly pipelineInChromium: { readonly exchanges: number; readonly exchangesPerSecond: Spread };
}

const SMALL = 40;
const SCROLL_STEPS = 120;

/**
 * Part 4: the real panel (src/panel App + PanelClient) built into a plain page over an in-memory
 * transport and a fake background holding N exchanges made by the real pipeline, measured in
 * Chromium. Page loads alternate between N and 40 exchanges, so the ratio shows what N costs.
 */
export async function benchPanel(options: PanelOptions): Promise<PanelResults> {
  options.log('panel: building the bench page');
  const dir = await buildPanelPage();
  const server = await serveDirectory(dir);
  const session = await launchChromium({ extension: null });
  try {
    const page = await session.context.newPage();
    const load = async (): Promise<void> => {
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => window.corsPanelBench !== undefined);
    };
    const measure = async (exchanges: number): Promise<PanelRun> => {
      await load();
      return page.evaluate(([n, steps]) => (window.corsPanelBench as PanelBenchApi).measurePanel(n, steps), [exchanges, SCROLL_STEPS] as const);
    };
    const large: PanelRun[] = [];
    const small: PanelRun[] = [];
    await measure(SMALL);
    for (let round = 0; round < options.rounds; round++) {
      if (round % 2 === 0) {
        large.push(await measure(options.exchanges));
        small.push(await measure(SMALL));
      } else {
        small.push(await measure(SMALL));
        large.push(await measure(options.exchanges));
      }
      options.log(`  panel round ${round + 1}/${options.rounds}: first render ${large.at(-1)?.firstRender.toFixed(0)} ms`);
    }
    const pipeline: number[] = [];
    for (let round = 0; round < 2; round++) {
      await load();
      const result = await page.evaluate((n) => (window.corsPanelBench as PanelBenchApi).measurePipeline(n), options.pipelineExchanges);
      pipeline.push(result.exchangesPerSecond);
    }
    const of = (pick: (run: PanelRun) => number): Spread => spread(large.map(pick));
    return {
      exchanges: large[0]?.exchanges ?? options.exchanges,
      rounds: options.rounds,
      scrollSteps: SCROLL_STEPS,
      firstRows: of((r) => r.firstRows),
      firstRender: of((r) => r.firstRender),
      firstFrame: of((r) => r.firstFrame),
      filter: of((r) => r.filter),
      filterFrame: of((r) => r.filterFrame),
      search: of((r) => r.search),
      searchFrame: of((r) => r.searchFrame),
      scrollWorkP95: of((r) => r.scrollJumps.work.p95),
      scrollWorkMax: of((r) => r.scrollJumps.work.max),
      scrollFrameP95: of((r) => r.scrollJumps.frames.p95),
      scrollFrameMax: of((r) => r.scrollJumps.frames.max),
      scrollFramesDropped: of((r) => r.scrollJumps.frames.dropped),
      scrollLongFrames: of((r) => r.scrollJumps.frames.longAnimationFrames.count),
      scrollLongFrameMax: of((r) => r.scrollJumps.frames.longAnimationFrames.max),
      scrollWorkOver16: of((r) => r.scrollJumps.work.over16),
      scrollStepPx: round(of((r) => r.scrollJumps.stepPx).median, 1),
      scrollStepRows: round(of((r) => r.scrollJumps.stepRows).median, 1),
      wheelStepPx: round(of((r) => r.scrollWheel.stepPx).median, 1),
      wheelStepRows: round(of((r) => r.scrollWheel.stepRows).median, 1),
      wheelWorkP95: of((r) => r.scrollWheel.work.p95),
      wheelWorkMax: of((r) => r.scrollWheel.work.max),
      wheelWorkOver16: of((r) => r.scrollWheel.work.over16),
      wheelFrameP95: of((r) => r.scrollWheel.frames.p95),
      wheelFrameMax: of((r) => r.scrollWheel.frames.max),
      wheelFramesDropped: of((r) => r.scrollWheel.frames.dropped),
      wheelLongFrames: of((r) => r.scrollWheel.frames.longAnimationFrames.count),
      wheelLongFrameMax: of((r) => r.scrollWheel.frames.longAnimationFrames.max),
      firstRenderRatioTo40: spread(ratios(large.map((r) => r.firstRender), small.map((r) => r.firstRender))),
      scrollWorkMaxRatioTo40: spread(ratios(large.map((r) => r.scrollJumps.work.max), small.map((r) => r.scrollJumps.work.max))),
      pipelineInChromium: { exchanges: options.pipelineExchanges, exchangesPerSecond: spread(pipeline) },
    };
  } finally {
    await session.close();
    await server.close();
  }
}
