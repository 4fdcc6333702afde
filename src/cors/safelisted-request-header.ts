import type { BrowserProfile } from './browser-profile';
import { isCorsSafelistedContentType, mimeTypeEssence } from './content-type';
import { indexOfCorsUnsafeRequestHeaderByte, indexOfNonAsciiByte, indexOfNonLanguageByte } from './http-bytes';
import { type RangeProblem, simpleRangeProblem } from './simple-range-header-value';

/** Why a header is not a CORS-safelisted request-header. Plain data: reasons carry it as `detail`. */
export type SafelistFailure =
  | { readonly kind: 'name-not-safelisted' }
  | { readonly kind: 'value-too-long'; readonly length: number; readonly limit: 128 }
  | { readonly kind: 'unsafe-byte'; readonly byte: number; readonly position: number }
  | { readonly kind: 'non-ascii-byte'; readonly byte: number; readonly position: number }
  | { readonly kind: 'language-byte'; readonly byte: number; readonly position: number }
  | { readonly kind: 'mime-type-not-safelisted'; readonly essence: string | null }
  | { readonly kind: 'range-not-simple'; readonly problem: RangeProblem }
  | { readonly kind: 'client-hint-value'; readonly expected: string };

/** How each safelisted name's value is checked. */
export type ValueRule = 'accept' | 'language' | 'content-type' | 'range' | 'any' | 'double' | 'int' | 'ect' | 'save-data';

/**
 * The names the standard safelists.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
const STANDARD: ReadonlyArray<readonly [string, ValueRule]> = [
  ['accept', 'accept'],
  ['accept-language', 'language'],
  ['content-language', 'language'],
  ['content-type', 'content-type'],
  ['range', 'range'],
];

/**
 * Chromium 156 differs from the standard: services/network/public/cpp/cors/cors.cc also
 * safelists client hints and `Intervention`. (Its `sec-ch-*` names are forbidden to pages anyway.)
 */
const CHROMIUM_EXTRA: ReadonlyArray<readonly [string, ValueRule]> = [
  ['intervention', 'any'],
  ['device-memory', 'double'],
  ['dpr', 'double'],
  ['downlink', 'double'],
  ['width', 'int'],
  ['viewport-width', 'int'],
  ['rtt', 'int'],
  ['ect', 'ect'],
  ['save-data', 'save-data'],
];

const STANDARD_RULES = new Map<string, ValueRule>(STANDARD);
const CHROMIUM_RULES = new Map<string, ValueRule>([...STANDARD, ...CHROMIUM_EXTRA]);

/** Effective connection types Chromium accepts in `ECT` (network::kWebEffectiveConnectionTypeMapping). */
const ECT_VALUES = new Set(['slow-2g', '2g', '3g', '4g']);

const NAME_NOT_SAFELISTED: SafelistFailure = Object.freeze({ kind: 'name-not-safelisted' });

/** `1*DIGIT [ "." 1*DIGIT ]` */
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isDoubleLike(value: string): boolean {
  let i = 0;
  while (i < value.length && isDigit(value.charCodeAt(i))) i++;
  if (i === 0) return false;
  if (i === value.length) return true;
  if (value.charCodeAt(i) !== 0x2e) return false;
  const afterDot = ++i;
  while (i < value.length && isDigit(value.charCodeAt(i))) i++;
  return i === value.length && i > afterDot;
}

