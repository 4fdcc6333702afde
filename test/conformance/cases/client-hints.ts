/**
 * Client-hint headers a page can set. Chromium safelists DPR, Device-Memory, Save-Data,
 * Viewport-Width and Width with value rules of its own; the Fetch standard does not list them.
 * Sec-CH-* names are forbidden (the `sec-` prefix) and dropped by fetch().
 */
import { cls, type CorsCase } from './case';

const CHROMIUM_ONLY = 'CHROMIUM-SPECIFIC: the Fetch standard does not safelist client hints (fetch.bs#cors-safelisted-request-header), so a spec browser preflights; chromium services/network/public/cpp/cors/cors.cc:IsCorsSafelistedHeader';
const CHROMIUM_TEST = 'chromium services/network/public/cpp/cors/cors_unittest.cc:CheckCorsClientHintsSafelist';

/** [slug, name, value]. */
const hints: ReadonlyArray<readonly [string, string, string]> = [
  ['dpr-decimal', 'DPR', '1.25'],
  ['dpr-integer', 'dpr', '1'],
  ['dpr-empty', 'dpr', ''],
  ['dpr-letters', 'dpr', 'abc'],
  ['dpr-range', 'dpr', '1.25-2.5'],
  ['dpr-negative', 'dpr', '-1.25'],
  ['dpr-exponent', 'dpr', '1e2'],
  ['dpr-two-dots', 'dpr', '1.25.3'],
  ['dpr-trailing-dot', 'dpr', '1.'],
  ['dpr-leading-dot', 'dpr', '.1'],
  ['device-memory-decimal', 'Device-Memory', '1.25'],
  ['device-memory-integer', 'DEVICE-memory', '8'],
  ['device-memory-nan', 'device-memory', 'NaN'],
  ['device-memory-inf', 'device-memory', 'inf'],
  ['width-integer', 'Width', '125'],
  ['width-big', 'width', '2147483648'],
  ['width-decimal', 'width', '125.2'],
  ['width-negative', 'width', '-125'],
  ['viewport-width-integer', 'Viewport-Width', '125'],
  ['viewport-width-decimal', 'viewport-width', '125.2'],
  ['viewport-width-letters', 'viewport-width', 'abc'],
  ['save-data-on', 'Save-Data', 'on'],
  ['save-data-on-uppercase', 'save-data', 'ON'],
  ['save-data-off', 'save-data', 'off'],
  ['rtt', 'RTT', '100'],
  ['downlink', 'Downlink', '1.5'],
  ['ect', 'ECT', '4g'],
  ['sec-ch-ua-dropped', 'Sec-CH-UA', '"User Agent!"'],
  ['sec-ch-prefers-color-scheme-dropped', 'Sec-CH-Prefers-Color-Scheme', '"dark"'],
  ['lang', 'Lang', '"en", "de"'],
];

function sourceFor(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('sec-')) return `fetch.bs#forbidden-request-header (any 'sec-' prefix); ${CHROMIUM_TEST}`;
  if (lower === 'lang') return `fetch.bs#cors-safelisted-request-header (not safelisted); ${CHROMIUM_TEST} (SafelistedSecCHLang: an old Chromium safelisted Lang)`;
  if (['rtt', 'downlink', 'ect'].includes(lower)) return `${CHROMIUM_ONLY} (network client hints; not in CheckCorsClientHintsSafelist)`;
  return `${CHROMIUM_ONLY}; ${CHROMIUM_TEST}`;
}

export const clientHintCases: readonly CorsCase[] = hints.map(([slug, name, value]) =>
  cls(`client-hint-${slug}`, sourceFor(name), { headers: [[name, value]] }),
);
