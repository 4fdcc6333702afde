// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/capture/exchange';
import { ExchangeList, ROW_HEIGHT } from '../../../src/panel/exchange-list';
import { allowOrigin, exchange } from './exchange-builder';

afterEach(cleanup);
// happy-dom lays nothing out: the list gets a 400 px viewport.
const VIEWPORT = 400;
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('virtual-list') ? VIEWPORT : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight !== undefined) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

const passing = (): Exchange => exchange({ response: { status: 200, headers: [allowOrigin] } });
const grid = (): HTMLElement => document.querySelector<HTMLElement>('.virtual-list') as HTMLElement;
const scrollTo = (top: number): void => {
  grid().scrollTop = top;
  fireEvent.scroll(grid());
};

describe('ExchangeList', () => {
  it('brings the selected row into view when it is selected, not each time rows are evicted above it', () => {
    let list = Array.from({ length: 300 }, passing);
    const view = (exchanges: readonly Exchange[], selectedId: string) => <ExchangeList exchanges={exchanges} selectedId={selectedId} onSelect={() => undefined} stickToBottom={true} />;
    const { rerender } = render(view(list, list[299]?.id ?? ''));
    rerender(view(list, list[150]?.id ?? ''));
    expect(grid().scrollTop).toBe(150 * ROW_HEIGHT);
    // The user scrolls to the newest requests, the selected one still open; the tab is at its limit.
    const bottom = list.length * ROW_HEIGHT - VIEWPORT;
    scrollTo(bottom);
    const selectedId = list[150]?.id ?? '';
    list = [...list.slice(1), passing()];
    rerender(view(list, selectedId));
    expect(grid().scrollTop).toBe(bottom);
  });

  it('while a scrollbar drag flies past a screen a frame, rows show their URL alone, in its column', () => {
    const list = Array.from({ length: 1000 }, passing);
    render(<ExchangeList exchanges={list} selectedId={null} onSelect={() => undefined} stickToBottom={false} />);
    const cells = (): string[] => [...new Set([...document.querySelectorAll('[data-exchange-id] > span')].map((cell) => cell.className))].sort();
    scrollTo(100 * ROW_HEIGHT);
    expect(cells()).toEqual(['col-method', 'col-preflight', 'col-status', 'col-time', 'col-url', 'col-verdict']);
    scrollTo(400 * ROW_HEIGHT);
    expect(cells()).toEqual(['col-url']);
    expect(document.querySelectorAll('.row.url-only')).toHaveLength(Math.ceil(VIEWPORT / ROW_HEIGHT));
    expect(document.querySelector('.row.url-only .col-url')?.textContent).toMatch(/^http:\/\/127\.0\.0\.1:8081\/api\//);
    scrollTo(401 * ROW_HEIGHT);
    expect(cells()).toEqual(['col-method', 'col-preflight', 'col-status', 'col-time', 'col-url', 'col-verdict']);
  });

  it('is one grid: its column headers, then its rows numbered after them', () => {
    const list = Array.from({ length: 50 }, passing);
    render(<ExchangeList exchanges={list} selectedId={null} onSelect={() => undefined} stickToBottom={false} />);
    const table = screen.getByRole('grid', { name: 'Cross-origin requests' });
    expect(screen.getAllByRole('columnheader').map((header) => header.closest('[role=grid]'))).toEqual(Array(6).fill(table));
    expect(table.getAttribute('aria-rowcount')).toBe('51');
    const indexes = [...table.querySelectorAll('[data-exchange-id]')].map((row) => Number(row.getAttribute('aria-rowindex'))).sort((a, b) => a - b);
    expect(indexes[0]).toBe(2);
  });

  it('names the row the arrow keys select as its active descendant', () => {
    const list = Array.from({ length: 5 }, passing);
    function Selecting() {
      const [selectedId, select] = useState<string | null>(null);
      return <ExchangeList exchanges={list} selectedId={selectedId} onSelect={select} stickToBottom={false} />;
    }
    render(<Selecting />);
    const table = screen.getByRole('grid', { name: 'Cross-origin requests' });
    expect(table.tabIndex).toBe(0);
    expect(table.hasAttribute('aria-activedescendant')).toBe(false);
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    const selected = table.querySelector('[role=row][aria-selected=true]');
    expect(selected?.getAttribute('data-exchange-id')).toBe(list[1]?.id);
    expect(table.getAttribute('aria-activedescendant')).toBe(selected?.id);
    expect(document.getElementById(table.getAttribute('aria-activedescendant') ?? '')).toBe(selected);
  });
});
