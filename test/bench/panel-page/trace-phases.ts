/** A Chromium trace event, the fields the summaries read. */
export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time: what the load of other processes does not inflate, unlike `dur`. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** Main-thread phases of a frame, by their trace event names. */
export const PHASES = ['EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'] as const;
export type Phase = (typeof PHASES)[number] | 'tasks' | 'raster';

/** The categories the summary needs (Chromium's devtools.timeline set, plus rasterization). */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'cc', 'toplevel'];

/**
 * CPU milliseconds (thread time) per phase over `[from, to]` (trace microseconds, the whole trace
 * when omitted), divided by `steps`. Events nested in one of the same name count once; `tasks` is
 * every top-level task of the renderer's main thread, `raster` the raster workers' tasks.
 */
export function cpuPerStep(events: readonly TraceEvent[], steps: number, from = -Infinity, to = Infinity): Record<Phase, number> {
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const inRun = events.filter((e) => e.ph === 'X' && e.ts >= from && e.ts + (e.dur ?? 0) <= to);
  // The renderer is the process whose main thread did the layouts.
  const layout = inRun.find((e) => e.name === 'Layout' && threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const onMain = layout === undefined ? [] : inRun.filter((e) => e.pid === layout.pid && e.tid === layout.tid);
  const sum = (list: readonly TraceEvent[]): number => {
    let total = 0;
    let end = -Infinity;
    for (const e of [...list].sort((a, b) => a.ts - b.ts)) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      total += e.tdur ?? e.dur ?? 0;
    }
    return total / 1000 / steps;
  };
  const out = {} as Record<Phase, number>;
  for (const phase of PHASES) out[phase] = sum(onMain.filter((e) => e.name === phase));
  out.tasks = sum(onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask'));
  const raster = inRun.filter((e) => e.name === 'RasterTask' && layout !== undefined && e.pid === layout.pid);
  out.raster = raster.reduce((total, e) => total + (e.tdur ?? e.dur ?? 0), 0) / 1000 / steps;
  return out;
}
