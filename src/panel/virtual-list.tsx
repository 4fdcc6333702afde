import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface VirtualListProps<T> {
  readonly items: readonly T[];
  /** Every row has this height in pixels: what makes the windowing exact and cheap. */
  readonly rowHeight: number;
  /**
   * `flying`: the list is being scrolled by more than a screen at every frame (a scrollbar
   * dragged fast), so every drawn row is filled anew at every frame and none stays long enough
   * to be read; a row may draw less then (its main cell). It is drawn whole again once the
   * scrolling slows down or stops ({@link FLYING_SETTLE_MS}).
   */
  readonly renderRow: (item: T, index: number, flying: boolean) => ComponentChildren;
  /** Keep the newest row in view while the user has not scrolled up (the Network panel's habit). */
  readonly stickToBottom: boolean;
  /**
   * Rows drawn beyond the visible ones in the direction of the scroll (one on the other side), so
   * fast scrolling shows no gaps. After a jump of more than a screen (a scrollbar drag), none on
   * either side: the next frame lands far from them too.
   */
  readonly overscan?: number;
  /**
   * The row to bring into view (the selected one): its `index`, below 0 when it is not among the
   * items, and what sits there (its `key`, an id). The list brings it into view when the key
   * changes, not when the row merely moves (rows evicted above it would pull the user back to it).
   */
  readonly scrollTo?: { readonly index: number; readonly key: string } | undefined;
}

/** How long after the last of a run of jumps the rows are drawn whole again. */
export const FLYING_SETTLE_MS = 100;

/**
 * A list that renders only the rows in view, so 10,000 exchanges cost what 40 do. Rows have a
 * fixed height, which makes the window a division, not a measurement. It is the scrolling
 * `rowgroup` of a grid its user draws around it (see exchange-list.tsx).
 */
export function VirtualList<T>({ items, rowHeight, renderRow, stickToBottom, overscan = 8, scrollTo }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const pinned = useRef(true);
  /** The last scroll went down (or nowhere yet): where the overscan goes. */
  const forward = useRef(true);
  /** The last scroll moved more than a screen: rows drawn ahead of it would not be seen. */
  const jumped = useRef(false);
  /** Two jumps in a row, each within FLYING_SETTLE_MS of the previous one: rows may draw less. */
  const [flying, setFlying] = useState(false);
  const lastJumpAt = useRef(Number.NEGATIVE_INFINITY);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLayoutEffect(() => () => clearTimeout(settle.current), []);

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

  // The geometry is known without asking the browser: reading scrollHeight or clientHeight here
  // would force a layout of whatever changed, then our re-render would need another.
  const contentHeight = items.length * rowHeight;
  const bottom = Math.max(0, contentHeight - height);
  // New rows: follow them if the user was at the bottom. The rows at the bottom are drawn in this
  // render already; the effect only moves the scroll position there (one layout, with the new rows).
  const follow = stickToBottom && pinned.current;
  const top = follow ? bottom : scrollTop;
  useLayoutEffect(() => {
    const element = viewport.current;
    if (element === null || !follow) return;
    element.scrollTop = bottom;
    setScrollTop(bottom);
  }, [follow, bottom]);

  // Read when the key changes: the index of that moment, whatever it was when the effect was made.
  const scrollIndex = useRef(scrollTo?.index);
  scrollIndex.current = scrollTo?.index;
  useLayoutEffect(() => {
    const element = viewport.current;
    const index = scrollIndex.current;
    if (element === null || index === undefined || index < 0) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }, [scrollTo?.key, rowHeight]);

  // Overscan ahead of the scroll only (one row behind), and none after a jump: a jump re-fills
  // every drawn row, so each row drawn where the user is not going is layout and paint spent for
  // nothing (9 of ~44 rows at a DevTools-sized panel).
  const down = forward.current;
  const ahead = jumped.current ? 0 : overscan;
  const behind = jumped.current ? 0 : 1;
  const first = Math.max(0, Math.floor(top / rowHeight) - (down ? behind : ahead));
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + (down ? ahead : behind));
  // Rows are keyed by slot (index modulo the window's size), not by item, and placed absolutely:
  // scrolling then re-fills the same DOM rows with other items' text instead of replacing them.
  // The window's size does not change after a jump (its overscan slots are just left empty), so
  // the small step after one keeps every row where it was.
  const slots = Math.max(1, Math.ceil(height / rowHeight) + overscan + 2);
  const rows: ComponentChildren[] = new Array<ComponentChildren>(slots).fill(null);
  for (let index = first; index < last; index += 1) {
    rows[index % slots] = (
      <div key={index % slots} class="virtual-row" style={{ transform: `translateY(${index * rowHeight}px)` }}>
        {renderRow(items[index] as T, index, flying)}
      </div>
    );
  }

  return (
    <div
      ref={viewport}
      class="virtual-list"
      // The rows of the grid that holds the list (its header row, its label and its keyboard).
      role="rowgroup"
      onScroll={(event) => {
        // scrollTop is the one read: at the start of a frame, where scroll events fire, layout is clean.
        const position = event.currentTarget.scrollTop;
        forward.current = position >= scrollTop;
        jumped.current = Math.abs(position - scrollTop) > height;
        pinned.current = position + height >= contentHeight - rowHeight;
        // One jump (Home, End, a click in the scrollbar's track, a filter) is drawn whole; a jump
        // following another is a fast drag: its rows draw less until the scrolling settles.
        const now = performance.now();
        const flies = jumped.current && now - lastJumpAt.current < FLYING_SETTLE_MS;
        if (jumped.current) lastJumpAt.current = now;
        if (flies !== flying) setFlying(flies);
        if (flies) {
          clearTimeout(settle.current);
          settle.current = setTimeout(() => setFlying(false), FLYING_SETTLE_MS);
        }
        setScrollTop(position);
      }}
    >
      <div class="virtual-list-body" style={{ height: `${contentHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
