/**
 * The same name passed twice to fetch(): the Headers object combines values with ", ", and
 * Access-Control-Request-Headers lists each name once, lowercased and sorted.
 * @see https://fetch.spec.whatwg.org/#concept-header-list-append
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
import { cls, type CorsCase } from './case';

const NAMES = 'fetch.bs#cors-unsafe-request-header-names (byte-lowercased, sorted, de-duplicated)';
const COMBINE = 'fetch.bs#concept-header-list-combine';
const CHROMIUM_JOIN = "CHROMIUM-DIFFERS-FROM-SPEC: chromium third_party/blink/renderer/core/fetch/fetch_manager.cc (ResourceRequest::AddHttpHeaderField joins same-name values with ', ') -> the joined value is checked once; per fetch.bs#cors-unsafe-request-header-names each entry is checked separately";

export const repeatedHeaderCases: readonly CorsCase[] = [
  cls('content-type-duplicate-plain-twice', `${CHROMIUM_JOIN}; 'text/plain, text/plain' fails chromium services/network/public/cpp/cors/cors.cc:IsCorsSafelistedHeader; the spec would NOT preflight`, {
    method: 'POST', headers: [['Content-Type', 'text/plain'], ['Content-Type', 'text/plain']],
  }),
  cls('content-type-plain-then-json', `${COMBINE}; ${NAMES}`, {
    method: 'POST', headers: [['Content-Type', 'text/plain'], ['Content-Type', 'application/json']],
  }),
  cls('accept-twice', `${COMBINE} ('text/html, */*' has no unsafe byte)`, {
    headers: [['Accept', 'text/html'], ['Accept', '*/*']],
  }),
  cls('accept-twice-over-128-combined', `${CHROMIUM_JOIN}; each value is 100 bytes, the combined one 202`, {
    headers: [['Accept', 'a'.repeat(100)], ['Accept', 'b'.repeat(100)]],
  }),
  cls('accept-language-twice', `${COMBINE} (', ' is allowed in Accept-Language)`, {
    headers: [['Accept-Language', 'en'], ['Accept-Language', 'fr']],
  }),
  cls('range-twice', `${CHROMIUM_JOIN}; 'bytes=0-, bytes=0-' is not one range (fetch.bs#simple-range-header-value), while each entry alone is`, {
    headers: [['Range', 'bytes=0-'], ['Range', 'bytes=0-']],
  }),
  cls('custom-twice', NAMES, { headers: [['X-A', '1'], ['X-A', '2']] }),
  cls('custom-twice-different-case', NAMES, { headers: [['X-A', '1'], ['x-a', '2']] }),
  cls('custom-unsorted', NAMES, { headers: [['X-C', '1'], ['X-A', '1'], ['X-B', '1']] }),
  cls('custom-mixed-with-safelisted', NAMES, {
    headers: [['X-Z', '1'], ['Accept', 'text/html'], ['x-m', '1'], ['Content-Language', 'en']],
  }),
  cls('safelisted-and-unsafe-content-type', `${NAMES} (a safelisted name whose value fails is listed)`, {
    method: 'POST', headers: [['Content-Type', 'application/json'], ['X-Custom', '1']],
  }),
  cls('custom-empty-value', `${NAMES} (an empty value still makes the name unsafe)`, { headers: [['X-Empty', '']] }),
  cls('many-custom-headers', NAMES, {
    headers: Array.from({ length: 20 }, (_, i) => [`X-H${String(i).padStart(2, '0')}`, String(i)] as const).reverse(),
  }),
];
