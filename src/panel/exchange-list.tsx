import { Component, type Ref } from 'preact';
import type { Exchange } from '../capture/exchange';
import { durationMs, formatMs, preflightLabel, statusLabel, verdictLabel } from './exchange-summary';
import { VirtualList } from './virtual-list';

export const ROW_HEIGHT = 21;

interface ExchangeListProps {
  readonly exchanges: readonly Exchange[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly stickToBottom: boolean;
  /** Said after "No cross-origin requests match." when the list is empty. */
  readonly emptyHint?: string | undefined;
  /**
   * Where the selected row would be among the shown ones, when a filter hides it (how many shown
   * rows come before it): the arrow keys then go on from there, not from the top.
   */
  readonly hiddenSelectionAt?: number | undefined;
  /** The grid element, for focus to come back to it (after the detail closes). */
  readonly gridRef?: Ref<HTMLDivElement>;
}

/** One row per exchange. Every value comes from a page: rendered as text, never as HTML. */
export function ExchangeList({ exchanges, selectedId, onSelect, stickToBottom, emptyHint = 'Requests appear here as the page makes them.', hiddenSelectionAt, gridRef }: ExchangeListProps) {
  const selectedIndex = selectedId === null ? -1 : exchanges.findIndex((e) => e.id === selectedId);
  const move = (delta: number): void => {
    if (exchanges.length === 0) return;
    // From a hidden selection, the first step lands on the shown row next to it in that direction.
    const from = selectedIndex >= 0 ? selectedIndex : hiddenSelectionAt !== undefined ? hiddenSelectionAt - (delta > 0 ? 1 : 0) : delta > 0 ? -1 : exchanges.length;
    const next = Math.min(exchanges.length - 1, Math.max(0, from + delta));
    const target = exchanges[next];
    if (target !== undefined) onSelect(target.id);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const deltas: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20, Home: -Infinity, End: Infinity };
    const delta = deltas[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    move(Number.isFinite(delta) ? delta : delta > 0 ? exchanges.length : -exchanges.length);
  };
  const rows = exchanges.length > 0;
  return (
    // The grid holds its header row and the scrolling rows; it takes the keyboard, and names the
    // selected row as its active descendant, so a screen reader follows the arrow keys.
    <div
      ref={gridRef}
      class="exchange-list"
      role={rows ? 'grid' : undefined}
      aria-label={rows ? 'Cross-origin requests' : undefined}
      aria-rowcount={rows ? exchanges.length + 1 : undefined}
      aria-activedescendant={rows && selectedId !== null && selectedIndex >= 0 ? rowIdOf(selectedId) : undefined}
      tabIndex={rows ? 0 : undefined}
      onKeyDown={rows ? onKeyDown : undefined}
    >
      <div class="row header" role="row" aria-rowindex={1}>
        <span role="columnheader" class="col-method">Method</span>
        <span role="columnheader" class="col-url">URL</span>
        <span role="columnheader" class="col-preflight">Preflight</span>
        <span role="columnheader" class="col-status">Status</span>
        <span role="columnheader" class="col-verdict">Verdict</span>
        <span role="columnheader" class="col-time">Time</span>
      </div>
      {rows ? (
        <VirtualList
          items={exchanges}
          rowHeight={ROW_HEIGHT}
          stickToBottom={stickToBottom && selectedId === null}
          scrollTo={selectedId === null ? undefined : { index: selectedIndex, key: selectedId }}
          renderRow={(exchange, index, flying) => <ExchangeRow exchange={exchange} index={index} selected={exchange.id === selectedId} onSelect={onSelect} urlOnly={flying} />}
        />
      ) : (
        <p class="empty">No cross-origin requests match. {emptyHint}</p>
      )}
    </div>
  );
}

/** The DOM id of an exchange's row (for aria-activedescendant); exchange ids are unique. */
function rowIdOf(exchangeId: string): string {
  return `exchange-row-${exchangeId}`;
}

interface ExchangeRowProps {
  readonly exchange: Exchange;
  readonly index: number;
  readonly selected: boolean;
  readonly onSelect: (id: string) => void;
  /**
   * Only the URL, in its column, while the list flies by (see VirtualList's `renderRow`): a row's
   * layout and paint grow with its cells, and at a jump per frame six cells a row missed the frame.
   */
  readonly urlOnly: boolean;
}

/**
 * A class for its shouldComponentUpdate: a scroll re-renders the list, and a row whose exchange,
 * place and selection are the same (all but the few rows a wheel step brings in) is left as it is.
 */
class ExchangeRow extends Component<ExchangeRowProps> {
  override shouldComponentUpdate(next: ExchangeRowProps): boolean {
    const { exchange, index, selected, onSelect, urlOnly } = this.props;
    return next.exchange !== exchange || next.index !== index || next.selected !== selected || next.onSelect !== onSelect || next.urlOnly !== urlOnly;
  }

  override render() {
    const { exchange, index, selected, onSelect, urlOnly } = this.props;
    const failed = exchange.diagnosis?.verdict.ok === false;
    const classes = ['row', index % 2 === 1 ? 'odd' : '', failed ? 'failed' : '', selected ? 'selected' : '', urlOnly ? 'url-only' : ''].filter(Boolean).join(' ');
    return (
      // aria-rowindex keeps the list's order for assistive tech: recycled rows are not in DOM order
      // (the header row is row 1).
      <div id={rowIdOf(exchange.id)} role="row" aria-rowindex={index + 2} aria-selected={selected} class={classes} data-exchange-id={exchange.id} onClick={() => onSelect(exchange.id)}>
        {urlOnly ? null : <span role="gridcell" class="col-method">{exchange.method}</span>}
        <span role="gridcell" class="col-url" title={exchange.url}>{exchange.url}</span>
        {urlOnly ? null : (
          <>
            <span role="gridcell" class="col-preflight">{preflightLabel(exchange)}</span>
            <span role="gridcell" class="col-status">{statusLabel(exchange)}</span>
            <span role="gridcell" class="col-verdict">{verdictLabel(exchange)}</span>
            <span role="gridcell" class="col-time">{formatMs(durationMs(exchange))}</span>
          </>
        )}
      </div>
    );
  }
}
