/**
 * The CORS core: classify every request and check every exchange exactly as Chromium 156 does
 * (Firefox on request), and explain it in words a web developer acts on. Pure TypeScript: no
 * browser API, never throws.
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import { browserProfile } from './browser-profile';
import { checkExchange, checkReadExchange, readExchange } from './check-exchange';
import { type ClassifiedRequest, classifyRequest } from './classify-request';
import type { Classification, CorsExchange, CorsOptions, CorsRequest, CorsVerdict, CredentialsMode } from './types';

export type {
  Browser,
  Classification,
  CorsErrorName,
  CorsExchange,
  CorsFix,
  CorsOptions,
  CorsRequest,
  CorsVerdict,
  CorsWarning,
  CredentialsMode,
  HeaderLines,
  HttpResponseLike,
  InvalidRequest,
  NetworkError,
  Reason,
  ReasonDetail,
  ReasonRule,
  Stage,
  WarningCode,
} from './types';
export { reasonRules, warningCodes } from './types';
export { browsers } from './browser-profile';
export { specLinks } from './spec-links';

/**
 * Classify a request before it is sent: is it cross-origin, does the browser preflight it, with
 * which Access-Control-Request-Headers, why, and which headers fetch() silently drops.
 * A malformed URL, origin, method or header gives `invalid` (fetch() would throw) instead of a throw.
 *
 * @example
 * classify({ url: 'https://api.example/x', origin: 'https://app.example', method: 'PUT', headers: [['X-Api-Key', '1']] })
 * // { crossOrigin: true, preflight: true, method: 'PUT', requestHeaders: ['x-api-key'], reasons: [...], dropped: [], invalid: null }
 */
export function classify(request: CorsRequest, options?: CorsOptions): Classification {
  return classificationOf(classifyRequest(request, browserProfile(options?.browser)));
}

function classificationOf(c: ClassifiedRequest): Classification {
  const { crossOrigin, preflight, method, requestHeaders, reasons, dropped, invalid } = c;
  return { crossOrigin, preflight, method, requestHeaders, reasons, dropped, invalid };
}

/**
 * Check an exchange (request, preflight, actual response) and say whether the page gets the
 * response: the first failing check as Chromium's `Network.CorsError` with its failedParameter,
 * the stage, an explanation, the exact header lines that fix it, and warnings.
 * A needed preflight or response that was not observed gives `ok: null` and `missing`, not a guess.
 */
export function check(exchange: CorsExchange, options?: CorsOptions): CorsVerdict {
  return checkExchange(exchange, browserProfile(options?.browser));
}

/** An exchange's classification, and its check under any credentials mode. */
export interface ExchangeReading {
  /** What classify() gives for the exchange's request. */
  readonly classification: Classification;
  /** What check() gives for the exchange with its request's credentials mode set to `credentials`. */
  check(credentials: CredentialsMode): CorsVerdict;
}

/**
 * classify() and check() of one exchange, for a caller that wants both, or verdicts under more
 * than one credentials mode: the request is classified and the answers read once, where each
 * check() call does it again.
 */
export function readCorsExchange(exchange: CorsExchange, options?: CorsOptions): ExchangeReading {
  const profile = browserProfile(options?.browser);
  const read = readExchange(exchange, profile);
  return { classification: classificationOf(read.classified), check: (credentials) => checkReadExchange(read, credentials, profile) };
}
