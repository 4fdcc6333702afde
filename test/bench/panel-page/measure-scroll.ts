import { percentile } from '../support/stats';
import { frameTimes, observeLongAnimationFrames } from './frame-timing';

/** The frame budget at 60 Hz: a step whose work is over it cannot have been painted in time. */
const FRAME_BUDGET_MS = 16;

/** One scroll run, in milliseconds. */
export interface ScrollRun {
  /** Pixels scrolled per step (the mean), and that in rows. */
  readonly stepPx: number;
  readonly stepRows: number;
  /**
   * Per step: the main thread's time for that frame, from the scroll event to the frame painted
   * (handler, render, style, layout, paint), nothing forced; `over16`: steps over 16 ms.
   */
  readonly work: { readonly p95: number; readonly max: number; readonly over16: number; readonly steps: number };
  /**
   * Per step: time between frames while scrolling (includes whatever else the machine does);
   * `dropped`: intervals over 1.5 vsync (25 ms), i.e. a frame missed; `longAnimationFrames`: the
   * browser's own count of frames over 50 ms (PerformanceObserver 'long-animation-frame') and the longest.
   */
  readonly frames: {
    readonly p95: number;
    readonly max: number;
    readonly dropped: number;
    readonly longAnimationFrames: { readonly count: number; readonly max: number };
  };
}

/**
 * Where each step goes: `jumps` spreads `steps` over the whole list (on 10,000 rows each step is
 * ~83 rows, more than the visible window, so every drawn row is re-filled); `by` moves `px` per
 * step from the top, as a wheel notch or an arrow key does (~100 px, a few rows).
 */
export type ScrollPath = { readonly kind: 'jumps' } | { readonly kind: 'by'; readonly px: number };

/**
 * Scrolls `list` from its top in `steps` steps, one per frame, as a user's scroll reaches the
 * page: scrollTop is set between frames, and the browser fires the scroll event at the start of the
 * next frame, before its animation callbacks; the list re-renders there, then style, layout and
 * paint run in that frame. Nothing is forced: a forced layout would only move that frame's layout
 * into the timed window and show up as getBoundingClientRect in a profile.
 */
export async function measureScroll(list: HTMLElement, steps: number, path: ScrollPath): Promise<ScrollRun> {
  const span = list.scrollHeight - list.clientHeight;
  const start = list.scrollTop;
  const targetOf = (step: number): number => (path.kind === 'jumps' ? Math.round((span * step) / steps) : Math.min(span, start + step * path.px));
  let scrolledAt = Number.NaN;
  // Capturing listeners on the target run before the list's own handler.
  const onScroll = (): void => {
    scrolledAt = performance.now();
  };
  list.addEventListener('scroll', onScroll, { capture: true });
  const long = observeLongAnimationFrames();
  const work: number[] = [];
  const frames: number[] = [];
  let previous = (await frameTimes()).start;
  for (let step = 1; step <= steps; step++) {
    const top = targetOf(step);
    // A short list (40 rows) has fewer pixels to scroll than steps: no scroll, no event, nothing to time.
    if (top === list.scrollTop) continue;
    scrolledAt = Number.NaN;
    list.scrollTop = top;
    const frame = await frameTimes();
    if (Number.isNaN(scrolledAt)) throw new Error(`scroll step ${step}: no scroll event in the frame after it`);
    work.push(frame.end - scrolledAt);
    frames.push(frame.start - previous);
    previous = frame.start;
  }
  list.removeEventListener('scroll', onScroll, { capture: true });
  const longFrames = long.stop();
  // The grid around the list counts its header row too.
  const rows = Number(list.closest('[role=grid]')?.getAttribute('aria-rowcount')) - 1;
  const stepPx = work.length === 0 ? 0 : (list.scrollTop - start) / work.length;
  const sortedWork = [...work].sort((a, b) => a - b);
  const sortedFrames = [...frames].sort((a, b) => a - b);
  return {
    stepPx,
    stepRows: rows > 0 ? stepPx / (list.scrollHeight / rows) : Number.NaN,
    work: {
      p95: percentile(sortedWork, 95),
      max: sortedWork.at(-1) ?? Number.NaN,
      over16: work.filter((w) => w > FRAME_BUDGET_MS).length,
      steps: work.length,
    },
    frames: {
      p95: percentile(sortedFrames, 95),
      max: sortedFrames.at(-1) ?? Number.NaN,
      dropped: frames.filter((f) => f > 25).length,
      longAnimationFrames: longFrames,
    },
  };
}
