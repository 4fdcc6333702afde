import type { HeaderList } from '../capture/header-list';

/**
 * What the analysis keeps of one HAR entry: the request and response heads, times and the
 * browser's error. Bodies, cookies arrays and timings detail are dropped as the entry is read.
 */
export interface HarRecord {
  /** Position in `log.entries`. */
  readonly index: number;
  /** A CORS preflight (Chrome's `_resourceType: "preflight"`, or an OPTIONS carrying Access-Control-Request-Method). */
  readonly role: 'preflight' | 'request';
  readonly url: string;
  readonly method: string;
  /** webRequest's ResourceType, mapped from `_resourceType` or Sec-Fetch-Dest (`other` when neither says). */
  readonly type: string;
  /** Where the initiator origin can come from; resolved once the whole file is read. */
  readonly initiator: InitiatorHints;
  /**
   * Headers as sent; `null` when the HAR holds only the provisional headers of a request that
   * was never sent (Chrome's export of a request its preflight blocked: no response, headersSize -1).
   */
  readonly requestHeaders: HeaderList | null;
  /** 0 when the HAR has no response (Chrome writes 0, Playwright -1). */
  readonly status: number;
  readonly statusLine: string;
  readonly responseHeaders: HeaderList;
  /** Absolute URL of a 3xx response's target, or `null`. */
  readonly redirectUrl: string | null;
  /**
   * The browser's error (`_error`, `response._error`, `_failureText`), or `null`; Firefox's CORS
   * error for a request its preflight stopped (`preflight-first.ts`), which Firefox does not write.
   */
  readonly error: string | null;
  readonly fromCache: boolean;
  readonly times: RecordTimes;
}

/** Milliseconds since the epoch, each no earlier than the one before. */
export interface RecordTimes {
  readonly start: number;
  /** When the request head went out (start + blocked + dns + connect). */
  readonly send: number;
  /** When the response head arrived (send + send + wait). */
  readonly headers: number;
  readonly end: number;
}

/**
 * A thousandth of a millisecond: what a time moved after another event is moved past it by
 * (after, without passing anything that really came later).
 */
export const JUST_AFTER = 0.001;

export interface InitiatorHints {
  /** The request's `Origin` header. */
  readonly originHeader: string | undefined;
  /** The origin of `_initiator.url` (not for preflights, whose `_initiator.url` is their own URL). */
  readonly initiatorUrl: string | undefined;
  readonly pageref: string | undefined;
  /** The origin of the `Referer` header. */
  readonly referer: string | undefined;
}
