import type { ComponentChildren } from 'preact';
import type { PanelData } from '../protocol/panel-client';
import { CaptureModeToggle } from './capture-mode-toggle';
import type { CaptureModeState } from './use-capture-mode';
import { filterKinds, type FilterCounts, type FilterKind } from './filter-exchanges';

interface ToolbarProps {
  readonly data: PanelData;
  readonly counts: FilterCounts;
  readonly kind: FilterKind;
  readonly text: string;
  readonly onKind: (kind: FilterKind) => void;
  readonly onText: (text: string) => void;
  readonly onClear: () => void;
  readonly onPreserveLog: (preserve: boolean) => void;
  readonly capture: CaptureModeState;
  /** Showing an imported file: nothing to clear or preserve. */
  readonly readOnly?: boolean;
  readonly children?: ComponentChildren;
}

const kindLabels: Readonly<Record<FilterKind, string>> = {
  all: 'All',
  failed: 'Failed',
  preflighted: 'Preflighted',
  unexpected: 'Unexpected preflights',
};

/** Clear, preserve log, the capture mode, the filters with their counts, and the search box. */
export function Toolbar({ data, counts, kind, text, onKind, onText, onClear, onPreserveLog, capture, readOnly = false, children }: ToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label="CORS panel controls">
      {readOnly ? null : (
        <>
          <button type="button" onClick={onClear} aria-label="Clear the list" title="Clear">
            Clear
          </button>
          <label class="check">
            <input type="checkbox" checked={data.preserveLog} onChange={(e) => onPreserveLog(e.currentTarget.checked)} aria-label="Preserve log" />
            Preserve log
          </label>
          <CaptureModeToggle capture={capture} />
        </>
      )}
      <input
        type="search"
        class="search"
        placeholder="Filter"
        aria-label="Filter by URL, method, status, error or header"
        value={text}
        onInput={(e) => onText(e.currentTarget.value)}
      />
      <div class="kinds" role="radiogroup" aria-label="Show">
        {filterKinds.map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={k === kind}
            class={k === kind ? 'kind active' : 'kind'}
            data-kind={k}
            onClick={() => onKind(k)}
          >
            {kindLabels[k]} <span class="count">{counts[k]}</span>
          </button>
        ))}
      </div>
      {children}
      <span class="status" data-testid="counts">
        {data.evicted > 0 ? `${data.evicted} older dropped · ` : ''}
        {data.connection === 'reconnecting' ? 'reconnecting…' : data.connection === 'incompatible' ? 'extension updated: reopen DevTools' : ''}
      </span>
    </div>
  );
}
