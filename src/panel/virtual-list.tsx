import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface VirtualListProps<T> {
  readonly items: readonly T[];
  /** Every row has this height in pixels: what makes the windowing exact and cheap. */
  readonly rowHeight: number;
  readonly renderRow: (item: T, index: number) => ComponentChildren;
  /** Keep the newest row in view while the user has not scrolled up (the Network panel's habit). */
  readonly stickToBottom: boolean;
  /** Rows drawn beyond the visible ones on each side, so fast scrolling shows no gaps. */
  readonly overscan?: number;
  readonly label: string;
  readonly onKeyDown?: (event: KeyboardEvent) => void;
  /** Index to bring into view (the selected row). */
  readonly scrollToIndex?: number;
}

/**
 * A list that renders only the rows in view, so 10,000 exchanges cost what 40 do. Rows have a
 * fixed height, which makes the window a division, not a measurement.
 */
export function VirtualList<T>({ items, rowHeight, renderRow, stickToBottom, overscan = 8, label, onKeyDown, scrollToIndex }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const pinned = useRef(true);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    const resize = (): void => setHeight(element.clientHeight || 400);
    resize();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // New rows: follow them if the user was at the bottom.
  useLayoutEffect(() => {
    const element = viewport.current;
    if (element === null || !stickToBottom || !pinned.current) return;
    element.scrollTop = element.scrollHeight;
    setScrollTop(element.scrollTop);
  }, [items.length, stickToBottom]);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (element === null || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }, [scrollToIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  // Rows are keyed by slot (index modulo the window's size), not by item, and placed absolutely:
  // scrolling then re-fills the same DOM rows with other items' text instead of replacing them.
  const slots = Math.max(1, Math.ceil(height / rowHeight) + 2 * overscan + 1);
  const rows: ComponentChildren[] = new Array<ComponentChildren>(slots).fill(null);
  for (let index = first; index < last; index += 1) {
    rows[index % slots] = (
      <div key={index % slots} class="virtual-row" style={{ transform: `translateY(${index * rowHeight}px)` }}>
        {renderRow(items[index] as T, index)}
      </div>
    );
  }

  return (
    <div
      ref={viewport}
      class="virtual-list"
      role="grid"
      aria-label={label}
      aria-rowcount={items.length}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollTop + element.clientHeight >= element.scrollHeight - rowHeight;
        setScrollTop(element.scrollTop);
      }}
    >
      <div class="virtual-list-body" style={{ height: `${items.length * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
