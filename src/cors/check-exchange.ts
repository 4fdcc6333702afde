import type { BrowserProfile } from './browser-profile';
import { type ClassifiedRequest, classifyRequest } from './classify-request';
import { type CorsFailure, corsCheck } from './cors-check';
import { describeFailure, describePreflight, describeRequest, preflightFix, responseFix } from './explain';
import { type PreflightOutcome, preflightCheck } from './preflight-check';
import { isRedirect } from './response-header';
import type { CorsExchange, CorsFix, CorsVerdict, CredentialsMode, HttpResponseLike, Stage } from './types';
import { collectWarnings } from './warnings';

function credentialsOf(value: unknown): CredentialsMode {
  return value === 'omit' || value === 'include' ? value : 'same-origin';
}

function answerOf(value: unknown): HttpResponseLike | null {
  return value !== null && typeof value === 'object' ? (value as HttpResponseLike) : null;
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
  const verdict = (v: Partial<CorsVerdict> & Pick<CorsVerdict, 'ok' | 'explanation'>): CorsVerdict => ({
    error: null,
    failedParameter: null,
    stage: null,
    missing: [],
    fix: { preflight: [], response: [] },
    warnings: [],
    credentialsMode: credentials,
    browser: profile.browser,
    ...v,
  });
  // 1. fetch() throws before sending anything.
  if (c.invalid !== null) return verdict({ ok: false, explanation: c.invalid.message });
  const preflight = answerOf(ex.preflight);
  const response = answerOf(ex.response);
  const url = String(request.url);
  // 2. Same-origin (and data:) requests are not subject to CORS.
  if (!c.crossOrigin) {
    const why = c.target.scheme === 'data:' ? 'data: URLs are fetched without CORS' : `the request is same-origin (${c.requestOrigin})`;
    return verdict({ ok: true, explanation: `CORS does not apply: ${why}.`, warnings: collectWarnings({ classified: c, preflight: null, outcome: null, response: null, profile }) });
  }
  // 3. Cross-origin requests work only over http(s).
  if (c.target.scheme !== 'http:' && c.target.scheme !== 'https:') {
    return verdict({ ok: false, error: 'CorsDisabledScheme', failedParameter: '', explanation: `The URL's scheme is ${c.target.scheme} and cross-origin requests work only over http and https.` });
  }
  const missing: Stage[] = [];
  // 4. The CORS-preflight fetch.
  let outcome: PreflightOutcome | null = null;
  if (c.preflight) {
    if (preflight === null) missing.push('preflight');
    else {
      outcome = preflightCheck(preflight, c.method, c.requestHeaders, c.requestOrigin, credentials, profile);
      if (outcome.failure !== null) {
        return failed(c, outcome.failure, 'preflight', preflight, credentials, {
          preflight: preflightFix(c, preflight, credentials),
          response: responseFix(c, response, credentials),
        }, collectWarnings({ classified: c, preflight, outcome, response, profile }), profile, url);
      }
    }
  }
  const warnings = collectWarnings({ classified: c, preflight, outcome, response, profile });
  const asked = c.preflight ? `The browser needed ${describePreflight(c)} for ${describeRequest(c, url)} because ${c.reasons[0]?.message.replace(/^./, (s) => s.toLowerCase()) ?? ''}` : `The browser sent ${describeRequest(c, url)} without a preflight (simple request).`;
  const fixForMissing: CorsFix = { preflight: missing.includes('preflight') ? preflightFix(c, null, credentials) : [], response: [] };
  const cacheNote = missing.includes('preflight')
    ? ` No preflight was observed: the preflight cache may have answered it (${profile.label} keeps one for Access-Control-Max-Age seconds, 5 s by default), or the capture missed it.`
    : '';
  // 5. The actual response.
  if (response === null) {
    missing.push('response');
    return verdict({ ok: null, missing, explanation: `${asked}${cacheNote} The response was not observed, so the verdict is open.`, fix: fixForMissing, warnings });
  }
  const failure = corsCheck(response.headers, c.requestOrigin, credentials);
  if (failure !== null) {
    const v = failed(c, failure, 'response', response, credentials, { preflight: fixForMissing.preflight, response: responseFix(c, response, credentials) }, warnings, profile, url);
    return { ...v, missing, explanation: `${asked}${cacheNote} ${v.explanation}` };
  }
  if (isRedirect(Number(response.status), response.headers)) {
    missing.push('response');
    return verdict({ ok: null, missing, explanation: `${asked}${cacheNote} The response is a redirect that passes the CORS check; the browser follows it, and the final response needs its own check.`, fix: fixForMissing, warnings });
  }
  return verdict({ ok: true, missing, explanation: `${asked}${cacheNote} The response allows ${c.requestOrigin}, so the page can read it.`, fix: fixForMissing, warnings });
}

function failed(c: ClassifiedRequest, failure: CorsFailure, stage: Stage, answer: HttpResponseLike, credentials: CredentialsMode, fix: CorsFix, warnings: CorsVerdict['warnings'], profile: BrowserProfile, url: string): CorsVerdict {
  const asked = stage === 'preflight' ? `The browser sent ${describePreflight(c)} for ${describeRequest(c, url)}.` : '';
  return {
    ok: false,
    error: failure.error,
    failedParameter: failure.failedParameter,
    stage,
    missing: [],
    explanation: `${asked}${asked === '' ? '' : ' '}${describeFailure(failure, stage, answer, c, credentials)}`,
    fix,
    warnings,
    credentialsMode: credentials,
    browser: profile.browser,
  };
}
