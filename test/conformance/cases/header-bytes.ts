/**
 * One byte at a time in the value of each CORS-safelisted header.
 *
 * Accept and Content-Type fail on a CORS-unsafe request-header byte; Accept-Language and
 * Content-Language allow only alphanumerics and ` *,-.;=`. Bytes >= 0x80 are written as the
 * Latin-1 code point (fetch() takes a ByteString). 0x00, 0x0A and 0x0D are not here: fetch() throws
 * a TypeError for them before anything reaches the network.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
import { cls, hex, type CorsCase } from './case';

const NAMES: Readonly<Record<number, string>> = {
  0x09: 'tab', 0x20: 'space', 0x21: 'bang', 0x22: 'dquote', 0x23: 'hash', 0x24: 'dollar',
  0x25: 'percent', 0x26: 'amp', 0x27: 'squote', 0x28: 'lparen', 0x29: 'rparen', 0x2a: 'star',
  0x2b: 'plus', 0x2c: 'comma', 0x2d: 'hyphen', 0x2e: 'dot', 0x2f: 'slash', 0x30: 'digit',
  0x3a: 'colon', 0x3b: 'semicolon', 0x3c: 'lt', 0x3d: 'equals', 0x3e: 'gt', 0x3f: 'question',
  0x40: 'at', 0x5a: 'letter', 0x5b: 'lbracket', 0x5c: 'backslash', 0x5d: 'rbracket',
  0x5e: 'caret', 0x5f: 'underscore', 0x60: 'backtick', 0x7b: 'lbrace', 0x7c: 'pipe',
  0x7d: 'rbrace', 0x7e: 'tilde', 0x7f: 'del', 0x80: 'latin1-first', 0xa0: 'nbsp',
  0xe9: 'e-acute', 0xff: 'y-diaeresis',
};

function byteName(byte: number): string {
  return NAMES[byte] ?? (byte < 0x20 ? 'ctl' : 'byte');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The CORS-unsafe request-header bytes that fetch() lets through (not 0x00, 0x0A, 0x0D). */
const UNSAFE = [
  ...range(0x01, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f),
  0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f,
];
/** Bytes that are not CORS-unsafe, including the edges (tab, space) and non-ASCII. */
const NOT_UNSAFE_ACCEPT = [0x09, 0x20, 0x21, 0x2a, 0x2c, 0x3b, 0x3d, 0x5e, 0x5f, 0x60, 0x7c, 0x7e, 0x80, 0xa0, 0xe9, 0xff];
const NOT_UNSAFE_CONTENT_TYPE = [0x09, 0x20, 0x21, 0x5e, 0x7c, 0x7e, 0x80, 0xe9, 0xff];

/** Accept-Language / Content-Language: what is outside alphanumerics and ` *,-.;=`. */
const LANGUAGE_DISALLOWED = [
  0x01, 0x09, 0x1f, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2b, 0x2f, 0x3a, 0x3c,
  0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x80, 0xe9, 0xff,
];
const LANGUAGE_ALLOWED = [0x20, 0x2a, 0x2c, 0x2d, 0x2e, 0x30, 0x3b, 0x3d, 0x5a];

interface HeaderTable {
  readonly header: string;
  readonly slug: string;
  /** The value with the byte in the middle, so fetch()'s whitespace trimming never removes it. */
  readonly value: (byte: string) => string;
  readonly chromiumTest: string;
  readonly groups: ReadonlyArray<readonly [label: string, bytes: readonly number[], rule: string]>;
}

const UNSAFE_RULE = 'fetch.bs#cors-unsafe-request-header-byte';
const LANGUAGE_RULE = 'fetch.bs#cors-safelisted-request-header (Accept-Language/Content-Language: alphanumerics and " *,-.;=" only)';

