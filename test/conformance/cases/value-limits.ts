/**
 * Length limits: 128 bytes per safelisted value, 1,024 bytes for all safelisted values together.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header (step: value length > 128)
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names (safelistValueSize > 1024)
 */
import { cls, type CorsCase } from './case';

const LIMIT = 'fetch.bs#cors-safelisted-request-header (length > 128 -> not safelisted)';
const CHROMIUM = 'chromium services/network/public/cpp/cors/cors_unittest.cc';

const a = (n: number): string => 'a'.repeat(n);
const one = (n: number): string => '1'.repeat(n);
/** A valid single range of exactly 128 bytes: `bytes=` + 60 zeros + `-` + 60 zeros + `1`. */
const range128 = `bytes=${'0'.repeat(60)}-${'0'.repeat(60)}1`;

const perValue: readonly CorsCase[] = [
  cls('accept-128-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedAccept`, { headers: [['Accept', a(128)]] }),
  cls('accept-129-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedAccept`, { headers: [['Accept', a(129)]] }),
  cls('accept-language-128-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedAcceptLanguage`, { headers: [['Accept-Language', a(128)]] }),
  cls('accept-language-129-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedAcceptLanguage`, { headers: [['Accept-Language', a(129)]] }),
  cls('content-language-128-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedContentLanguage`, { headers: [['Content-Language', a(128)]] }),
  cls('content-language-129-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedContentLanguage`, { headers: [['Content-Language', a(129)]] }),
  cls('content-type-128-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedContentType (text/plain; charset= + 108)`, {
    method: 'POST', headers: [['Content-Type', `text/plain; charset=${a(108)}`]],
  }),
  cls('content-type-129-bytes', `${LIMIT}; ${CHROMIUM}:SafelistedContentType (text/plain; charset= + 109)`, {
    method: 'POST', headers: [['Content-Type', `text/plain; charset=${a(109)}`]],
  }),
  cls('range-128-bytes', `${LIMIT}; fetch.bs#simple-range-header-value (zero-padded: bytes=0...0-0...01)`, { headers: [['Range', range128]] }),
  cls('range-129-bytes', `${LIMIT}; fetch.bs#simple-range-header-value (zero-padded: bytes=0...0-0...01)`, { headers: [['Range', `${range128.slice(0, 6)}0${range128.slice(6)}`]] }),
  cls('accept-10kb', `${LIMIT} (hard input: a 10 kB value)`, { headers: [['Accept', a(10_240)]] }),
  cls('custom-header-10kb', 'fetch.bs#cors-unsafe-request-header-names (hard input: a 10 kB value)', { headers: [['X-Big', a(10_240)]] }),
  cls('accept-128-bytes-after-trim', `${LIMIT}; fetch.bs#concept-header-value-normalize (the length counts after fetch() trims whitespace)`, {
    headers: [['Accept', `  ${a(128)}  `]],
  }),
];

/** Chromium's CorsUnsafeRequestHeaderNames cases. They reach 1,024 only with Chromium's client hints. */
const CHROMIUM_TOTAL = `fetch.bs#cors-unsafe-request-header-names (safelistValueSize > 1024 -> every safelisted name is unsafe too); CHROMIUM-SPECIFIC inputs (dpr/device-memory/save-data/viewport-width/width are only safelisted in Chromium; the spec would list them as unsafe): ${CHROMIUM}:CorsUnsafeRequestHeaderNames`;

function totalHeaders(contentTypeCharset: number, width: number): ReadonlyArray<readonly [string, string]> {
  return [
    ['content-type', `text/plain; charset=${one(contentTypeCharset)}`],
    ['accept', one(128)],
    ['accept-language', one(128)],
    ['content-language', one(128)],
    ['dpr', one(128)],
    ['device-memory', one(128)],
    ['save-data', 'on'],
    ['viewport-width', one(128)],
    ['width', one(width)],
    ['hogE', 'fuga'],
  ];
}

const total: readonly CorsCase[] = [
  cls('total-1024-safelisted', `${CHROMIUM_TOTAL} ('safelistValueSize is 1024')`, { headers: totalHeaders(108, 126) }),
  cls('total-1025-all-unsafe', `${CHROMIUM_TOTAL} ('safelistValueSize is 1025')`, { headers: totalHeaders(108, 127) }),
  cls('total-897-unsafe-content-type-not-counted', `${CHROMIUM_TOTAL} ('safelistValueSize is 897 because content-type is not safelisted')`, {
    headers: totalHeaders(128, 127),
  }),
  cls('total-spec-only-names-640', 'fetch.bs#cors-unsafe-request-header-names (five spec-safelisted names at 128 bytes each: 640 <= 1024)', {
    headers: [
      ['Accept', one(128)],
      ['Accept-Language', one(128)],
      ['Content-Language', one(128)],
      ['Content-Type', `text/plain; charset=${one(108)}`],
      ['Range', range128],
    ],
  }),
];

export const valueLimitCases: readonly CorsCase[] = [...perValue, ...total];
