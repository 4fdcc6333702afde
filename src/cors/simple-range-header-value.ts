/**
 * Why a `Range` value is not a simple range header value, or null when it is one.
 * @see https://fetch.spec.whatwg.org/#simple-range-header-value
 */
export const rangeProblems = ['unit', 'syntax', 'suffix', 'start-after-end', 'too-large'] as const;
export type RangeProblem = (typeof rangeProblems)[number];

/** int64 max: Chromium saturates larger positions to it and then rejects them. */
const INT64_MAX = '9223372036854775807';

function digitsEnd(value: string, from: number): number {
  let i = from;
  while (i < value.length) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  return i;
}

/** Compare two digit strings as numbers. */
function compareDigits(a: string, b: string): number {
  let i = 0;
  while (i < a.length - 1 && a.charCodeAt(i) === 0x30) i++;
  let j = 0;
  while (j < b.length - 1 && b.charCodeAt(j) === 0x30) j++;
  const la = a.length - i;
  const lb = b.length - j;
  if (la !== lb) return la - lb;
  for (let k = 0; k < la; k++) {
    const d = a.charCodeAt(i + k) - b.charCodeAt(j + k);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Parse a single range header value without whitespace, as Chromium's ParseFetchSingleRange does:
 * 1. The value must start with `bytes` (byte-case-sensitive), then `=`.
 * 2. Optional digits (the start), `-`, optional digits (the end), and nothing after.
 * 3. A range without a start (`bytes=-500`) is not safelisted; browsers never emitted those.
 * 4. The start must not be after the end.
 * Chromium 156 differs from the standard: a position of 2^63-1 or more is rejected (the standard
 * has no upper bound).
 */
export function simpleRangeProblem(value: string): RangeProblem | null {
  // 1. `bytes=`.
  if (!value.startsWith('bytes=')) return 'unit';
  // 2. start `-` end.
  const startEnd = digitsEnd(value, 6);
  if (startEnd >= value.length || value.charCodeAt(startEnd) !== 0x2d) return 'syntax';
  const endEnd = digitsEnd(value, startEnd + 1);
  if (endEnd !== value.length) return 'syntax';
  const start = value.slice(6, startEnd);
  const end = value.slice(startEnd + 1);
  if (start === '' && end === '') return 'syntax';
  // 3. No suffix ranges.
  if (start === '') return 'suffix';
  if (compareDigits(start, INT64_MAX) >= 0 || (end !== '' && compareDigits(end, INT64_MAX) >= 0)) return 'too-large';
  // 4. start <= end.
  if (end !== '' && compareDigits(start, end) > 0) return 'start-after-end';
  return null;
}