const tables: readonly HeaderTable[] = [
  {
    header: 'Accept', slug: 'accept', value: (b) => `text/x${b}y`,
    chromiumTest: 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedAccept',
    groups: [['unsafe', UNSAFE, UNSAFE_RULE], ['safe', NOT_UNSAFE_ACCEPT, UNSAFE_RULE]],
  },
  {
    header: 'Content-Type', slug: 'content-type', value: (b) => `text/plain; charset=x${b}y`,
    chromiumTest: 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedContentType',
    groups: [['unsafe', UNSAFE, UNSAFE_RULE], ['safe', NOT_UNSAFE_CONTENT_TYPE, UNSAFE_RULE]],
  },
  {
    header: 'Accept-Language', slug: 'accept-language', value: (b) => `en${b}us`,
    chromiumTest: 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedAcceptLanguage',
    groups: [['disallowed', LANGUAGE_DISALLOWED, LANGUAGE_RULE], ['allowed', LANGUAGE_ALLOWED, LANGUAGE_RULE]],
  },
  {
    header: 'Content-Language', slug: 'content-language', value: (b) => `de${b}de`,
    chromiumTest: 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedContentLanguage',
    groups: [['disallowed', LANGUAGE_DISALLOWED, LANGUAGE_RULE], ['allowed', LANGUAGE_ALLOWED, LANGUAGE_RULE]],
  },
];

export const headerByteCases: readonly CorsCase[] = tables.flatMap((table) =>
  table.groups.flatMap(([label, bytes, rule]) =>
    bytes.map((byte) =>
      cls(`${table.slug}-${label}-${hex(byte)}-${byteName(byte)}`, `${rule}; ${table.chromiumTest}`, {
        headers: [[table.header, table.value(String.fromCharCode(byte))]],
      }),
    ),
  ),
);

/** Values with no odd byte at all: the baseline of each table, and the empty value. */
export const headerBaselineCases: readonly CorsCase[] = [
  cls('accept-empty-value', 'fetch.bs#cors-safelisted-request-header (empty value contains no CORS-unsafe byte); chromium services/network/public/cpp/cors/cors.cc:IsCorsSafelistedHeader', {
    headers: [['Accept', '']],
  }),
  cls('accept-quality-params', "fetch.bs#cors-safelisted-request-header; fetch.bs#cors-unsafe-request-header-byte (';' and '=' are not unsafe)", {
    headers: [['Accept', 'text/html;q=0.9,*/*;q=0.8']],
  }),
  cls('accept-star-star', 'fetch.bs#cors-safelisted-request-header; chromium services/network/public/cpp/cors/preflight_result_unittest.cc:kHeaderCases (Accept:*/*)', {
    headers: [['Accept', '*/*']],
  }),
  cls('accept-name-mixedcase', 'fetch.bs#cors-safelisted-request-header (names are byte-case-insensitive); chromium cors_unittest.cc:SafelistedAccept ("AccepT")', {
    headers: [['AccepT', 'text/html']],
  }),
  cls('accept-language-en-ja', 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedAcceptLanguage ("en,ja")', {
    headers: [['Accept-Language', 'en,ja']],
  }),
  cls('accept-language-empty-value', 'fetch.bs#cors-safelisted-request-header (empty value passes the byte check)', {
    headers: [['Accept-Language', '']],
  }),
  cls('accept-language-underscore', "fetch.bs#cors-safelisted-request-header ('_' 0x5F is not in the allowed set); chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedAcceptLanguage", {
    headers: [['Accept-Language', 'en_US']],
  }),
  cls('accept-language-quality', 'fetch.bs#cors-safelisted-request-header', {
    headers: [['Accept-Language', 'fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5']],
  }),
  cls('content-language-en-ja', 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedContentLanguage ("en,ja")', {
    headers: [['Content-Language', 'en,ja']],
  }),
  cls('content-language-name-mixedcase', 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedContentLanguage ("cONTent-LANguaGe")', {
    headers: [['cONTent-LANguaGe', 'en,ja']],
  }),
  cls('content-language-empty-value', 'fetch.bs#cors-safelisted-request-header (empty value passes the byte check)', {
    headers: [['Content-Language', '']],
  }),
  cls('accept-leading-trailing-whitespace', 'fetch.bs#concept-header-value-normalize (fetch() strips leading and trailing HTTP whitespace before the check)', {
    headers: [['Accept', ' \ttext/html\t ']],
  }),
];
