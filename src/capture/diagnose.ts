import { readCorsExchange, type Browser, type CorsRequest, type HttpResponseLike } from '../cors/index';
import { headerRules } from './author-headers';
import { corsBlockErrors } from './cors-block-error';
import type { Diagnosis, Exchange } from './exchange';
import { getHeader, type HeaderList } from './header-list';

/**
 * The core's reading of a settled exchange: how the request classifies and whether the
 * preflight and response pass the CORS checks, under the credentials mode the headers show.
 *
 * Credentials mode is not visible to webRequest. A `Cookie` header proves credentials were
 * included; otherwise the request is read as `same-origin` (fetch()'s default). When the browser
 * blocked a request that passes under that reading but fails under `include`, the verdict under
 * `include` is given, marked "likely": a guess is never given as a fact.
 *
 * Firefox ends a simple request that CORS blocked like any other (onCompleted), so there a pass
 * under the default reading is not proof: the verdict under `include` is kept beside it when it
 * differs, for the panel to say "if sent with credentials, blocked".
 *
 * In either case a reading under `include` that fails at the preflight is refuted when the request
 * itself was answered: with credentials, that preflight would have stopped it.
 *
 * `browser` is the browser the extension runs in: the rules the core applies are that browser's.
 */
export function diagnose(exchange: Exchange, browser: Browser = 'chromium'): Diagnosis {
  const cookieSent = exchange.requestHeaders !== null && getHeader(exchange.requestHeaders, 'cookie') !== undefined;
  const request = corsRequestOf(exchange, cookieSent, browser);
  const preflight = lastPreflightResponse(exchange);
  const response: HttpResponseLike | null = exchange.response === null ? null : { status: exchange.response.status, headers: exchange.response.headers };
  // Classified once for the classification and every verdict below.
  const reading = readCorsExchange({ request, preflight, response }, { browser });
  const classification = reading.classification;
  const blockedByBrowser = exchange.error !== null && corsBlockErrors.has(exchange.error);
  const verdict = reading.check(request.credentials ?? 'same-origin');
  if (cookieSent) return { credentials: { mode: 'include', source: 'cookie-header' }, classification, verdict, blockedByBrowser };
  const blockedBlindly = browser === 'firefox' && verdict.ok === true;
  if ((blockedByBrowser && verdict.ok !== false) || blockedBlindly) {
    const withCredentials = reading.check('include');
    // A request whose preflight would have failed with credentials was sent without them: its own
    // response came back, and a failed preflight stops the request.
    const refuted = withCredentials.stage === 'preflight' && exchange.response !== null;
    if (withCredentials.ok === false && !refuted) {
      if (blockedByBrowser) return { credentials: { mode: 'include', source: 'likely' }, classification, verdict: withCredentials, blockedByBrowser };
      return { credentials: { mode: request.credentials ?? 'same-origin', source: 'default' }, classification, verdict, blockedByBrowser, ifCredentialsIncluded: withCredentials };
    }
  }
  return { credentials: { mode: request.credentials ?? 'same-origin', source: 'default' }, classification, verdict, blockedByBrowser };
}

function corsRequestOf(exchange: Exchange, cookieSent: boolean, browser: Browser): CorsRequest {
  const sent = exchange.requestHeaders;
  return {
    url: exchange.url,
    // After a cross-origin redirect the browser sends `Origin: null`; the header says what it sent.
    origin: (sent === null ? undefined : getHeader(sent, 'origin')) ?? exchange.initiator,
    method: exchange.method,
    headers: sent === null ? headersFromPreflight(exchange) : headerRules(browser).authorRequestHeaders(sent),
    credentials: cookieSent ? 'include' : 'same-origin',
  };
}

/**
 * A request stopped by its preflight is never sent (Chrome then shows no request headers): its
 * preflight's Access-Control-Request-Headers still names the headers that caused it. Their
 * values were not seen; an empty value keeps each name CORS-unsafe for the classification.
 */
function headersFromPreflight(exchange: Exchange): HeaderList {
  const preflight = exchange.preflights.at(-1);
  return preflight === undefined ? [] : preflight.accessControlRequestHeaders.map((name) => [name, ''] as const);
}

function lastPreflightResponse(exchange: Exchange): HttpResponseLike | null | undefined {
  const preflight = exchange.preflights.findLast((p) => p.url === exchange.url);
  if (preflight === undefined) return exchange.preflightCache === null && exchange.requestHeaders === null ? null : undefined;
  if (preflight.response === null) return null;
  return { status: preflight.response.status, headers: preflight.response.headers };
}
