import type { TargetHandle } from './devtools-panel';

export interface PanelRow {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly preflight: string;
  readonly status: string;
  readonly verdict: string;
  readonly time: string;
}

/** The rows of the CORS panel's list that are rendered, in list order, as the user sees them. */
export function readPanelRows(panel: TargetHandle): Promise<PanelRow[]> {
  return panel.evaluate<PanelRow[]>(`[...document.querySelectorAll('[data-exchange-id]')]
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((row) => {
    const cells = [...row.querySelectorAll('[role=gridcell]')].map((cell) => cell.textContent.trim());
    return { id: row.dataset.exchangeId, method: cells[0], url: cells[1], preflight: cells[2], status: cells[3], verdict: cells[4], time: cells[5] };
  })`);
}
