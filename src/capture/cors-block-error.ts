import type { Browser } from '../cors/browser-profile';

/**
 * The error string each browser ends a request with when CORS blocked it: webRequest's
 * `onErrorOccurred` error, and what a HAR writes (`_error`; Firefox's export writes none, see
 * `preflight-first.ts`). The browser never says why, and these strings also end other failures,
 * so they only say that the core's reading is needed.
 */
export const corsBlockError = { chromium: 'net::ERR_FAILED', firefox: 'NS_ERROR_DOM_BAD_URI' } as const satisfies Record<Browser, string>;

/** Every browser's {@link corsBlockError}, to test an error string against. */
export const corsBlockErrors: ReadonlySet<string> = new Set<string>(Object.values(corsBlockError));
