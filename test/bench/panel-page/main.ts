import { measurePanel, type PanelRun } from './panel-measures';
import { measurePipeline } from './pipeline-in-page';

/** What the bench driver calls in this page (one call per page load). */
export interface PanelBenchApi {
  measurePanel(exchanges: number, scrollSteps: number): Promise<PanelRun>;
  measurePipeline(exchanges: number): { readonly exchangesPerSecond: number; readonly ms: number };
}

declare global {
  interface Window {
    corsPanelBench?: PanelBenchApi;
  }
}

window.corsPanelBench = { measurePanel, measurePipeline };
