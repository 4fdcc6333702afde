import { readCorsExchange, type Browser, type CorsRequest, type CorsVerdict, type CredentialsMode, type HttpResponseLike } from '../cors/index';
import { headerRules } from './author-headers';
import { corsBlockErrors } from './cors-block-error';
import type { Diagnosis, Exchange, PreflightRecord } from './exchange';
import { getHeader } from './header-list';
import { originOf } from './url-origin';

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
  const unanswered = unansweredPreflight(exchange);
  if (unanswered !== undefined && classification.preflight) {
    const mode = request.credentials ?? 'same-origin';
    const verdict = preflightGotNoAnswer(exchange, unanswered, request, mode, browser);
    return { credentials: { mode, source: cookieSent ? 'cookie-header' : 'default' }, classification, verdict, blockedByBrowser };
  }
  const verdict = withInferredMode(exchange, reading.check(request.credentials ?? 'same-origin'), browser);
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

/**
 * A POST's mode is inferred where Sec-Fetch-Mode is not sent (plain http): it carries `Origin` in
 * CORS mode and in no-cors mode alike (fetch with mode 'no-cors', navigator.sendBeacon, a form), so
 * a failed CORS check of its response is a guess unless the browser's own ending agrees.
 * - Chromium ends every request CORS blocked with onErrorOccurred net::ERR_FAILED (the recorded
 *   fixtures); one that completed without error had its response delivered, so no CORS check
 *   failed: it was likely a no-cors request, whose opaque response the page cannot read.
 * - Firefox ends a blocked simple request with onCompleted like any other: the failure stands, said
 *   to hold if the request was in CORS mode.
 * @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
function withInferredMode(exchange: Exchange, verdict: CorsVerdict, browser: Browser): CorsVerdict {
  if (verdict.ok !== false || verdict.stage !== 'response' || exchange.mode.source !== 'inferred' || exchange.method !== 'POST') return verdict;
  if (exchange.preflights.length > 0 || exchange.preflightCache !== null) return verdict;
  if (exchange.state !== 'complete' || exchange.error !== null) return verdict;
  const modeNote =
    'Its mode was inferred: without Sec-Fetch-Mode (browsers send it only to potentially trustworthy URLs: https, localhost), a POST carries Origin in CORS mode and in no-cors mode alike (fetch with mode: \'no-cors\', navigator.sendBeacon, a form).';
  if (browser === 'firefox') return { ...verdict, explanation: `${verdict.explanation} ${modeNote} Firefox ends both the same way, so this holds if it was a CORS request.` };
  const ifCors = verdict.error === null ? '' : ` Had it been a CORS request, it would have failed with ${verdict.error}.`;
  return {
    ...verdict,
    ok: true,
    error: null,
    failedParameter: null,
    stage: null,
    missing: [],
    explanation:
      `The browser delivered the response to ${exchange.method} ${exchange.url}: the request ended normally, and Chromium ends every request CORS blocks with net::ERR_FAILED, so no CORS check failed. ` +
      `${modeNote} It was likely a no-cors request, which the server's CORS headers do not concern: the page gets an opaque response it cannot read.${ifCors}`,
    fix: { preflight: [], response: [] },
    warnings: [],
    firefoxReason: null,
    firefoxParameter: null,
  };
}

function corsRequestOf(exchange: Exchange, cookieSent: boolean, browser: Browser): CorsRequest {
  const sent = exchange.requestHeaders;
  return {
    url: exchange.url,
    origin: hopOrigin(exchange) ?? exchange.initiator,
    method: exchange.method,
    headers: sent === null ? [] : headerRules(browser).authorRequestHeaders(sent),
    listedByPreflight: sent === null ? namesListedByPreflight(exchange) : undefined,
    credentials: cookieSent ? 'include' : 'same-origin',
  };
}

/**
 * The Origin the browser sent for the last hop, which the CORS checks of that hop compare with.
 * After a redirect to another origin the request's origin is tainted and Chromium sends
 * `Origin: null` on the next hop and on its preflight. The hop's own preflight is read first: a
 * hop its preflight stopped was never sent, and the request headers kept are then the previous
 * hop's, with the page's Origin. `undefined` when neither shows one.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
function hopOrigin(exchange: Exchange): string | undefined {
  const preflight = exchange.preflights.findLast((p) => p.url === exchange.url);
  const fromPreflight = preflight === undefined ? undefined : getHeader(preflight.requestHeaders, 'origin');
  if (fromPreflight !== undefined) return fromPreflight;
  return exchange.requestHeaders === null ? undefined : getHeader(exchange.requestHeaders, 'origin');
}

/**
 * A request stopped by its preflight is never sent (Chrome then shows no request headers): its
 * preflight's Access-Control-Request-Headers still names the headers that caused it, CORS-unsafe
 * by the browser's own account whatever their values were; the core reads the request by them.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
function namesListedByPreflight(exchange: Exchange): readonly string[] {
  const preflight = exchange.preflights.findLast((p) => p.url === exchange.url) ?? exchange.preflights.at(-1);
  return preflight === undefined ? [] : preflight.accessControlRequestHeaders;
}

/** The preflight of the request's last hop when it failed without an answer (a network error), else `undefined`. */
function unansweredPreflight(exchange: Exchange): PreflightRecord | undefined {
  if (exchange.response !== null) return undefined;
  const preflight = exchange.preflights.findLast((p) => p.url === exchange.url);
  return preflight !== undefined && preflight.response === null && preflight.error !== null ? preflight : undefined;
}

/**
 * A preflight that failed at the network level (onErrorOccurred, no response): no CORS check ran,
 * so the verdict is open (`ok: null`, no CorsError) and offers no header lines. Chromium fails the
 * request with the preflight's own network error (CorsURLLoader passes the preflight's net error on).
 * Said here, not by the core: its sentences know only "answered" and "not observed" (the cache).
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch (step 7: a network error is returned as is)
 */
function preflightGotNoAnswer(exchange: Exchange, preflight: PreflightRecord, request: CorsRequest, credentials: CredentialsMode, browser: Browser): CorsVerdict {
  const headers = preflight.accessControlRequestHeaders;
  const asked = `Access-Control-Request-Method: ${preflight.accessControlRequestMethod}${headers.length === 0 ? '' : ` and Access-Control-Request-Headers: ${headers.join(',')}`}`;
  const requestError = exchange.error !== null && exchange.error !== preflight.error ? ` (the request ended with ${exchange.error})` : '';
  const explanation =
    `The browser sent a preflight (OPTIONS with ${asked}) for ${exchange.method} ${exchange.url} from ${request.origin}, and it got no answer: ` +
    `it failed with ${preflight.error}, a network error, before any response arrived. No CORS check ran, so nothing in the server's CORS headers is at fault; ` +
    `the browser failed the request with the preflight's network error${requestError}. Look at why the connection to ${originOf(preflight.url)} failed (server down, reset, TLS, proxy or firewall).`;
  return {
    ok: null,
    error: null,
    failedParameter: null,
    stage: null,
    missing: ['response'],
    explanation,
    fix: { preflight: [], response: [] },
    warnings: [],
    credentialsMode: credentials,
    browser,
    firefoxReason: null,
    firefoxParameter: null,
  };
}


function lastPreflightResponse(exchange: Exchange): HttpResponseLike | null | undefined {
  const preflight = exchange.preflights.findLast((p) => p.url === exchange.url);
  if (preflight === undefined) return exchange.preflightCache === null && exchange.requestHeaders === null ? null : undefined;
  if (preflight.response === null) return null;
  return { status: preflight.response.status, headers: preflight.response.headers };
}
