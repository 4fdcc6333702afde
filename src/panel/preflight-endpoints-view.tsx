import { useMemo } from 'preact/hooks';
import type { Exchange } from '../capture/exchange';
import { preflightEndpoints } from '../report/preflight-endpoints';
import { formatMs } from './exchange-summary';
import { InlineCode } from './inline-code';

/**
 * Preflights per endpoint (origin + path): how many, what triggered them, the time spent
 * waiting on them, what the preflight cache did, and what to change to avoid them.
 */
export function PreflightEndpointsView({ exchanges }: { exchanges: readonly Exchange[] }) {
  const endpoints = useMemo(() => preflightEndpoints(exchanges), [exchanges]);
  if (endpoints.length === 0) return <p class="empty">No preflights yet.</p>;
  return (
    <div class="endpoints" role="region" aria-label="Preflights by endpoint">
      <table>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Preflights</th>
            <th scope="col">Triggered by</th>
            <th scope="col">Waiting</th>
            <th scope="col">Cache</th>
            <th scope="col">What to change</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((endpoint) => (
            <tr key={endpoint.endpoint} data-endpoint={endpoint.endpoint} class={endpoint.likelyUnexpected > 0 ? 'unexpected' : undefined}>
              <td class="endpoint-name" title={endpoint.endpoint}>
                {endpoint.path}
                <div class="muted">{endpoint.origin}</div>
              </td>
              <td>
                {endpoint.preflights} sent
                {endpoint.cacheHits > 0 ? <div class="muted">{endpoint.cacheHits} from cache</div> : null}
                {endpoint.likelyUnexpected > 0 ? <div class="unexpected-count">{endpoint.likelyUnexpected} likely unexpected</div> : null}
              </td>
              <td>
                <InlineCode text={endpoint.summary} />
              </td>
              <td>
                {formatMs(endpoint.waitMs.total)}
                {endpoint.waitMs.median !== null ? <div class="muted">median {formatMs(endpoint.waitMs.median)}</div> : null}
              </td>
              <td>
                <ul>
                  {endpoint.cache.map((observation) => (
                    <li key={observation.kind}>
                      <InlineCode text={observation.message} />
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <ul>
                  {endpoint.advice.map((advice, index) => (
                    <li key={index}>
                      <InlineCode text={advice} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
