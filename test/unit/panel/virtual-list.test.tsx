// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLYING_SETTLE_MS, VirtualList } from '../../../src/panel/virtual-list';

afterEach(cleanup);

const ROW = 20;
/** happy-dom lays nothing out: the list falls back to a 400 px viewport, 20 rows of 20 px. */
const VIEWPORT = 400;
const numbers = (count: number): number[] => Array.from({ length: count }, (_, i) => i);

function List({ items, stickToBottom = false, scrollTo }: { items: readonly number[]; stickToBottom?: boolean; scrollTo?: { index: number; key: string } }) {
  return <VirtualList items={items} rowHeight={ROW} stickToBottom={stickToBottom} overscan={4} scrollTo={scrollTo} renderRow={(n) => <span class="n">{n}</span>} />;
}

const grid = (): HTMLElement => document.querySelector<HTMLElement>('.virtual-list') as HTMLElement;
/** The numbers drawn, in list order (rows are recycled by slot, so DOM order is not list order). */
const drawn = (): number[] => [...document.querySelectorAll('.n')].map((n) => Number(n.textContent)).sort((a, b) => a - b);
const scrollTo = (top: number): void => {
  grid().scrollTop = top;
  fireEvent.scroll(grid());
};

describe('VirtualList', () => {
  it('draws the rows in view, the overscan ahead and one row behind, not the whole list', () => {
    render(<List items={numbers(1000)} />);
    expect(drawn()).toEqual(numbers(20 + 4));
    scrollTo(10 * ROW);
    expect(drawn()).toEqual(numbers(1 + 20 + 4).map((n) => n + 9));
    scrollTo(5 * ROW);
    expect(drawn()).toEqual(numbers(4 + 20 + 1).map((n) => n + 1));
  });

  it('draws only the rows in view after a jump of more than a screen, and the overscan again on the next small step', () => {
    render(<List items={numbers(1000)} />);
    scrollTo(100 * ROW);
    expect(drawn()).toEqual(numbers(20).map((n) => n + 100));
    scrollTo(50 * ROW);
    expect(drawn()).toEqual(numbers(20).map((n) => n + 50));
    scrollTo(52 * ROW);
    expect(drawn()).toEqual(numbers(1 + 20 + 4).map((n) => n + 51));
  });

  it('keeps each row in view in its DOM row on the small step after a jump (nothing re-filled but the new rows)', () => {
    render(<List items={numbers(1000)} />);
    scrollTo(100 * ROW);
    const rowOf = (): Map<number, Element | null> => new Map([...document.querySelectorAll('.n')].map((n) => [Number(n.textContent), n.closest('.virtual-row')]));
    const afterJump = rowOf();
    scrollTo(102 * ROW);
    const afterStep = rowOf();
    const kept = [...afterJump.keys()].filter((n) => afterStep.has(n));
    expect(kept.length).toBeGreaterThan(15);
    expect(kept.filter((n) => afterStep.get(n) !== afterJump.get(n))).toEqual([]);
  });

  it('re-fills the same DOM rows while scrolling instead of replacing them', () => {
    render(<List items={numbers(1000)} />);
    scrollTo(3 * ROW);
    const before = new Set(document.querySelectorAll('.virtual-row'));
    scrollTo(500 * ROW);
    const after = [...document.querySelectorAll('.virtual-row')];
    // Keyed by item, a jump of 500 rows would replace every row; keyed by slot, the rows drawn after
    // it are rows that were there before, but for at most one (fewer of them: no overscan after a jump).
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(after.filter((row) => !before.has(row)).length).toBeLessThanOrEqual(1);
  });

  it('follows the newest rows while the user stays at the bottom, and stops when they scroll up', () => {
    const { rerender } = render(<List items={numbers(1000)} stickToBottom />);
    expect(drawn().at(-1)).toBe(999);
    expect(grid().scrollTop).toBe(1000 * ROW - VIEWPORT);
    rerender(<List items={numbers(1010)} stickToBottom />);
    expect(drawn().at(-1)).toBe(1009);
    expect(grid().scrollTop).toBe(1010 * ROW - VIEWPORT);
    scrollTo(0);
    rerender(<List items={numbers(1020)} stickToBottom />);
    expect(drawn()[0]).toBe(0);
    expect(grid().scrollTop).toBe(0);
    scrollTo(1020 * ROW - VIEWPORT);
    rerender(<List items={numbers(1030)} stickToBottom />);
    expect(drawn().at(-1)).toBe(1029);
  });

  it('brings the row to scroll to into view when its key changes, not when it merely moves', () => {
    const { rerender } = render(<List items={numbers(1000)} />);
    // The one layout read the scrolling makes (happy-dom lays nothing out).
    Object.defineProperty(grid(), 'clientHeight', { configurable: true, value: VIEWPORT });
    rerender(<List items={numbers(1000)} scrollTo={{ index: 150, key: 'a' }} />);
    expect(grid().scrollTop).toBe(151 * ROW - VIEWPORT);
    scrollTo(0);
    // Rows evicted above it: the same row, at another index.
    rerender(<List items={numbers(1000)} scrollTo={{ index: 149, key: 'a' }} />);
    expect(grid().scrollTop).toBe(0);
    rerender(<List items={numbers(1000)} scrollTo={{ index: 100, key: 'b' }} />);
    expect(grid().scrollTop).toBe(101 * ROW - VIEWPORT);
    rerender(<List items={numbers(1000)} scrollTo={{ index: 20, key: 'c' }} />);
    expect(grid().scrollTop).toBe(20 * ROW);
  });

  it('reads no layout but the scroll position when it scrolls or follows new rows', () => {
    const { rerender } = render(<List items={numbers(1000)} stickToBottom />);
    const reads: string[] = [];
    for (const name of ['scrollHeight', 'clientHeight', 'offsetHeight', 'getBoundingClientRect'] as const) {
      const element = grid();
      const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name);
      Object.defineProperty(element, name, {
        configurable: true,
        get() {
          reads.push(name);
          return original?.get?.call(element) ?? original?.value;
        },
      });
    }
    rerender(<List items={numbers(1010)} stickToBottom />);
    scrollTo(10 * ROW);
    rerender(<List items={numbers(1020)} stickToBottom />);
    expect(reads).toEqual([]);
  });

  it('draws rows whole after one jump, lighter from the second jump in a row, and whole again once the scrolling settles or slows', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      render(<VirtualList items={numbers(1000)} rowHeight={ROW} stickToBottom={false} renderRow={(n, _i, flying) => <span class={flying ? 'n flying' : 'n'}>{n}</span>} />);
      const flying = (): boolean[] => [...new Set([...document.querySelectorAll('.n')].map((n) => n.classList.contains('flying')))];
      scrollTo(100 * ROW);
      expect(flying()).toEqual([false]);
      scrollTo(200 * ROW);
      expect(flying()).toEqual([true]);
      scrollTo(300 * ROW);
      expect(flying()).toEqual([true]);
      expect(drawn()).toEqual(numbers(20).map((n) => n + 300));
      act(() => void vi.advanceTimersByTime(FLYING_SETTLE_MS));
      expect(flying()).toEqual([false]);
      expect(drawn()).toEqual(numbers(20).map((n) => n + 300));
      scrollTo(400 * ROW);
      scrollTo(500 * ROW);
      expect(flying()).toEqual([true]);
      scrollTo(502 * ROW);
      expect(flying()).toEqual([false]);
    } finally {
      vi.useRealTimers();
    }
  });
});
