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

/** Compare the digits `a[aFrom, aTo)` and `b[bFrom, bTo)` as numbers (both non-empty), without slicing them out. */
function compareDigits(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  let i = aFrom;
  while (i < aTo - 1 && a.charCodeAt(i) === 0x30) i++;
  let j = bFrom;
  while (j < bTo - 1 && b.charCodeAt(j) === 0x30) j++;
  const la = aTo - i;
  const lb = bTo - j;
  if (la !== lb) return la - lb;
  for (let k = 0; k < la; k++) {
    const d = a.charCodeAt(i + k) - b.charCodeAt(j + k);
    if (d !== 0) return d;
  }
  return 0;
}

/** `bytes=` at the start (byte-case-sensitive), by char codes: startsWith costs more than the whole parse. */
function startsWithBytesUnit(value: string): boolean {
  return (
    value.length >= 6 &&
    value.charCodeAt(0) === 0x62 &&
    value.charCodeAt(1) === 0x79 &&
    value.charCodeAt(2) === 0x74 &&
    value.charCodeAt(3) === 0x65 &&
    value.charCodeAt(4) === 0x73 &&
    value.charCodeAt(5) === 0x3d
  );
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
  if (!startsWithBytesUnit(value)) return 'unit';
  // 2. start `-` end.
  const startEnd = digitsEnd(value, 6);
  if (startEnd >= value.length || value.charCodeAt(startEnd) !== 0x2d) return 'syntax';
  const endEnd = digitsEnd(value, startEnd + 1);
  if (endEnd !== value.length) return 'syntax';
  const hasStart = startEnd > 6;
  const hasEnd = endEnd > startEnd + 1;
  if (!hasStart && !hasEnd) return 'syntax';
  // 3. No suffix ranges.
  if (!hasStart) return 'suffix';
  const max = INT64_MAX.length;
  if (compareDigits(value, 6, startEnd, INT64_MAX, 0, max) >= 0 || (hasEnd && compareDigits(value, startEnd + 1, endEnd, INT64_MAX, 0, max) >= 0)) return 'too-large';
  // 4. start <= end.
  if (hasEnd && compareDigits(value, 6, startEnd, value, startEnd + 1, endEnd) > 0) return 'start-after-end';
  return null;
}
