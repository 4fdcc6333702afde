import { h, render } from 'preact';
import { App } from '../../../src/panel/app';
import { PanelClient } from '../../../src/protocol/panel-client';
import { isUnexpectedPreflight } from '../../../src/report/unexpected-preflight';
import { percentile } from '../support/stats';
import { BENCH_TAB, fakeBackground } from './fake-background';
import { forceLayout, frameTimes, nextFrame, observeLongAnimationFrames, whenDom } from './frame-timing';

/** What one page load measured, in milliseconds. */
export interface PanelRun {
  readonly exchanges: number;
  /** Mount -> the first rows (the snapshot's newest page) in the DOM, laid out: what the user waits for. */
  readonly firstRows: number;
  /** Mount -> every row listed, laid out (all snapshot pages copied, parsed and rendered). */
  readonly firstRender: number;
  /** Mount -> the next frame after that. */
  readonly firstFrame: number;
  /** Click "Failed" -> list updated and laid out; and -> the next frame. */
  readonly filter: number;
  readonly filterFrame: number;
  /** Typing a search (one input event) -> list updated and laid out; and -> the next frame. */
  readonly search: number;
  readonly searchFrame: number;
  /**
   * Per scroll step across the whole list: the main thread's time for that frame, from the scroll
   * event to the frame painted (handler, render, style, layout, paint), nothing forced.
   */
  readonly scrollWork: { readonly p95: number; readonly max: number; readonly steps: number };
  /**
   * Per step: time between frames while scrolling (includes whatever else the machine does);
   * `dropped`: intervals over 1.5 vsync (25 ms), i.e. a frame missed; `longAnimationFrames`: the
   * browser's own count of frames over 50 ms (PerformanceObserver 'long-animation-frame') and the longest.
   */
  readonly scrollFrames: {
    readonly p95: number;
    readonly max: number;
    readonly dropped: number;
    readonly longAnimationFrames: { readonly count: number; readonly max: number };
  };
}

const grid = (): HTMLElement | null => document.querySelector<HTMLElement>('.virtual-list');
/** Rows the list holds (0 when it shows its empty message). */
const rowCount = (): number => {
  const list = grid();
  if (list !== null) return Number(list.getAttribute('aria-rowcount'));
  return document.querySelector('.exchange-list .empty') === null ? -1 : 0;
};

/** Mounts the real panel App over the fake background holding `exchanges`, and measures it. */
export async function measurePanel(exchanges: number, scrollSteps: number): Promise<PanelRun> {
  const background = fakeBackground(exchanges);
  const root = document.getElementById('root');
  if (root === null) throw new Error('no #root');
  await nextFrame();

  const t0 = performance.now();
  render(h(App, { client: new PanelClient(background.connect, BENCH_TAB), unexpected: isUnexpectedPreflight }), root);
  await whenDom(root, () => document.querySelector('[data-exchange-id]') !== null);
  forceLayout(root);
  const firstRows = performance.now() - t0;
  await whenDom(root, () => rowCount() === background.listed && document.querySelector('[data-exchange-id]') !== null);
  forceLayout(root);
  const firstRender = performance.now() - t0;
  const firstFrame = (await nextFrame()) - t0;

  const failedButton = document.querySelector<HTMLButtonElement>('button[data-kind="failed"]');
  const failedCount = Number(failedButton?.querySelector('.count')?.textContent ?? '-1');
  const t1 = performance.now();
  failedButton?.click();
  await whenDom(root, () => rowCount() === failedCount);
  forceLayout(root);
  const filter = performance.now() - t1;
  const filterFrame = (await nextFrame()) - t1;
  document.querySelector<HTMLButtonElement>('button[data-kind="all"]')?.click();
  await whenDom(root, () => rowCount() === background.listed);
  await nextFrame();

  const search = document.querySelector<HTMLInputElement>('input[type="search"]');
  const t2 = performance.now();
  if (search !== null) {
    search.value = 'items/42?';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await whenDom(root, () => rowCount() !== background.listed);
  forceLayout(root);
  const searchTime = performance.now() - t2;
  const searchFrame = (await nextFrame()) - t2;
  if (search !== null) {
    search.value = '';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await whenDom(root, () => rowCount() === background.listed);
  await nextFrame();

  const list = grid();
  if (list === null) throw new Error('no list');
  list.scrollTop = 0;
  await nextFrame();
  const scroll = await measureScroll(list, scrollSteps);
  render(null, root);
  return {
    exchanges: background.listed,
    firstRows,
    firstRender,
    firstFrame,
    filter,
    filterFrame,
    search: searchTime,
    searchFrame,
    ...scroll,
  };
}

/**
 * Scrolls `list` from top to bottom in `steps` jumps, one per frame, as a user's scroll reaches the
 * page: scrollTop is set between frames, and the browser fires the scroll event at the start of the
 * next frame, before its animation callbacks; the list re-renders there, then style, layout and
 * paint run in that frame. Nothing is forced: a forced layout would only move that frame's layout
 * into the timed window and show up as getBoundingClientRect in a profile.
 */
async function measureScroll(list: HTMLElement, steps: number): Promise<Pick<PanelRun, 'scrollWork' | 'scrollFrames'>> {
  const span = list.scrollHeight - list.clientHeight;
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
    const top = Math.round((span * step) / steps);
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
  const sortedWork = [...work].sort((a, b) => a - b);
  const sortedFrames = [...frames].sort((a, b) => a - b);
  return {
    scrollWork: { p95: percentile(sortedWork, 95), max: sortedWork.at(-1) ?? Number.NaN, steps: work.length },
    scrollFrames: {
      p95: percentile(sortedFrames, 95),
      max: sortedFrames.at(-1) ?? Number.NaN,
      dropped: frames.filter((f) => f > 25).length,
      longAnimationFrames: longFrames,
    },
  };
}
