/**
 * Byte classes from the Fetch and HTTP standards, as 256-entry lookup tables: the core runs on
 * every captured request, so these stay free of regular expressions and allocations.
 * Header names and values are byte strings; in JavaScript each char code is one byte (0x00-0xFF).
 */

function table(predicate: (byte: number) => boolean): Uint8Array {
  const t = new Uint8Array(256);
  for (let b = 0; b < 256; b++) t[b] = predicate(b) ? 1 : 0;
  return t;
}

/**
 * HTTP token code points: `!#$%&'*+-.^_\`|~`, digits and ASCII letters.
 * @see https://fetch.spec.whatwg.org/#header-name
 */
const TOKEN = table((b) => b > 0x20 && b < 0x7f && !'"(),/:;<=>?@[\\]{}'.includes(String.fromCharCode(b)));

/**
 * A CORS-unsafe request-header byte: 0x00-0x1F except 0x09, `"():<>?@[\]{}` and 0x7F.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
 */
const CORS_UNSAFE = table((b) => (b < 0x20 && b !== 0x09) || '"():<>?@[\\]{}'.includes(String.fromCharCode(b)) || b === 0x7f);

/**
 * The bytes an `Accept-Language` or `Content-Language` value may hold: 0-9 A-Z a-z, space and `*,-.;=`.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
const LANGUAGE = table(
  (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || ' *,-.;='.includes(String.fromCharCode(b)),
);

/** Whether `s` is a non-empty HTTP token (a valid header name or method). */
export function isHttpToken(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff || TOKEN[c] !== 1) return false;
  }
  return true;
}

/** Index of the first CORS-unsafe request-header byte in `value`, or -1. */
export function indexOfCorsUnsafeRequestHeaderByte(value: string): number {
  for (let i = 0, n = value.length; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x100 && CORS_UNSAFE[c] === 1) return i;
  }
  return -1;
}

/** Index of the first byte not allowed in a safelisted `Accept-Language`/`Content-Language` value, or -1. */
export function indexOfNonLanguageByte(value: string): number {
  for (let i = 0, n = value.length; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff || LANGUAGE[c] !== 1) return i;
  }
  return -1;
}

/** Index of the first byte at or above 0x80, or -1. */
export function indexOfNonAsciiByte(value: string): number {
  for (let i = 0, n = value.length; i < n; i++) if (value.charCodeAt(i) >= 0x80) return i;
  return -1;
}

/** HTTP whitespace: tab, LF, CR, space. @see https://fetch.spec.whatwg.org/#http-whitespace */
export function isHttpWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** HTTP tab or space, the only whitespace a parsed header field value is trimmed of. */
export function isHttpTabOrSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** `s` without leading and trailing tab or space; returns `s` itself when there is none. */
export function trimTabOrSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isHttpTabOrSpace(s.charCodeAt(start))) start++;
  while (end > start && isHttpTabOrSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** `0x7d` style hex for a byte. */
export function hexByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** A byte as a developer reads it: `0x7D ("}")`, or just the hex for control bytes. */
export function describeByte(byte: number): string {
  return byte > 0x20 && byte < 0x7f ? `${hexByte(byte)} ("${String.fromCharCode(byte)}")` : hexByte(byte);
}
