import type { PanelData } from '../protocol/panel-client';

interface ToolbarProps {
  data: PanelData;
  onClear(): void;
  onPreserveLog(preserve: boolean): void;
}

export function Toolbar({ data, onClear, onPreserveLog }: ToolbarProps) {
  const failed = data.exchanges.filter((e) => e.diagnosis !== null && !e.diagnosis.verdict.ok).length;
  return (
    <div class="toolbar" role="toolbar" aria-label="CORS panel controls">
      <button type="button" onClick={onClear} aria-label="Clear">Clear</button>
      <label>
        <input type="checkbox" checked={data.preserveLog} onChange={(e) => onPreserveLog(e.currentTarget.checked)} />
        Preserve log
      </label>
      <span class="counts" data-testid="counts">
        {data.exchanges.length} requests · {failed} failed
        {data.evicted > 0 ? ` · ${data.evicted} older dropped` : ''}
      </span>
      {data.connection === 'reconnecting' ? <span class="connection">reconnecting…</span> : null}
      {data.connection === 'incompatible' ? <span class="connection">extension updated: reopen DevTools</span> : null}
    </div>
  );
}
