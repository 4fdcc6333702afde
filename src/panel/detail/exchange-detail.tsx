import type { Exchange } from '../../capture/exchange';
import { browserProfile, type BrowserProfile } from '../../cors/browser-profile';
import { defaultCaching } from '../../cors/max-age';
import { CopyAsCurl } from './copy-as-curl';
import { HeadersTable } from './headers-table';
import { Timeline } from './timeline';
import { WarningsList } from './warnings-list';
import { WhatFailed } from './what-failed';
import { WhyPreflight } from './why-preflight';

const modeNote: Readonly<Record<Exchange['mode']['source'], string>> = {
  'sec-fetch-mode': '',
  preflight: ' (a preflight was sent for it)',
  inferred: ' (likely: inferred without Sec-Fetch-Mode)',
};

/** Everything about one exchange: its verdict and fix first, then why it preflighted, then raw headers. */
export function ExchangeDetail({ exchange, onClose }: { exchange: Exchange; onClose: () => void }) {
  return (
    <article class="detail" aria-label="Exchange detail">
      <header class="detail-header">
        <button type="button" class="close" aria-label="Close detail" onClick={onClose}>
          ×
        </button>
        <span class="detail-method">{exchange.method}</span> <span class="detail-url">{exchange.url}</span>
        <div class="muted">
          from {exchange.initiator} · {exchange.type} · mode {exchange.mode.value}
          {modeNote[exchange.mode.source]}
          {exchange.redirects.length > 0 ? ` · ${exchange.redirects.length} redirect(s)` : ''}
        </div>
        <CopyAsCurl exchange={exchange} />
      </header>
      <WhatFailed exchange={exchange} />
      <WarningsList exchange={exchange} />
      <Timeline exchange={exchange} />
      <WhyPreflight exchange={exchange} />
      <section class="raw" aria-label="Raw headers">
        <h3>Headers</h3>
        {exchange.preflights.map((preflight, index) => (
          <div key={preflight.requestId} class="raw-pair">
            <HeadersTable title={`Preflight ${exchange.preflights.length > 1 ? index + 1 : ''} request`.replace('  ', ' ')} headers={preflight.requestHeaders} statusLine={`OPTIONS ${preflight.url}`} />
            <HeadersTable
              title="Preflight response"
              headers={preflight.response?.headers ?? null}
              statusLine={preflight.response === null ? (preflight.error ?? '') : preflight.response.statusLine || String(preflight.response.status)}
            />
          </div>
        ))}
        {exchange.preflightCache !== null ? (
          <p class="muted">No preflight: the browser's preflight cache answered{preflightCacheNote(exchange.preflightCache, browserProfile(exchange.diagnosis?.verdict.browser))}.</p>
        ) : null}
        <div class="raw-pair">
          <HeadersTable title="Request" headers={exchange.requestHeaders} statusLine={`${exchange.method} ${exchange.url}`} />
          <HeadersTable
            title="Response"
            headers={exchange.response?.headers ?? null}
            statusLine={exchange.response === null ? (exchange.error ?? '') : exchange.response.statusLine || String(exchange.response.status)}
          />
        </div>
      </section>
    </article>
  );
}

/**
 * What is known of the preflight that filled the cache: nothing when this capture did not see it
 * (its Max-Age is then unknown, not absent); else its Access-Control-Max-Age, and without one how
 * long the browser caches (the core's words, max-age.ts). A browser that caches nothing without
 * one is not said to: its cache answered, so the link is what is in doubt, not the browser.
 */
function preflightCacheNote(link: NonNullable<Exchange['preflightCache']>, profile: BrowserProfile): string {
  if (link.exchangeId === null) return ', filled by a preflight made before this capture saw it';
  if (link.maxAge !== null) return ` (Access-Control-Max-Age: ${link.maxAge})`;
  const caches = profile.defaultMaxAge > 0 ? `, so ${defaultCaching(profile)}` : '';
  return ` (no Access-Control-Max-Age on the preflight that filled it${caches})`;
}
