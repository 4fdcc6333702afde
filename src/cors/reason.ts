import { describeByte } from './http-bytes';
import { corsSafelistedMethods } from './method';
import type { SafelistFailure } from './safelisted-request-header';
import { specLinks } from './spec-links';
import type { Reason } from './types';

/** Header names as a developer writes them: `content-type` -> `Content-Type`. */
export function displayName(lowerName: string): string {
  let out = '';
  let up = true;
  for (let i = 0; i < lowerName.length; i++) {
    const ch = lowerName[i] as string;
    out += up ? ch.toUpperCase() : ch;
    up = ch === '-';
  }
  return out;
}

const NORMALIZED_UPPERCASE = 'DELETE, GET, HEAD, OPTIONS, POST and PUT';

/**
 * A reason for a method that is not CORS-safelisted.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 */
export function methodReason(method: string): Reason {
  const hit = methodReasons.get(method);
  if (hit !== undefined) return hit;
  if (methodReasons.size >= 256) methodReasons.clear();
  const reason = Object.freeze(buildMethodReason(method));
  methodReasons.set(method, reason);
  return reason;
}

const methodReasons = new Map<string, Reason>();
const nameMessages = new Map<string, string>();

function buildMethodReason(method: string): Reason {
  const lower = method !== method.toUpperCase();
  const message = lower
    ? `${method} is not a CORS-safelisted method (GET, HEAD, POST) and fetch() sends it as written, "${method}" (it upper-cases only ${NORMALIZED_UPPERCASE}), so the server must allow exactly "${method}" with Access-Control-Allow-Methods: ${method}, or the page should write "${method.toUpperCase()}".`
    : `${method} is not a CORS-safelisted method (GET, HEAD, POST), so the browser sends a preflight and the server must answer it with Access-Control-Allow-Methods: ${method}.`;
  return {
    rule: 'method',
    header: null,
    value: method,
    detail: { kind: 'method-not-safelisted', method, safelisted: corsSafelistedMethods },
    message,
    link: specLinks.corsSafelistedMethod,
  };
}

function why(name: string, failure: SafelistFailure, value: string): string {
  const shown = displayName(name);
  switch (failure.kind) {
    case 'name-not-safelisted':
      return `${shown} is not a CORS-safelisted request header`;
    case 'value-too-long':
      return `the ${shown} value is ${failure.length} bytes long, over the 128-byte limit for a safelisted value`;
    case 'unsafe-byte':
      return `the ${shown} value holds the CORS-unsafe byte ${describeByte(failure.byte)} at position ${failure.position}`;
    case 'non-ascii-byte':
      return `the ${shown} value holds the byte ${describeByte(failure.byte)} at position ${failure.position}, which Firefox treats as unsafe`;
    case 'language-byte':
      return `the ${shown} value holds ${describeByte(failure.byte)} at position ${failure.position}, and a safelisted ${shown} may only hold letters, digits, space and *,-.;=`;
    case 'mime-type-not-safelisted':
      return failure.essence === null
        ? `the Content-Type value "${value}" does not parse as a MIME type, so it is not one of application/x-www-form-urlencoded, multipart/form-data or text/plain`
        : `Content-Type ${failure.essence} is not one of application/x-www-form-urlencoded, multipart/form-data or text/plain`;
    case 'range-not-simple':
      return `Range "${value}" is not a single "bytes=N-" or "bytes=N-M" range (${rangeWords[failure.problem]})`;
    case 'client-hint-value':
      return `the ${shown} value "${value}" is not ${failure.expected}`;
  }
}

const rangeWords = {
  unit: 'it must start with lowercase "bytes="',
  syntax: 'only digits, one "-" and no spaces or commas are allowed',
  suffix: 'a range without a start such as bytes=-500 is never safelisted',
  'start-after-end': 'the start is after the end',
  'too-large': 'a position of 2^63-1 or more is rejected',
} as const;

