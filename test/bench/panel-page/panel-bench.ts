import { launchChromium } from '../../browser/support/chromium';
import { ratios, spread, type Spread } from '../support/stats';
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
      scrollWorkP95: of((r) => r.scrollWork.p95),
      scrollWorkMax: of((r) => r.scrollWork.max),
      scrollFrameP95: of((r) => r.scrollFrames.p95),
      scrollFrameMax: of((r) => r.scrollFrames.max),
      scrollFramesDropped: of((r) => r.scrollFrames.dropped),
      scrollLongFrames: of((r) => r.scrollFrames.longAnimationFrames.count),
      scrollLongFrameMax: of((r) => r.scrollFrames.longAnimationFrames.max),
      firstRenderRatioTo40: spread(ratios(large.map((r) => r.firstRender), small.map((r) => r.firstRender))),
      scrollWorkMaxRatioTo40: spread(ratios(large.map((r) => r.scrollWork.max), small.map((r) => r.scrollWork.max))),
      pipelineInChromium: { exchanges: options.pipelineExchanges, exchangesPerSecond: spread(pipeline) },
    };
  } finally {
    await session.close();
    await server.close();
  }
}
