import { useContext, useMemo, useRef, useState } from 'preact/hooks';
import type { Exchange } from '../capture/exchange';
import type { PanelClient } from '../protocol/panel-client';
import { ExchangeDetail } from './detail/exchange-detail';
import { ExchangeList } from './exchange-list';
import { ExportMenu } from './export-menu';
import { ImportedBanner, ImportHarButton, type ImportedHar } from './import-har';
import { countKinds, filterExchanges, type FilterKind, type UnexpectedPreflightTest } from './filter-exchanges';
import { PlatformContext } from './platform';
import { PreflightEndpointsView } from './preflight-endpoints-view';
import { Toolbar } from './toolbar';
import { useCaptureMode } from './use-capture-mode';
import { usePanelData } from './use-panel-data';

type View = 'requests' | 'endpoints';

const whileOpenHint = 'Capture is on only while DevTools is open: requests made before it opened are not listed. Reload the page to see them.';
const views: ReadonlyArray<readonly [View, string]> = [
  ['requests', 'Requests'],
  ['endpoints', 'Preflights by endpoint'],
];

export interface AppProps {
  readonly client: PanelClient;
  readonly unexpected: UnexpectedPreflightTest;
  /** The inspected page's URL, for the report's header. */
  readonly source?: string;
}

/** The CORS panel: the tab's cross-origin exchanges, filters, and the selected one's diagnosis. */
export function App({ client, unexpected, source }: AppProps) {
  const data = usePanelData(client);
  const platform = useContext(PlatformContext);
  const capture = useCaptureMode();
  const [kind, setKind] = useState<FilterKind>('all');
  const [text, setText] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [view, setView] = useState<View>('requests');
  const [imported, setImported] = useState<ImportedHar | null>(null);
  const exchanges = imported?.analysis.exchanges ?? data.exchanges;
  const visible = useMemo(() => filterExchanges(exchanges, { kind, text }, unexpected), [exchanges, kind, text, unexpected]);
  const counts = useMemo(() => countKinds(exchanges, unexpected), [exchanges, unexpected]);
  const selected = selectedId === null ? undefined : exchanges.find((e) => e.id === selectedId);
  const hiddenSelectionAt = useMemo(() => (selected === undefined ? undefined : shownBefore(exchanges, visible, selected)), [exchanges, visible, selected]);
  const list = useRef<HTMLDivElement>(null);
  /** The detail or an imported file closed: focus goes back to the list, not to the page's body. */
  const backToList = (): void => {
    setSelectedId(null);
    list.current?.focus();
  };
  return (
    <main class={selected === undefined || view !== 'requests' ? 'panel' : 'panel with-detail'} aria-label="CORS">
      <Toolbar
        data={data}
        counts={counts}
        kind={kind}
        text={text}
        onKind={setKind}
        onText={setText}
        onClear={() => {
          setSelectedId(null);
          client.clear();
        }}
        onPreserveLog={(preserve) => client.setPreserveLog(preserve)}
        capture={capture}
        readOnly={imported !== null}
      >
        <ExportMenu exchanges={exchanges} source={imported?.name ?? source} unexplainedBlocks={imported?.analysis.unexplained.length ?? 0} />
        <ImportHarButton
          onImported={(next) => {
            setSelectedId(null);
            setImported(next);
          }}
        />
        {platform.openPopout !== null ? (
          <button type="button" aria-label="Open this panel in a tab" title="Open in a tab" onClick={platform.openPopout}>
            Pop out
          </button>
        ) : null}
      </Toolbar>
      {imported !== null ? (
        <ImportedBanner
          imported={imported}
          onClose={() => {
            setImported(null);
            backToList();
          }}
        />
      ) : null}
      <div class="views" role="tablist" aria-label="View">
        {views.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={view === id} class={view === id ? 'view active' : 'view'} onClick={() => setView(id)}>
            {label}
          </button>
        ))}
      </div>
      {view === 'requests' ? (
        <div class="panes">
          <ExchangeList
            exchanges={visible}
            selectedId={selected?.id ?? null}
            onSelect={setSelectedId}
            stickToBottom={true}
            emptyHint={imported === null && capture.mode === 'while-devtools-open' ? whileOpenHint : undefined}
            hiddenSelectionAt={hiddenSelectionAt}
            gridRef={list}
          />
          {selected !== undefined ? <ExchangeDetail exchange={selected} onClose={backToList} /> : null}
        </div>
      ) : (
        <PreflightEndpointsView exchanges={exchanges} />
      )}
    </main>
  );
}

/**
 * How many shown rows come before `selected` in the whole list when the filter hides it (the shown
 * rows keep the list's order); `undefined` when it is shown.
 */
function shownBefore(all: readonly Exchange[], shown: readonly Exchange[], selected: Exchange): number | undefined {
  let before = 0;
  for (const exchange of all) {
    if (exchange === selected) return shown[before] === selected ? undefined : before;
    if (shown[before] === exchange) before += 1;
  }
  return undefined;
}
