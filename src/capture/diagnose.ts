import { readCorsExchange, type Browser, type CorsExchange, type CorsRequest, type CorsVerdict, type CredentialsMode } from '../cors/index';
import { headerRules } from './author-headers';
import { corsBlockErrors } from './cors-block-error';
import type { Diagnosis, Exchange, InferredMode, PreflightRecord } from './exchange';
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
 * A POST's mode is inferred on plain http, where no Sec-Fetch-Mode is sent: when its response fails
 * the check, the browser's ending says which mode it likely had (`Diagnosis.mode`, see
 * {@link InferredMode}); one Chromium completed is read by the core as the no-cors request it likely
 * was, its CORS reading kept beside it (`ifCorsMode`).
 *
 * `browser` is the browser the extension runs in: the rules the core applies are that browser's.
 */
export function diagnose(exchange: Exchange, browser: Browser = 'chromium'): Diagnosis {
  // The preflight of the request's last hop, the one its verdict is about (a redirect gets a new one).
  const hopPreflight = exchange.preflights.findLast((p) => p.url === exchange.url);
  const cookieSent = exchange.requestHeaders !== null && getHeader(exchange.requestHeaders, 'cookie') !== undefined;
  const credentials: CredentialsMode = cookieSent ? 'include' : 'same-origin';
  const request = corsRequestOf(exchange, hopPreflight, credentials, browser);
  const response = responseOf(exchange);
  // Classified once for the classification and every verdict below.
  const reading = readCorsExchange({ request, preflight: preflightOf(hopPreflight), response }, { browser });
  const classification = reading.classification;
  const blockedByBrowser = exchange.error !== null && corsBlockErrors.has(exchange.error);
  const checked = reading.check(credentials);
  const mode = inferredMode(exchange, checked, browser);
  // Likely no-cors: the core reads it so, and the CORS reading is kept beside it.
  const verdict = mode?.value === 'no-cors' ? readCorsExchange({ request: { ...request, mode: 'no-cors' }, preflight: null, response }, { browser }).check(credentials) : checked;
  const inferred = mode === undefined ? {} : mode.value === 'no-cors' ? { mode, ifCorsMode: checked } : { mode };
  if (cookieSent) return { credentials: { mode: 'include', source: 'cookie-header' }, classification, verdict, blockedByBrowser, ...inferred };
  const blockedBlindly = browser === 'firefox' && verdict.ok === true;
  if ((blockedByBrowser && verdict.ok !== false) || blockedBlindly) {
    const withCredentials = reading.check('include');
    // A request whose preflight would have failed with credentials was sent without them: its own
    // response came back, and a failed preflight stops the request.
    const refuted = withCredentials.stage === 'preflight' && exchange.response !== null;
    if (withCredentials.ok === false && !refuted) {
      if (blockedByBrowser) return { credentials: { mode: 'include', source: 'likely' }, classification, verdict: withCredentials, blockedByBrowser, ...inferred };
      return { credentials: { mode: credentials, source: 'default' }, classification, verdict, blockedByBrowser, ifCredentialsIncluded: withCredentials, ...inferred };
    }
  }
  return { credentials: { mode: credentials, source: 'default' }, classification, verdict, blockedByBrowser, ...inferred };
}

