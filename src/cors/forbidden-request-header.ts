import type { BrowserProfile } from './browser-profile';
import { trimTabOrSpace } from './http-bytes';

/**
 * Forbidden request-header names: a page cannot set them; `Headers` silently drops them, so they
 * never cause a preflight.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 *
 * Chromium 156 (net/http/http_util.cc kForbiddenHeaderFields) also drops `User-Agent`, which the
 * standard no longer forbids. Firefox sends it (and preflights it).
 */
const FORBIDDEN_NAMES = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

/** Names whose value is checked for a forbidden method (CONNECT, TRACE, TRACK). */
const METHOD_OVERRIDE_NAMES = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

export type ForbiddenBecause = 'name' | 'prefix' | 'method-override' | 'user-agent';

/**
 * Why (`name`, `value`) is a forbidden request-header, or null when a page may set it.
 * `lowerName` must already be lowercase.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
export function isForbiddenRequestHeader(lowerName: string, value: string, profile: BrowserProfile): ForbiddenBecause | null {
  // 1. A byte-case-insensitive match for one of the forbidden names.
  if (FORBIDDEN_NAMES.has(lowerName)) return 'name';
  // Chromium 156 differs from the standard: User-Agent is still dropped (crbug.com/571722).
  if (lowerName === 'user-agent') return profile.forbidsUserAgent ? 'user-agent' : null;
  // 2. Starts with `proxy-` or `sec-`.
  if (lowerName.startsWith('sec-') || lowerName.startsWith('proxy-')) return 'prefix';
  // 3. X-HTTP-Method, X-HTTP-Method-Override, X-Method-Override whose value, split on commas
  //    and trimmed, names a forbidden method.
  if (METHOD_OVERRIDE_NAMES.has(lowerName) && namesForbiddenMethod(value)) return 'method-override';
  return null;
}

function namesForbiddenMethod(value: string): boolean {
  for (const part of value.split(',')) {
    const method = trimTabOrSpace(part).toUpperCase();
    if (method === 'CONNECT' || method === 'TRACE' || method === 'TRACK') return true;
  }
  return false;
}
