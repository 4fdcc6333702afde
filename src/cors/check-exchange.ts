import type { BrowserProfile } from './browser-profile';
import { type ClassifiedRequest, classifyRequest } from './classify-request';
import { type CorsFailure, corsCheck } from './cors-check';
import { type Answer, readAnswer } from './cors-response-headers';
import { firefoxReasonFor } from './firefox-reason';
import { describeFailure, preflightFix, responseFix } from './explain';
import { isOkStatus, type PreflightOutcome, preflightCheck } from './preflight-check';
import { neededPreflight, noCorsMethodRefused, preflightGotNoAnswer, responseAllowed, sentNoCors, sentPreflight, sentSimple } from './request-sentences';
import { isCorsSafelistedMethod } from './method';
import { isRedirectStatus } from './response-header';
import type { CorsExchange, CorsFix, CorsVerdict, CorsWarning, CredentialsMode, NetworkError, Stage } from './types';
import { collectWarnings } from './warnings';

function credentialsOf(value: unknown): CredentialsMode {
  return value === 'omit' || value === 'include' ? value : 'same-origin';
}

/** The status a fix gives a preflight whose own was not ok: what CORS middleware answers OPTIONS with. */
const OK_PREFLIGHT_STATUS = 204;

function emptyFix(): CorsFix {
  return { preflight: [], response: [] };
}

/** A verdict without a failed check. */
function settled(ok: boolean | null, explanation: string, credentials: CredentialsMode, profile: BrowserProfile, missing: Stage[], fix: CorsFix, warnings: CorsWarning[]): CorsVerdict {
  return {
    ok,
    error: null,
    failedParameter: null,
    stage: null,
    missing,
    explanation,
    fix,
    warnings,
    credentialsMode: credentials,
    browser: profile.browser,
    firefoxReason: null,
    firefoxParameter: null,
  };
}

/** A verdict for a failed check. */
function blocked(
  c: ClassifiedRequest,
  failure: CorsFailure,
  stage: Stage,
  answer: Answer,
  credentials: CredentialsMode,
  profile: BrowserProfile,
  asked: string,
  missing: Stage[],
  fix: CorsFix,
  warnings: CorsWarning[],
): CorsVerdict {
  const firefox = profile.browser === 'firefox' ? firefoxReasonFor(failure, answer) : null;
  return {
    ok: false,
    error: failure.error,
    failedParameter: failure.failedParameter,
    stage,
    missing,
    explanation: `${asked} ${describeFailure(failure, stage, answer, c, credentials)}`,
    fix,
    warnings,
    credentialsMode: credentials,
    browser: profile.browser,
    firefoxReason: firefox === null ? null : firefox.reason,
    firefoxParameter: firefox === null ? null : firefox.parameter,
  };
}

function isRedirect(answer: Answer): boolean {
  return isRedirectStatus(answer.status) && answer.headers.location !== null && answer.headers.location !== '';
}

/**
 * The origin of a redirect's location when a CORS request is sent there with a user name or password,
 * to another origin than the request's (else null): a network error (Fetch, HTTP-redirect fetch; Chromium's RedirectContainsCredentials,
 * seen in Chromium 156: "Redirect location '' contains a username and password").
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
function originWithCredentials(answer: Answer, url: string, requestOrigin: string): string | null {
  const location = answer.headers.location;
  if (location === null || !location.includes('@')) return null;
  let target: URL;
  try {
    target = new URL(location, url);
  } catch {
    return null;
  }
  return (target.username !== '' || target.password !== '') && target.origin !== requestOrigin ? target.origin : null;
}

/** The browser's name for an answer that is a network error (see {@link NetworkError}), else null. */
function networkErrorOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const error = (value as { networkError?: unknown }).networkError;
  return typeof error === 'string' ? error : null;
}

/**
 * Check an exchange as Chromium's CorsURLLoader does: classify, then the preflight (when one is
 * needed), then the actual response.
 * @see https://fetch.spec.whatwg.org/#main-fetch
 * @see https://fetch.spec.whatwg.org/#http-fetch
 */
