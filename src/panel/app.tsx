import type { PanelClient } from '../protocol/panel-client';
import { ExchangeList } from './exchange-list';
import { Toolbar } from './toolbar';
import { usePanelData } from './use-panel-data';

/** The CORS panel: a toolbar over the tab's cross-origin exchanges. */
export function App({ client }: { client: PanelClient }) {
  const data = usePanelData(client);
  return (
    <main class="panel" aria-label="CORS exchanges">
      <Toolbar data={data} onClear={() => client.clear()} onPreserveLog={(preserve) => client.setPreserveLog(preserve)} />
      <ExchangeList exchanges={data.exchanges} />
    </main>
  );
}
