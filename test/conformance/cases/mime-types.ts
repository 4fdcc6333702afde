/**
 * Content-Type: safelisted only when the value parses as a MIME type whose essence is
 * application/x-www-form-urlencoded, multipart/form-data or text/plain. Sent with GET, as the
 * classification does not depend on the method.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 * @see https://mimesniff.spec.whatwg.org/#parse-a-mime-type
 */
import { cls, type CorsCase } from './case';

const WPT = 'wpt cors/cors-safelisted-request-header.any.js';
const SPEC = 'fetch.bs#cors-safelisted-request-header';
const CHROMIUM = 'chromium services/network/public/cpp/cors/cors_unittest.cc:SafelistedContentType';

/** [slug, value, source]; the wpt rows keep their value verbatim. */
const values: ReadonlyArray<readonly [string, string, string]> = [
  ['text-plain', 'text/plain', `${SPEC}; ${CHROMIUM}`],
  ['text-plain-charset', 'text/plain; charset=utf-8', `${SPEC}; ${CHROMIUM}`],
  ['text-plain-spaces-around', '  text/plain ; charset=UTF-8', `${SPEC}; ${CHROMIUM}`],
  ['text-plain-bogus-param', 'text/plain; param=BOGUS', `${SPEC}; ${CHROMIUM}`],
  ['text-plain-uppercase-type', 'Text/plain', `${SPEC} (essence is ASCII-lowercased); ${CHROMIUM}`],
  ['text-plain-all-uppercase', 'TEXT/PLAIN', `${SPEC} (essence is ASCII-lowercased); ${CHROMIUM}`],
  ['form-urlencoded', 'application/x-www-form-urlencoded', `${SPEC}; ${CHROMIUM}`],
  ['form-urlencoded-charset', 'application/x-www-form-urlencoded;charset=UTF-8', SPEC],
  ['multipart', 'multipart/form-data', `${SPEC}; ${WPT} ["multipart/form-data"]`],
  ['multipart-boundary', 'multipart/form-data; boundary=----x', SPEC],
  ['text-html', 'text/html', `${SPEC}; ${CHROMIUM}`],
  ['image-png', 'image/png', `${SPEC}; ${CHROMIUM}`],
  ['application-json', 'application/json', `${SPEC} (the most common reason for a surprise preflight)`],
  ['application-json-charset', 'application/json; charset=utf-8', SPEC],
  ['text-csv', 'text/csv', SPEC],
  ['text-plain-quoted-charset', 'text/plain;charset="utf-8"', `fetch.bs#cors-unsafe-request-header-byte ('"' 0x22 is unsafe, although the MIME type parses)`],
  ['text-plain-trailing-semicolon', 'text/plain;', `${SPEC}; ${WPT} ["text/plain;"]`],
  ['text-plain-garbage-param', 'text/plain;garbage', `${SPEC}; ${WPT} ["text/plain;garbage"]`],
  ['text-plain-garbage-control-bytes', 'text/plain;garbage\u0001\u0002', `${SPEC}; ${WPT} ["text/plain;garbage\\u0001\\u0002", true]`],
  ['space-before-slash', 'text /plain', `${SPEC}; ${WPT} ["text /plain", true]`],
  ['tabs-around-slash', 'text\t/\tplain', `${SPEC}; ${WPT} ["text\\t/\\tplain", true]`],
  ['trailing-comma', 'text/plain,', `${SPEC}; ${WPT} ["text/plain,", true]`],
  ['leading-comma', ',text/plain', `${SPEC}; ${WPT} [",text/plain", true]`],
  ['two-types-comma', 'text/plain,text/plain', `${SPEC}; ${WPT} ["text/plain,text/plain", true]`],
  ['plain-then-other-type', 'text/plain,x/x', `${SPEC}; ${WPT} ["text/plain,x/x", true]`],
  ['vertical-tab', 'text/plain\u000B', `${SPEC}; ${WPT} ["text/plain\\u000B", true]`],
  ['form-feed', 'text/plain\u000C', `${SPEC}; ${WPT} ["text/plain\\u000C", true]`],
  ['www-form-urlencoded-no-x', 'application/www-form-urlencoded', `${SPEC}; ${WPT} ["application/www-form-urlencoded", true]`],
  ['form-urlencoded-del', 'application/x-www-form-urlencoded;\u007F', `${SPEC}; ${WPT} ["application/x-www-form-urlencoded;\\u007F", true]`],
  ['dquote-in-parameter', 'multipart/form-data;"', `fetch.bs#cors-unsafe-request-header-byte; ${WPT} ["multipart/form-data;\\"", true]`],
  ['type-only', 'text/', `${SPEC} (no subtype: parse failure)`],
  ['subtype-only', '/plain', `${SPEC} (no type: parse failure)`],
  ['three-parts', 'text/plain/x', `${SPEC} ('/' is not a token code point: parse failure)`],
  ['empty-value', '', `${SPEC} (empty: parse failure)`],
  ['star-star', '*/*', SPEC],
  ['text-plain-suffix', 'text/plainx', SPEC],
];

export const mimeTypeCases: readonly CorsCase[] = values.map(([slug, value, source]) =>
  cls(`content-type-${slug}`, source, { headers: [['Content-Type', value]] }),
);
