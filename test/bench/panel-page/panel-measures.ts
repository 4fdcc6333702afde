import { h, render } from 'preact';
import { App } from '../../../src/panel/app';
import { PanelClient } from '../../../src/protocol/panel-client';
import { isUnexpectedPreflight } from '../../../src/report/unexpected-preflight';
import { percentile } from '../support/stats';
import { BENCH_TAB, fakeBackground } from './fake-background';
import { forceLayout, nextFrame, whenDom } from './frame-timing';

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
  /** Per programmatic scroll step across the whole list: our work (handler, render, layout). */
  readonly scrollWork: { readonly p95: number; readonly max: number; readonly steps: number };
  /**
   * Per step: time between frames while scrolling (includes paint and whatever else the machine
   * does); `dropped`: intervals over 1.5 vsync (25 ms), i.e. a frame missed.
   */
  readonly scrollFrames: { readonly p95: number; readonly max: number; readonly dropped: number };
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
  const span = list.scrollHeight - list.clientHeight;
  const work: number[] = [];
  const frames: number[] = [];
  let last = await nextFrame();
  for (let step = 1; step <= scrollSteps; step++) {
    const s0 = performance.now();
    list.scrollTop = Math.round((span * step) / scrollSteps);
    // The scroll event would come with the next frame; dispatch it now to time our handler and render.
    list.dispatchEvent(new Event('scroll'));
    await Promise.resolve();
    await Promise.resolve();
    forceLayout(list);
    work.push(performance.now() - s0);
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  const sortedWork = [...work].sort((a, b) => a - b);
  const sortedFrames = [...frames].sort((a, b) => a - b);
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
    scrollWork: { p95: percentile(sortedWork, 95), max: sortedWork.at(-1) ?? Number.NaN, steps: work.length },
    scrollFrames: { p95: percentile(sortedFrames, 95), max: sortedFrames.at(-1) ?? Number.NaN, dropped: frames.filter((f) => f > 25).length },
  };
}