/**
 * The mode of a POST whose mode was inferred (no Sec-Fetch-Mode: plain http) when its response
 * failed the CORS check: what the browser's ending says of it (see {@link InferredMode}), or
 * undefined when the verdict does not depend on it.
 * @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
function inferredMode(exchange: Exchange, verdict: CorsVerdict, browser: Browser): InferredMode | undefined {
  if (verdict.ok !== false || verdict.stage !== 'response' || exchange.mode.source !== 'inferred' || exchange.method !== 'POST') return undefined;
  if (exchange.preflights.length > 0 || exchange.preflightCache !== null) return undefined;
  if (exchange.state !== 'complete' || exchange.error !== null) return undefined;
  return browser === 'firefox' ? { value: 'cors', source: 'inferred' } : { value: 'no-cors', source: 'likely' };
}

function corsRequestOf(exchange: Exchange, hopPreflight: PreflightRecord | undefined, credentials: CredentialsMode, browser: Browser): CorsRequest {
  const sent = hopRequestHeaders(exchange, hopPreflight, browser);
  return {
    url: exchange.url,
    origin: hopOrigin(sent, hopPreflight) ?? exchange.initiator,
    method: exchange.method,
    headers: sent === null ? [] : headerRules(browser).authorRequestHeaders(sent),
    listedByPreflight: sent === null ? namesListedByPreflight(exchange, hopPreflight) : undefined,
    credentials,
  };
}

/**
 * The headers the last hop was sent with, `null` when it was never sent. The exchange keeps the
 * headers last seen through a redirect, so for a hop its preflight stopped they are the previous
 * hop's, which the next hop does not repeat: a cross-origin redirect removes Authorization, one
 * that turns the method into GET the body's headers, and a tainted origin makes Origin null.
 * Which hop they belong to is not recorded; the browser's order of events tells it where it
 * matters. Chromium announces a hop's headers only once its preflight passed (recorded fixtures),
 * and reports a response before blocking it: a redirected hop whose preflight got no answer, or
 * that the browser blocked before any response, was never sent. Firefox announces a hop's
 * headers before its preflight: they are that hop's.
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch (step 13: Authorization removed)
 */
function hopRequestHeaders(exchange: Exchange, hopPreflight: PreflightRecord | undefined, browser: Browser): HeaderList | null {
  const sent = exchange.requestHeaders;
  if (sent === null || browser !== 'chromium' || exchange.redirects.length === 0 || hopPreflight === undefined || exchange.response !== null) return sent;
  const stoppedByPreflight = hopPreflight.response === null || (exchange.error !== null && corsBlockErrors.has(exchange.error));
  return stoppedByPreflight ? null : sent;
}

/**
 * The Origin the browser sent for the last hop, which the CORS checks of that hop compare with.
 * After a redirect to another origin the request's origin is tainted and Chromium sends
 * `Origin: null` on the next hop and on its preflight. The hop's own preflight is read first, then
 * the hop's own headers (`sent`). `undefined` when neither shows one.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
function hopOrigin(sent: HeaderList | null, hopPreflight: PreflightRecord | undefined): string | undefined {
  const fromPreflight = hopPreflight === undefined ? undefined : getHeader(hopPreflight.requestHeaders, 'origin');
  if (fromPreflight !== undefined) return fromPreflight;
  return sent === null ? undefined : getHeader(sent, 'origin');
}

/**
 * A request stopped by its preflight is never sent (Chrome then shows no request headers): its
 * preflight's Access-Control-Request-Headers still names the headers that caused it, CORS-unsafe
 * by the browser's own account whatever their values were; the core reads the request by them.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
function namesListedByPreflight(exchange: Exchange, hopPreflight: PreflightRecord | undefined): readonly string[] {
  const preflight = hopPreflight ?? exchange.preflights.at(-1);
  return preflight === undefined ? [] : preflight.accessControlRequestHeaders;
}

/**
 * What the last hop's preflight got: its response, or the network error it ended with (no answer:
 * the core then says no CORS check ran, and offers no header lines); `null` when there is none.
 */
function preflightOf(hopPreflight: PreflightRecord | undefined): CorsExchange['preflight'] {
  if (hopPreflight === undefined) return null;
  if (hopPreflight.response !== null) return { status: hopPreflight.response.status, headers: hopPreflight.response.headers };
  return hopPreflight.error === null ? null : { networkError: hopPreflight.error };
}

/** The request's response, or the error it ended with before any (named by the core beside a preflight's network error). */
function responseOf(exchange: Exchange): CorsExchange['response'] {
  if (exchange.response !== null) return { status: exchange.response.status, headers: exchange.response.headers };
  return exchange.error === null ? null : { networkError: exchange.error };
}
