import type { BrowserProfile } from './browser-profile';
import { type ClassifiedRequest, classifyRequest } from './classify-request';
import { type CorsFailure, corsCheck } from './cors-check';
import { describeFailure, describePreflight, describeRequest, preflightFix, responseFix } from './explain';
import { type PreflightOutcome, preflightCheck } from './preflight-check';
import { type Answer, readAnswer } from './cors-response-headers';
import { isRedirectStatus } from './response-header';
import type { CorsExchange, CorsFix, CorsVerdict, CredentialsMode, Stage } from './types';
import { collectWarnings } from './warnings';

interface VerdictParts {
  readonly ok: boolean | null;
  readonly explanation: string;
  readonly error?: string;
  readonly failedParameter?: string;
  readonly missing?: Stage[];
  readonly fix?: CorsFix;
  readonly warnings?: CorsVerdict['warnings'];
}

function credentialsOf(value: unknown): CredentialsMode {
  return value === 'omit' || value === 'include' ? value : 'same-origin';
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
  const verdict = (v: VerdictParts): CorsVerdict => ({
    ok: v.ok,
    error: v.error ?? null,
    failedParameter: v.failedParameter ?? null,
    stage: null,
    missing: v.missing ?? [],
    explanation: v.explanation,
    fix: v.fix ?? { preflight: [], response: [] },
    warnings: v.warnings ?? [],
    credentialsMode: credentials,
    browser: profile.browser,
  });
  // 1. fetch() throws before sending anything.
  if (c.invalid !== null) return verdict({ ok: false, explanation: c.invalid.message });
  // A preflight answer only counts when the browser needed one.
  const preflight = c.preflight ? readAnswer(ex.preflight) : null;
  const response = readAnswer(ex.response);
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
      outcome = preflightCheck(preflight.status, preflight.headers, c.method, c.requestHeaders, c.requestOrigin, credentials, profile);
      if (outcome.failure !== null) {
        return failed(c, outcome.failure, 'preflight', preflight, credentials, {
          preflight: preflightFix(c, preflight, credentials),
          response: responseFix(c, response, credentials),
        }, collectWarnings({ classified: c, preflight, outcome, response, profile }), profile, url);
      }
    }
  }
  const warnings = collectWarnings({ classified: c, preflight, outcome, response, profile });
  const more = c.reasons.length > 1 ? ` (${c.reasons.length - 1} more reason${c.reasons.length > 2 ? 's' : ''} in the classification)` : '';
  const asked = c.preflight
    ? `The browser needed ${describePreflight(c)} for ${describeRequest(c, url)}: ${c.reasons[0]?.message ?? ''}${more}`
    : `The browser sent ${describeRequest(c, url)} without a preflight (simple request).`;
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
    return failed(c, failure, 'response', response, credentials, { preflight: fixForMissing.preflight, response: responseFix(c, response, credentials) }, warnings, profile, url, missing, `${asked}${cacheNote} `);
  }
  if (isRedirectStatus(response.status) && response.headers.location !== null && response.headers.location !== '') {
    missing.push('response');
    return verdict({ ok: null, missing, explanation: `${asked}${cacheNote} The response is a redirect that passes the CORS check; the browser follows it, and the final response needs its own check.`, fix: fixForMissing, warnings });
  }
  return verdict({ ok: true, missing, explanation: `${asked}${cacheNote} The response allows ${c.requestOrigin}, so the page can read it.`, fix: fixForMissing, warnings });
}

function failed(
  c: ClassifiedRequest,
  failure: CorsFailure,
  stage: Stage,
  answer: Answer,
  credentials: CredentialsMode,
  fix: CorsFix,
  warnings: CorsVerdict['warnings'],
  profile: BrowserProfile,
  url: string,
  missing: Stage[] = [],
  prefix = '',
): CorsVerdict {
  const asked = stage === 'preflight' ? `The browser sent ${describePreflight(c)} for ${describeRequest(c, url)}.` : prefix.trimEnd();
  return {
    ok: false,
    error: failure.error,
    failedParameter: failure.failedParameter,
    stage,
    missing,
    explanation: `${asked}${asked === '' ? '' : ' '}${describeFailure(failure, stage, answer, c, credentials)}`,
    fix,
    warnings,
    credentialsMode: credentials,
    browser: profile.browser,
  };
}
