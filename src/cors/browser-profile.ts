/**
 * Where the browsers the core speaks for decide differently, as data. Chromium 156 is the
 * default; Firefox's column follows what Firefox 153 was seen to do (see docs/cors-core.md).
 */
export const browsers = ['chromium', 'firefox'] as const;
export type Browser = (typeof browsers)[number];

export interface BrowserProfile {
  readonly browser: Browser;
  /** How the docs and messages name it. */
  readonly label: string;
  /** Repeated author headers are joined with ", " before the safelist check (Chromium) instead of checked one entry at a time (standard). */
  readonly joinsRepeatedHeaders: boolean;
  /** DPR, Save-Data, Device-Memory, Width, Viewport-Width, RTT, Downlink, ECT and Intervention are safelisted (Chromium only). */
  readonly safelistsClientHints: boolean;
  /** fetch() drops a page's User-Agent (Chromium; the standard no longer forbids it). */
  readonly forbidsUserAgent: boolean;
  /** Bytes 0x80 and above make Accept and Content-Type unsafe (Firefox). */
  readonly highBytesUnsafe: boolean;
  /** The 1,024-byte total of safelisted values, or null where it is not enforced. */
  readonly totalSizeLimit: number | null;
  /** Access-Control-Request-Headers is de-duplicated (everyone but Firefox). */
  readonly dedupesRequestHeaders: boolean;
  /** `Access-Control-Allow-Headers: *` covers Authorization (Chromium; the standard says it must not). */
  readonly wildcardCoversAuthorization: boolean;
  /** Preflight cache cap in seconds. */
  readonly maxAgeCap: number;
  /**
   * Seconds a preflight is cached without a valid Access-Control-Max-Age (absent, empty, `abc`,
   * `1.5`): 5 in Chromium 156, as the standard says; Firefox 153 does not cache it at all.
   * Measured: two PUTs 300 ms apart after such a preflight preflight once in Chromium, twice in Firefox.
   */
  readonly defaultMaxAge: number;
  /** A leading `+` is read as part of the number (Chromium's StringToInt64); Firefox takes digits only. */
  readonly maxAgeTakesPlusSign: boolean;
  /** A redirected preflight is followed and CORS-checked first, so a missing Allow-Origin is what fails (Firefox). */
  readonly followsPreflightRedirect: boolean;
  /** The method is checked before Access-Control-Allow-Headers is parsed (Firefox); Chromium parses both lists first. */
  readonly checksMethodBeforeAllowHeaders: boolean;
  /** Several origins inside one Allow-Origin line are a mismatch (Firefox); Chromium calls any space or comma multiple values. */
  readonly commaListIsMismatch: boolean;
}

export const browserProfiles = {
  chromium: {
    browser: 'chromium',
    label: 'Chromium',
    joinsRepeatedHeaders: true,
    safelistsClientHints: true,
    forbidsUserAgent: true,
    highBytesUnsafe: false,
    totalSizeLimit: 1024,
    dedupesRequestHeaders: true,
    wildcardCoversAuthorization: true,
    maxAgeCap: 7200,
    defaultMaxAge: 5,
    maxAgeTakesPlusSign: true,
    followsPreflightRedirect: false,
    checksMethodBeforeAllowHeaders: false,
    commaListIsMismatch: false,
  },
  firefox: {
    browser: 'firefox',
    label: 'Firefox',
    joinsRepeatedHeaders: false,
    safelistsClientHints: false,
    forbidsUserAgent: false,
    highBytesUnsafe: true,
    totalSizeLimit: null,
    dedupesRequestHeaders: false,
    wildcardCoversAuthorization: true,
    maxAgeCap: 86400,
    defaultMaxAge: 0,
    maxAgeTakesPlusSign: false,
    followsPreflightRedirect: true,
    checksMethodBeforeAllowHeaders: true,
    commaListIsMismatch: true,
  },
} as const satisfies Record<Browser, BrowserProfile>;

/** The profile for `browser`, Chromium when absent or unknown. */
export function browserProfile(browser: unknown): BrowserProfile {
  return browser === 'firefox' ? browserProfiles.firefox : browserProfiles.chromium;
}
