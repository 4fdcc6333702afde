import type { Exchange } from '../../capture/exchange';
import { HeadersTable } from './headers-table';

/** Each reason the core gives for the preflight, and the request headers with the ones at fault marked. */
export function WhyPreflight({ exchange }: { exchange: Exchange }) {
  const classification = exchange.diagnosis?.classification;
  if (classification === undefined) return null;
  const atFault = new Set(classification.reasons.flatMap((r) => (r.header === null ? [] : [r.header])));
  return (
    <section class="why-preflight" aria-label="Why a preflight">
      <h3>Why a preflight</h3>
      {classification.preflight ? (
        <ul class="reasons">
          {classification.reasons.map((reason, index) => (
            <li key={index}>
              <span>{reason.message}</span>{' '}
              <a href={reason.link} target="_blank" rel="noreferrer noopener">
                Fetch standard
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No preflight needed: a CORS-safelisted method with only CORS-safelisted headers.</p>
      )}
      {classification.dropped.length > 0 ? <p class="muted">fetch() dropped these forbidden headers: {classification.dropped.join(', ')}.</p> : null}
      {exchange.requestHeaders !== null || exchange.preflights.length === 0 ? (
        <HeadersTable title="Request headers as sent" headers={exchange.requestHeaders} highlight={atFault} />
      ) : (
        // Stopped by its preflight, the request was never sent: its preflight names what caused it.
        <HeadersTable
          title="The request was never sent; its preflight asked for"
          headers={exchange.preflights.at(-1)?.requestHeaders ?? null}
          highlight={new Set(['access-control-request-headers', 'access-control-request-method'])}
        />
      )}
    </section>
  );
}
