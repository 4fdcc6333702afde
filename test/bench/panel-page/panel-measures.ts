import { h, render } from 'preact';
import { App } from '../../../src/panel/app';
import { PanelClient } from '../../../src/protocol/panel-client';
import { isUnexpectedPreflight } from '../../../src/report/unexpected-preflight';
import { BENCH_TAB, fakeBackground } from './fake-background';
import { forceLayout, nextFrame, whenDom } from './frame-timing';
import { measureScroll, type ScrollPath, type ScrollRun } from './measure-scroll';

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
  /** `scrollSteps` jumps across the whole list (~83 rows each on 10,000: every drawn row re-filled per frame). */
  readonly scrollJumps: ScrollRun;
  /** `scrollSteps` wheel-sized steps of 100 px from the top: a few rows per frame. */
  readonly scrollWheel: ScrollRun;
}

/** A wheel-sized step: a wheel event of deltaY 100 (what a CDP mouseWheel sends) moves this far. */
const WHEEL_STEP_PX = 100;

const grid = (): HTMLElement | null => document.querySelector<HTMLElement>('.virtual-list');
/** Rows the list holds (0 when it shows its empty message). */
const rowCount = (): number => {
  const list = grid();
  // The grid counts its header row too.
  if (list !== null) return Number(list.closest('[role=grid]')?.getAttribute('aria-rowcount')) - 1;
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
  // Marks only (no layout): trace-scroll.ts finds each scroll run in a trace by them.
  performance.mark('scroll-jumps:start');
  const scrollJumps = await measureScroll(list, scrollSteps, { kind: 'jumps' });
  performance.mark('scroll-jumps:end');
  list.scrollTop = 0;
  await nextFrame();
  performance.mark('scroll-wheel:start');
  const scrollWheel = await measureScroll(list, scrollSteps, { kind: 'by', px: WHEEL_STEP_PX });
  performance.mark('scroll-wheel:end');
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
    scrollJumps,
    scrollWheel,
  };
}

/**
 * For tracing and side-by-side variants (trace-scroll.ts, scroll-variants.ts): mounts the panel
 * over `exchanges` and resolves once every row is listed, without timing anything.
 */
export async function mountPanel(exchanges: number): Promise<void> {
  const background = fakeBackground(exchanges);
  const root = document.getElementById('root');
  if (root === null) throw new Error('no #root');
  render(h(App, { client: new PanelClient(background.connect, BENCH_TAB), unexpected: isUnexpectedPreflight }), root);
  await whenDom(root, () => rowCount() === background.listed && document.querySelector('[data-exchange-id]') !== null);
  await nextFrame();
}

/** One scroll run over the mounted panel from its top, as measurePanel runs it. */
export async function scrollPanel(steps: number, path: ScrollPath): Promise<ScrollRun> {
  const list = grid();
  if (list === null) throw new Error('no list');
  list.scrollTop = 0;
  await nextFrame();
  return measureScroll(list, steps, path);
}
