/**
 * Range: safelisted only as a single `bytes=N-` or `bytes=N-M` (N <= M), no whitespace.
 * @see https://fetch.spec.whatwg.org/#simple-range-header-value
 */
import { cls, type CorsCase } from './case';

const WPT = 'wpt cors/cors-safelisted-request-header.any.js';
const SPEC = 'fetch.bs#simple-range-header-value';

/** [slug, value, source]. */
const values: ReadonlyArray<readonly [string, string, string]> = [
  ['no-unit', '100-200', `${SPEC}; ${WPT} ["100-200", true]`],
  ['unit-mb', 'MB=100-200', `${SPEC}; ${WPT} ["MB=100-200", true]`],
  ['start-end', 'bytes=100-200', `${SPEC}; ${WPT} ["bytes=100-200"]`],
  ['space-before-equals', 'bytes =100-200', `${SPEC}; ${WPT} ["bytes =100-200", true]`],
  ['tab-before-equals', 'bytes\t=100-200', `${SPEC}; ${WPT} ["bytes\\t=100-200", true]`],
  ['spaces-after-equals', 'bytes=  100-200', `${SPEC}; ${WPT} ["bytes=  100-200", true]`],
  ['tabs-after-equals', 'bytes=\t\t100-200', `${SPEC}; ${WPT} ["bytes=\\t\\t100-200", true]`],
  ['space-tab-after-equals', 'bytes= \t100-200', `${SPEC}; ${WPT} ["bytes= \\t100-200", true]`],
  ['space-before-hyphen', 'bytes=100 -200', `${SPEC}; ${WPT} ["bytes=100 -200", true]`],
  ['tab-before-hyphen', 'bytes=100\t-200', `${SPEC}; ${WPT} ["bytes=100\\t-200", true]`],
  ['space-after-hyphen', 'bytes=100- 200', `${SPEC}; ${WPT} ["bytes=100- 200", true]`],
  ['tab-after-hyphen', 'bytes=100-\t200', `${SPEC}; ${WPT} ["bytes=100-\\t200", true]`],
  ['trailing-garbage', 'bytes=100-200hello', `${SPEC}; ${WPT} ["bytes=100-200hello", true]`],
  ['non-digits', 'bytes=abc-def', `${SPEC}; ${WPT} ["bytes=abc-def", true]`],
  ['two-ranges', 'bytes=100-200,300-400', `${SPEC}; ${WPT} ["bytes=100-200,300-400", true]`],
  ['suffix-range', 'bytes=-200', `${SPEC}; ${WPT} ["bytes=-200", true]`],
  ['open-ended', 'bytes=200-', `${SPEC}; ${WPT} ["bytes=200-"]`],
  ['start-after-end', 'bytes=200-100', `${SPEC}; ${WPT} ["bytes=200-100", true]`],
  ['huge-numbers', `bytes=1${'0'.repeat(60)}-2${'0'.repeat(60)}`, `${SPEC}; ${WPT} [\`bytes=1\${'0'.repeat(60)}-2\${'0'.repeat(60)}\`, true]`],
  ['space-instead-of-equals', 'bytes 100-200', `${SPEC}; ${WPT} ["bytes 100-200", true]`],
  ['spaces-around-equals', 'bytes = 100-200', `${SPEC}; ${WPT} ["bytes = 100-200", true]`],
  ['leading-comma', ',bytes=100-200', `${SPEC}; ${WPT} [",bytes=100-200", true]`],
  ['comma-after-equals', 'bytes=,100-200', `${SPEC}; ${WPT} ["bytes=,100-200", true]`],
  ['zero-open', 'bytes=0-', SPEC],
  ['zero-zero', 'bytes=0-0', SPEC],
  ['equal-bounds', 'bytes=5-5', SPEC],
  ['uppercase-unit', 'BYTES=100-200', `${SPEC} (data must start with lowercase "bytes"); chromium services/network/public/cpp/cors/cors_unittest.cc:CheckCorsRangeSafelist (older Chromium expected IsCorsSafelistedHeader("range", "BYTES=100-200") true)`],
  ["mixedcase-unit", 'Bytes=0-', `${SPEC} (case-sensitive 'bytes')`],
  ['empty-value', '', SPEC],
  ['name-uppercase', 'bytes=0-10', `${SPEC} (the name is case-insensitive)`],
];

export const rangeCases: readonly CorsCase[] = values.map(([slug, value, source]) =>
  cls(`range-${slug}`, source, { headers: [[slug === 'name-uppercase' ? 'RANGE' : 'Range', value]] }),
);