/** `1*DIGIT` */
function isIntLike(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

const chromiumAccept = new Map<string, SafelistFailure | null>();
const chromiumContentType = new Map<string, SafelistFailure | null>();
const firefoxAccept = new Map<string, SafelistFailure | null>();
const firefoxContentType = new Map<string, SafelistFailure | null>();

/** `Accept` and `Content-Type`: no CORS-unsafe byte; for Content-Type, one of the three MIME types. */
function mediaTypeFailure(rule: 'accept' | 'content-type', value: string, profile: BrowserProfile): SafelistFailure | null {
  const at = indexOfCorsUnsafeRequestHeaderByte(value);
  if (at >= 0) return { kind: 'unsafe-byte', byte: value.charCodeAt(at), position: at };
  // Firefox also treats bytes 0x80 and above as unsafe in these two.
  if (profile.highBytesUnsafe) {
    const high = indexOfNonAsciiByte(value);
    if (high >= 0) return { kind: 'non-ascii-byte', byte: value.charCodeAt(high), position: high };
  }
  if (rule === 'accept') return null;
  const essence = mimeTypeEssence(value);
  return isCorsSafelistedContentType(essence) ? null : { kind: 'mime-type-not-safelisted', essence };
}

/** Whether `lowerName` is a name this browser safelists (value aside). */
export function isCorsSafelistedRequestHeaderName(lowerName: string, profile: BrowserProfile): boolean {
  return (profile.safelistsClientHints ? CHROMIUM_RULES : STANDARD_RULES).has(lowerName);
}

/**
 * Why (`lowerName`, `value`) is not a CORS-safelisted request-header, or null when it is one.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 *
 * 1. If the value is longer than 128 bytes, it is not.
 * 2. By name: `Accept` must hold no CORS-unsafe request-header byte; `Accept-Language` and
 *    `Content-Language` only 0-9 A-Z a-z space `*,-.;=`; `Content-Type` no CORS-unsafe byte and a
 *    MIME type whose essence is one of the three; `Range` a simple range header value.
 */
export function corsSafelistFailure(lowerName: string, value: string, profile: BrowserProfile): SafelistFailure | null {
  return corsSafelistFailureByRule(safelistRule(lowerName, profile), value, profile);
}

/** How this browser checks a safelisted name's value, or null when the name is not safelisted. */
export function safelistRule(lowerName: string, profile: BrowserProfile): ValueRule | null {
  return (profile.safelistsClientHints ? CHROMIUM_RULES : STANDARD_RULES).get(lowerName) ?? null;
}

/**
 * {@link corsSafelistFailure} with the name's rule already looked up (the author header list
 * memoizes it per name, so the hot path skips this Map lookup).
 */
export function corsSafelistFailureByRule(rule: ValueRule | null, value: string, profile: BrowserProfile): SafelistFailure | null {
  if (rule === null) return NAME_NOT_SAFELISTED;
  // 1. Length.
  if (value.length > 128) return { kind: 'value-too-long', length: value.length, limit: 128 };
  // 2. By name.
  switch (rule) {
    case 'accept':
    case 'content-type': {
      // Pages send the same few Accept and Content-Type values over and over: check each once.
      const memo = profile.highBytesUnsafe ? (rule === 'accept' ? firefoxAccept : firefoxContentType) : rule === 'accept' ? chromiumAccept : chromiumContentType;
      const hit = memo.get(value);
      if (hit !== undefined) return hit;
      if (memo.size >= 256) memo.clear();
      const failure = mediaTypeFailure(rule, value, profile);
      memo.set(value, failure);
      return failure;
    }
    case 'language': {
      const at = indexOfNonLanguageByte(value);
      return at < 0 ? null : { kind: 'language-byte', byte: value.charCodeAt(at), position: at };
    }
    case 'range': {
      const problem = simpleRangeProblem(value);
      return problem === null ? null : { kind: 'range-not-simple', problem };
    }
    case 'double':
      return isDoubleLike(value) ? null : { kind: 'client-hint-value', expected: 'a number such as 2 or 1.5' };
    case 'int':
      return isIntLike(value) ? null : { kind: 'client-hint-value', expected: 'a whole number such as 800' };
    case 'ect':
      return ECT_VALUES.has(value) ? null : { kind: 'client-hint-value', expected: 'one of slow-2g, 2g, 3g, 4g' };
    case 'save-data':
      return value.toLowerCase() === 'on' ? null : { kind: 'client-hint-value', expected: 'on' };
    case 'any':
      return null;
  }
}