export function checkExchange(exchange: CorsExchange, profile: BrowserProfile): CorsVerdict {
  const ex: Partial<CorsExchange> = exchange !== null && typeof exchange === 'object' ? exchange : {};
  const request = ex.request ?? ({} as CorsExchange['request']);
  const credentials = credentialsOf(request.credentials);
  const c = classifyRequest(request, profile);
  const url = String(request.url);
  const before = checkBeforeSending(c, url, request.mode === 'no-cors', credentials, profile);
  if (before !== null) return before;
  const answers = readAnswers(c, ex.preflight, ex.response);
  return checkAnswers(c, url, answers.response, answers.preflight, answers.preflightError, answers.responseError, credentials, profile);
}

/** The answers as the checks read them: each one's CORS headers, or the network error it was, named apart. */
function readAnswers(c: ClassifiedRequest, preflight: unknown, response: unknown): Pick<ReadExchange, 'preflight' | 'response' | 'preflightError' | 'responseError'> {
  const preflightError = c.preflight ? networkErrorOf(preflight) : null;
  const responseError = networkErrorOf(response);
  return {
    preflight: c.preflight && preflightError === null ? readAnswer(preflight) : null,
    response: responseError === null ? readAnswer(response) : null,
    preflightError,
    responseError,
  };
}

/** An exchange classified and its answers read, to check it under more than one credentials mode. */
export interface ReadExchange {
  readonly classified: ClassifiedRequest;
  readonly url: string;
  /** Read only when the request needs a preflight (any other preflight answer is ignored); null for a network error. */
  readonly preflight: Answer | null;
  readonly response: Answer | null;
  /** The preflight's network error, when it ended in one and the request needs a preflight. */
  readonly preflightError: string | null;
  readonly responseError: string | null;
  /** Sent in no-cors mode: no CORS check runs. */
  readonly noCors: boolean;
}

/** Classifies the request and reads the answers once (what {@link checkExchange} does on every call). */
export function readExchange(exchange: CorsExchange, profile: BrowserProfile): ReadExchange {
  const classified = classifyRequest(exchange.request, profile);
  return { classified, url: String(exchange.request.url), ...readAnswers(classified, exchange.preflight, exchange.response), noCors: exchange.request.mode === 'no-cors' };
}

/** {@link checkExchange} of a read exchange, under `credentials`: the same verdict, without classifying again. */
export function checkReadExchange(read: ReadExchange, credentials: CredentialsMode, profile: BrowserProfile): CorsVerdict {
  return (
    checkBeforeSending(read.classified, read.url, read.noCors, credentials, profile) ??
    checkAnswers(read.classified, read.url, read.response, read.preflight, read.preflightError, read.responseError, credentials, profile)
  );
}

/** Steps 1-3: the verdicts decided before anything is sent; `null` when the answers decide. */
function checkBeforeSending(c: ClassifiedRequest, url: string, noCors: boolean, credentials: CredentialsMode, profile: BrowserProfile): CorsVerdict | null {
  // 1. fetch() throws before sending anything.
  if (c.invalid !== null) return settledFailure(c.invalid.message, credentials, profile);
  // A no-cors request is not checked (its response is opaque to the page), if fetch() takes it.
  if (noCors && c.crossOrigin) {
    if (!isCorsSafelistedMethod(c.method)) return settledFailure(noCorsMethodRefused(c), credentials, profile);
    return settled(true, sentNoCors(c, url), credentials, profile, [], emptyFix(), []);
  }
  // 2. Same-origin (and data:) requests are not subject to CORS.
  if (!c.crossOrigin) {
    const why = c.target.scheme === 'data:' ? 'data: URLs are fetched without CORS' : `the request is same-origin (${c.requestOrigin})`;
    const warnings = collectWarnings(c, null, null, null, profile);
    return settled(true, `CORS does not apply: ${why}.`, credentials, profile, [], emptyFix(), warnings);
  }
  // 3. Cross-origin requests work only over http(s).
  if (c.target.scheme !== 'http:' && c.target.scheme !== 'https:') {
    const explanation = `The URL's scheme is ${c.target.scheme} and cross-origin requests work only over http and https.`;
    const firefox = profile.browser === 'firefox';
    return {
      ...settled(false, explanation, credentials, profile, [], emptyFix(), []),
      error: 'CorsDisabledScheme',
      failedParameter: '',
      firefoxReason: firefox ? 'CORSRequestNotHttp' : null,
    };
  }
  return null;
}

