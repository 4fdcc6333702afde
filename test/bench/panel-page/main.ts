import type { ScrollPath, ScrollRun } from './measure-scroll';
import { measurePanel, mountPanel, scrollPanel, type PanelRun } from './panel-measures';
import { measurePipeline } from './pipeline-in-page';

/** What the bench driver calls in this page (one measurePanel call per page load). */
export interface PanelBenchApi {
  measurePanel(exchanges: number, scrollSteps: number): Promise<PanelRun>;
  measurePipeline(exchanges: number): { readonly exchangesPerSecond: number; readonly ms: number };
  /** Mount once, then scroll as often as needed (variants and traces). */
  mountPanel(exchanges: number): Promise<void>;
  scrollPanel(steps: number, path: ScrollPath): Promise<ScrollRun>;
}

declare global {
  interface Window {
    corsPanelBench?: PanelBenchApi;
  }
}

window.corsPanelBench = { measurePanel, measurePipeline, mountPanel, scrollPanel };
