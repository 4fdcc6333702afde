import type { BrowserProfile } from './browser-profile';
import type { ClassifiedRequest } from './classify-request';
import { displayName } from './reason';
import { defaultCaching, parseMaxAge, SUGGESTED_MAX_AGE } from './max-age';
import type { PreflightOutcome } from './preflight-check';
import type { Answer } from './cors-response-headers';
import { listHasToken } from './response-header';
import { specLinks } from './spec-links';
import type { CorsWarning } from './types';

/**
 * Whether Vary names Origin (or is `*`). This runs on most checks, and most servers send exactly
 * `Vary: Origin`: that value is one comparison, before the two scans of the list.
 */
function varyCoversOrigin(vary: string | null): boolean {
  if (vary === null) return false;
  if (vary === 'Origin') return true;
  return listHasToken(vary, 'origin') || listHasToken(vary, '*');
}

/**
 * What the user needs to know beyond the browser's verdict. (Arguments, not an options object:
 * this runs on every check, and the object would be allocated each time.)
 */
export function collectWarnings(
  classified: ClassifiedRequest,
  preflight: Answer | null,
  outcome: PreflightOutcome | null,
  response: Answer | null,
  profile: BrowserProfile,
): CorsWarning[] {
  const warnings: CorsWarning[] = [];
  if (classified.dropped.length > 0) {
    const names = classified.dropped.map(displayName).join(', ');
    warnings.push({
      code: 'headers-dropped',
      message: `fetch() silently dropped ${names}: a page cannot set forbidden request headers, so they were never sent.`,
      link: specLinks.forbiddenRequestHeader,
    });
  }
  if (!classified.crossOrigin) return warnings;
  if (classified.requestOrigin === 'null') {
    warnings.push({
      code: 'origin-null',
      message:
        'The request came from an opaque origin (Origin: null: a sandboxed iframe, a file: or data: page, or a request redirected across origins). Answering it with Access-Control-Allow-Origin: null lets every such document read the response; prefer giving the page a real origin.',
      link: specLinks.accessControlAllowOrigin,
    });
  }
  if (preflight !== null) {
    const status = preflight.status;
    if (status === 401 || status === 403) {
      warnings.push({
        code: 'preflight-unauthorized',
        // A 403 is as often a CORS configuration saying no (Spring answers 403 "Invalid CORS request").
        message:
          status === 401
            ? 'The preflight got 401: the server most likely checks authentication before CORS, but a preflight never carries cookies or Authorization, so OPTIONS must pass unauthenticated.'
            : "The preflight got 403: either the server checks authentication before CORS (a preflight never carries cookies or Authorization, so OPTIONS must pass unauthenticated), or its CORS configuration refused this origin, method or headers (Spring, for one, answers 403 \"Invalid CORS request\"); check both.",
        link: specLinks.corsPreflightFetch,
      });
    } else if (status >= 200 && status <= 299 && !preflight.headers.anyAllow) {
      warnings.push({
        code: 'preflight-without-cors-headers',
        message: `The preflight got ${status} with no Access-Control-Allow-* header at all: either nothing on the server handles CORS for this URL (a framework's own OPTIONS answer looks like this), or its CORS middleware refused the request without saying so; check that CORS is set up for this route, then its allowed origins, methods and headers.`,
        link: specLinks.corsPreflightFetch,
      });
    }
  }
  if (outcome !== null && outcome.wildcardCoveredAuthorization) {
    warnings.push(WILDCARD_COVERS_AUTHORIZATION);
  }
  if (preflight !== null && outcome !== null && outcome.failure === null) {
    const maxAge = maxAgeWarning(preflight, profile);
    if (maxAge !== null) warnings.push(maxAge);
  }
  if (response !== null) {
    const status = response.status;
    const allowOrigin = response.headers.allowOrigin;
    if (status >= 400 && allowOrigin === null) {
      warnings.push({
        code: 'server-error-hidden',
        message: `The response is ${status} without CORS headers: the server failed, and the CORS error the browser reports hides it; fix the server error (and send CORS headers on error responses too).`,
        link: specLinks.corsCheck,
      });
    }
    if (allowOrigin !== null && allowOrigin !== '*' && !varyCoversOrigin(response.headers.vary)) {
      warnings.push(VARY_ORIGIN_MISSING);
    }
  }
  return warnings;
}

const WILDCARD_COVERS_AUTHORIZATION: CorsWarning = Object.freeze({
  code: 'wildcard-covers-authorization',
  message: 'Access-Control-Allow-Headers: * is relied on to cover Authorization: Chromium allows it today, the standard does not, and Firefox warns it will stop; list authorization explicitly.',
  link: specLinks.corsNonWildcardRequestHeaderName,
});

const VARY_ORIGIN_MISSING: CorsWarning = Object.freeze({
  code: 'vary-origin-missing',
  message: 'Access-Control-Allow-Origin names one origin but the response has no Vary: Origin, so shared caches can serve this answer to another origin; add Vary: Origin.',
  link: specLinks.corsProtocolAndHttpCaches,
});

function maxAgeWarning(preflight: Answer, profile: BrowserProfile): CorsWarning | null {
  const raw = preflight.headers.maxAge;
  const link = specLinks.accessControlMaxAge;
  if (raw === null) {
    return Object.freeze({ code: 'max-age-missing', message: `The preflight has no Access-Control-Max-Age, so ${defaultCaching(profile)}; send e.g. Access-Control-Max-Age: ${SUGGESTED_MAX_AGE}.`, link });
  }
  const seconds = parseMaxAge(raw, profile).seconds;
  if (seconds === null) {
    return { code: 'max-age-invalid', message: `Access-Control-Max-Age: ${raw} is not a whole number of seconds, so it is ignored and ${defaultCaching(profile)}.`, link };
  }
  if (seconds > 7200) {
    const firefox = seconds > 86400 ? ' and Firefox to 24 h' : '; Firefox allows up to 24 h';
    return { code: 'max-age-over-cap', message: `Access-Control-Max-Age: ${seconds} is above what browsers honour: Chromium caps it to 2 h${firefox}.`, link };
  }
  return null;
}