/**
 * Steps 4-5: the preflight's answer (`null` when none is needed, none was observed, or it was a
 * network error, then named by `preflightError`), then the response's (likewise).
 */
function checkAnswers(
  c: ClassifiedRequest,
  url: string,
  response: Answer | null,
  preflight: Answer | null,
  preflightError: string | null,
  responseError: string | null,
  credentials: CredentialsMode,
  profile: BrowserProfile,
): CorsVerdict {
  // 4. The CORS-preflight fetch, when the browser needs one (any other preflight answer is ignored).
  // A network error is returned as it is: no CORS check runs, and the request is not sent. (A
  // response observed all the same was sent: it is checked as after a preflight not observed.)
  if (preflightError !== null && response === null) {
    return settled(null, preflightGotNoAnswer(c, url, preflightError, responseError), credentials, profile, ['response'], emptyFix(), []);
  }
  const preflightMissing = c.preflight && preflight === null;
  let outcome: PreflightOutcome | null = null;
  if (c.preflight && preflight !== null) {
    outcome = preflightCheck(preflight.status, preflight.headers, c.method, c.requestHeaders, c.requestOrigin, credentials, profile);
    if (outcome.failure !== null) {
      // No header line makes a redirected preflight pass: it must be answered where it is asked.
      const redirected = outcome.failure.error === 'PreflightDisallowedRedirect';
      const lines = { preflight: redirected ? [] : preflightFix(c, preflight, credentials, profile), response: responseFix(c, response, credentials, profile) };
      // A 404 or 401 to OPTIONS fails whatever its headers say: the lines alone would not mend it.
      const fix: CorsFix = redirected || isOkStatus(preflight.status) ? lines : { ...lines, preflightStatus: OK_PREFLIGHT_STATUS };
      const warnings = collectWarnings(c, preflight, outcome, response, profile);
      return blocked(c, outcome.failure, 'preflight', preflight, credentials, profile, sentPreflight(c, url), [], fix, warnings);
    }
  }
  const warnings = collectWarnings(c, preflight, outcome, response, profile);
  const asked = c.preflight ? neededPreflight(c, url, preflightMissing, profile) : sentSimple(c, url);
  const fixPreflight = preflightMissing ? preflightFix(c, null, credentials, profile) : [];
  // 5. The actual response. (`missing` as literals: one small array, not one grown by push.)
  if (response === null) {
    const missing: Stage[] = preflightMissing ? ['preflight', 'response'] : ['response'];
    return settled(null, `${asked} The response was not observed, so the verdict is open.`, credentials, profile, missing, { preflight: fixPreflight, response: [] }, warnings);
  }
  const failure = corsCheck(response.headers, c.requestOrigin, credentials, profile);
  if (failure !== null) {
    const fix = { preflight: fixPreflight, response: responseFix(c, response, credentials, profile) };
    return blocked(c, failure, 'response', response, credentials, profile, asked, preflightMissing ? ['preflight'] : [], fix, warnings);
  }
  if (isRedirect(response)) {
    const redirectOrigin = originWithCredentials(response, url, c.requestOrigin);
    if (redirectOrigin !== null) {
      const failure: CorsFailure = { error: 'RedirectContainsCredentials', failedParameter: '', redirectOrigin };
      return blocked(c, failure, 'response', response, credentials, profile, asked, preflightMissing ? ['preflight'] : [], { preflight: fixPreflight, response: [] }, warnings);
    }
    const missing: Stage[] = preflightMissing ? ['preflight', 'response'] : ['response'];
    const explanation = `${asked} The response is a redirect that passes the CORS check; the browser follows it, and the final response needs its own check.`;
    return settled(null, explanation, credentials, profile, missing, { preflight: fixPreflight, response: [] }, warnings);
  }
  // Passed: nothing to fix (a preflight the cache answered passed too, or the request would have failed).
  return settled(true, `${asked}${responseAllowed(c.requestOrigin)}`, credentials, profile, preflightMissing ? ['preflight'] : [], emptyFix(), warnings);
}

function settledFailure(explanation: string, credentials: CredentialsMode, profile: BrowserProfile): CorsVerdict {
  return settled(false, explanation, credentials, profile, [], emptyFix(), []);
}