/**
 * A reason for a header the browser's own preflight listed, whose value was not observed: a name
 * that is not safelisted under any value is named as such; a safelisted one (Accept, Content-Type,
 * ...) was listed for its value, which rule it broke is not known.
 */
export function listedByPreflightReason(name: string, safelistedName: boolean): Reason {
  if (!safelistedName) return headerReason(name, '', { kind: 'name-not-safelisted' }, 1);
  return {
    rule: 'header-value',
    header: name,
    // The convention for a value that was not observed (src/report reads it so).
    value: '',
    detail: { kind: 'listed-by-preflight' },
    message:
      `The browser listed ${name} in the preflight's Access-Control-Request-Headers, so it counted the ${displayName(name)} value as not CORS-safelisted ` +
      `(the value was not observed: the preflight stopped the request, so it was never sent), and the server must allow it with Access-Control-Allow-Headers: ${name}.`,
    link: specLinks.corsSafelistedRequestHeader,
  };
}

/**
 * A reason for a header that is not a CORS-safelisted request-header.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export function headerReason(name: string, value: string, failure: SafelistFailure, joined: number): Reason {
  const nameRule = failure.kind === 'name-not-safelisted';
  if (nameRule) {
    // The common case (Authorization, X-Api-Key, ...): the sentence depends on the name only.
    let message = nameMessages.get(name);
    if (message === undefined) {
      if (nameMessages.size >= 1024) nameMessages.clear();
      message = `${displayName(name)} is not a CORS-safelisted request header, so the browser sends a preflight and the server must allow it with Access-Control-Allow-Headers: ${name}.`;
      nameMessages.set(name, message);
    }
    return { rule: 'header-name', header: name, value, detail: failure, message, link: specLinks.corsSafelistedRequestHeader };
  }
  if (joined === 1) {
    // Value failures repeat too (Content-Type: application/json on every call): reuse the reason.
    let byValue = valueReasons.get(name);
    if (byValue === undefined) {
      if (valueReasons.size >= 64) valueReasons.clear();
      valueReasons.set(name, (byValue = new Map()));
    }
    const hit = byValue.get(value);
    if (hit !== undefined) return hit;
    if (byValue.size >= 256) byValue.clear();
    const reason = Object.freeze(buildValueReason(name, value, failure, joined));
    byValue.set(value, reason);
    return reason;
  }
  return buildValueReason(name, value, failure, joined);
}

const valueReasons = new Map<string, Map<string, Reason>>();

function buildValueReason(name: string, value: string, failure: SafelistFailure, joined: number): Reason {
  const joinedNote =
    joined > 1 ? ` (Chromium joins the ${joined} ${displayName(name)} values with ", " before checking; the standard checks each)` : '';
  return {
    rule: 'header-value',
    header: name,
    value,
    detail: failure,
    message: `${capitalize(why(name, failure, value))}${joinedNote}, so the browser sends a preflight and the server must allow it with Access-Control-Allow-Headers: ${name}.`,
    link: linkFor(failure),
  };
}

function linkFor(failure: SafelistFailure): string {
  switch (failure.kind) {
    case 'unsafe-byte':
      return specLinks.corsUnsafeRequestHeaderByte;
    case 'range-not-simple':
      return specLinks.simpleRangeHeaderValue;
    default:
      return specLinks.corsSafelistedRequestHeader;
  }
}

/**
 * A reason for the 1,024-byte total of safelisted values.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function totalSizeReason(total: number, limit: number, headers: readonly string[]): Reason {
  return {
    rule: 'total-size',
    header: null,
    value: null,
    detail: { kind: 'total-size', total, limit, headers },
    message: `The safelisted header values add up to ${total} bytes, over the ${limit.toLocaleString('en-US')}-byte limit, so the browser preflights them all and the server must allow ${headers.join(', ')} in Access-Control-Allow-Headers.`,
    link: specLinks.corsUnsafeRequestHeaderNames,
  };
}

function capitalize(s: string): string {
  return s.length === 0 ? s : (s[0] as string).toUpperCase() + s.slice(1);
}
