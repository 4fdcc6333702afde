import { useEffect, useState } from 'preact/hooks';
import type { PanelClient, PanelData } from '../protocol/panel-client';

/** The client's data as component state: re-renders on every change. */
export function usePanelData(client: PanelClient): PanelData {
  const [data, setData] = useState(client.data);
  useEffect(() => {
    setData(client.data);
    return client.subscribe(setData);
  }, [client]);
  return data;
}
