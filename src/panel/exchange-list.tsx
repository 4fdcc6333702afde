import type { Exchange } from '../capture/exchange';
import { preflightLabel, statusLabel, verdictLabel } from './exchange-summary';

/** One row per exchange. Every value comes from a page: rendered as text, never as HTML. */
export function ExchangeList({ exchanges }: { exchanges: readonly Exchange[] }) {
  if (exchanges.length === 0) {
    return <p class="empty">No cross-origin requests yet. Reload the page or make a request.</p>;
  }
  return (
    <table class="exchanges">
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">URL</th>
          <th scope="col">Preflight</th>
          <th scope="col">Status</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {exchanges.map((exchange) => (
          <tr key={exchange.id} data-exchange-id={exchange.id} class={exchange.diagnosis?.verdict.ok === false ? 'failed' : undefined}>
            <td>{exchange.method}</td>
            <td class="url" title={exchange.url}>{exchange.url}</td>
            <td>{preflightLabel(exchange)}</td>
            <td>{statusLabel(exchange)}</td>
            <td>{verdictLabel(exchange)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
