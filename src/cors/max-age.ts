import type { BrowserProfile } from './browser-profile';
import { trimTabOrSpace } from './http-bytes';

export interface MaxAge {
  /** The header value as received, or null when absent. */
  readonly raw: string | null;
  /** Seconds as parsed, or null when absent or not an integer. */
  readonly seconds: number | null;
  /** How long this browser caches the preflight, in seconds. */
  readonly effective: number;
}


/** What the extension suggests sending: Chromium's cap (2 h), which Firefox (24 h) honours too. */
export const SUGGESTED_MAX_AGE = 7200;

/** Parse an Access-Control-Max-Age value as base::StringToInt64 accepts it: optional sign, digits, nothing else. */
export function parseMaxAgeSeconds(raw: string): number | null {
  let i = raw.charCodeAt(0) === 0x2b || raw.charCodeAt(0) === 0x2d ? 1 : 0;
  if (i === raw.length) return null;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Access-Control-Max-Age as the browser applies it: absent or unparsable -> the browser's default
 * (5 s in Chromium, not cached in Firefox); negative -> 0 (not cached); capped at the browser's limit. The standard leaves the cap to the user agent:
 * Chromium 156 caps at 2 h (services/network/cors/preflight_result.cc), Firefox at 24 h. The
 * value is read without its surrounding tabs and spaces, as a header value is.
 * @see https://fetch.spec.whatwg.org/#http-access-control-max-age
 */
export function parseMaxAge(raw: string | null, profile: BrowserProfile): MaxAge {
  const value = raw === null ? null : trimTabOrSpace(raw);
  const seconds = value === null || (!profile.maxAgeTakesPlusSign && value.startsWith('+')) ? null : parseMaxAgeSeconds(value);
  const effective = seconds === null ? profile.defaultMaxAge : seconds < 0 ? 0 : Math.min(seconds, profile.maxAgeCap);
  return { raw, seconds, effective };
}

/** How long `profile`'s browser caches a preflight without a valid Access-Control-Max-Age, in words. */
export function defaultCaching(profile: BrowserProfile): string {
  return profile.defaultMaxAge > 0 ? `${profile.label} caches the preflight only ${profile.defaultMaxAge} s` : `${profile.label} does not cache the preflight at all: every request is preflighted`;
}
