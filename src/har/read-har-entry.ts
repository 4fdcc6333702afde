import type { Entry, Initiator, Request, Response, Timings } from 'har-format';
import { getHeader } from '../capture/header-list';
import type { HarRecord, InitiatorHints, RecordTimes } from './har-record';
import { readHarHeaders } from './har-headers';
import { webRequestType } from './resource-type';

/** What one entry gave: a record, or why it was left out. */
export type EntryReading =
  | { readonly kind: 'record'; readonly record: HarRecord; readonly oddHeaders: number; readonly timeGuessed: boolean }
  /** `url`: the request URL the reason is about, kept apart so an output that redacts can redact it. */
  | { readonly kind: 'skipped'; readonly reason: string; readonly url?: string }
  /** Not http(s) (`data:`, `blob:`, `chrome-extension:`, `ws:`): never CORS's business, as in live capture. */
  | { readonly kind: 'not-http' };

type Fields<T> = Partial<Record<keyof T, unknown>>;

/**
 * Reads one element of `log.entries` (already parsed, so of unknown shape) into a
 * {@link HarRecord}. Only `request.method` and an http(s) `request.url` are required; every
 * other field falls back to "not recorded" (no response, no headers, the previous entry's time).
 */
export function readHarEntry(index: number, raw: unknown, previousStart: number): EntryReading {
  if (!isObject(raw)) return { kind: 'skipped', reason: 'the entry is not an object' };
  const entry = raw as Fields<Entry> & Record<string, unknown>;
  if (!isObject(entry.request)) return { kind: 'skipped', reason: 'the entry has no "request" object' };
  const request = entry.request as Fields<Request>;
  const { url, method } = request;
  if (typeof url !== 'string' || url === '') return { kind: 'skipped', reason: 'the request has no "url"' };
  if (typeof method !== 'string' || method === '') return { kind: 'skipped', reason: 'the request has no "method"' };
  if (!/^https?:\/\//i.test(url)) return { kind: 'not-http' };
  if (!URL.canParse(url)) return { kind: 'skipped', reason: 'the request URL does not parse', url: url.slice(0, 200) };

  const response = (isObject(entry.response) ? entry.response : {}) as Fields<Response> & Record<string, unknown>;
  const sent = readHarHeaders(request.headers);
  const received = readHarHeaders(response.headers);
  const rawStatus = response.status;
  const status = typeof rawStatus === 'number' && Number.isInteger(rawStatus) && rawStatus > 0 ? rawStatus : 0;
  const error = firstText(entry['_error'], response['_error'], response['_failureText'], entry['_failureText']);
  // A request never sent (blocked by its preflight, or failed before) is exported with provisional headers.
  const provisional = status === 0 && request.headersSize === -1;
  const role = entry._resourceType === 'preflight' || (method === 'OPTIONS' && getHeader(sent.headers, 'access-control-request-method') !== undefined) ? 'preflight' : 'request';
  const start = Date.parse(typeof entry.startedDateTime === 'string' ? entry.startedDateTime : '');
  const timeGuessed = !Number.isFinite(start);
  return {
    kind: 'record',
    oddHeaders: sent.odd + received.odd,
    timeGuessed,
    record: {
      index,
      role,
      url,
      method,
      type: webRequestType(entry._resourceType, getHeader(sent.headers, 'sec-fetch-dest')),
      initiator: initiatorHints(entry, role, sent.headers),
      requestHeaders: provisional ? null : sent.headers,
      status,
      statusLine: status === 0 ? '' : statusLine(response, status),
      responseHeaders: received.headers,
      redirectUrl: status >= 300 && status < 400 ? redirectTarget(url, response.redirectURL, getHeader(received.headers, 'location')) : null,
      error,
      fromCache: isFromCache(entry['_fromCache']),
      times: recordTimes(timeGuessed ? previousStart : start, entry.time, entry.timings),
    },
  };
}

function initiatorHints(entry: Fields<Entry>, role: HarRecord['role'], sent: HarRecord['responseHeaders']): InitiatorHints {
  const initiator = entry._initiator;
  const initiatorUrl = typeof initiator === 'string' ? initiator : isObject(initiator) ? (initiator as Fields<Initiator>).url : undefined;
  const referer = getHeader(sent, 'referer');
  return {
    originHeader: getHeader(sent, 'origin')?.trim(),
    initiatorUrl: role === 'preflight' || typeof initiatorUrl !== 'string' ? undefined : originOrUndefined(initiatorUrl),
    pageref: typeof entry.pageref === 'string' ? entry.pageref : undefined,
    referer: referer === undefined ? undefined : originOrUndefined(referer),
  };
}

/** The status line webRequest would give (`HTTP/1.1 204 No Content`); HTTP/2 and HTTP/3 have no reason phrase. */
function statusLine(response: Fields<Response>, status: number): string {
  const version = typeof response.httpVersion === 'string' && response.httpVersion !== '' ? response.httpVersion : 'HTTP/1.1';
  const text = typeof response.statusText === 'string' ? response.statusText : '';
  return `${version} ${status}${text === '' ? '' : ` ${text}`}`;
}

function redirectTarget(url: string, redirectURL: unknown, location: string | undefined): string | null {
  const target = typeof redirectURL === 'string' && redirectURL !== '' ? redirectURL : location;
  if (target === undefined || target === '') return null;
  try {
    return new URL(target, url).href;
  } catch {
    return null;
  }
}

/**
 * Longer than this (a year), a duration is a broken export, not a request: read as not recorded.
 * Without a bound, phases of 1e308 sum to Infinity, which no event time or JSON report can hold.
 */
const MAX_DURATION_MS = 365 * 24 * 3600 * 1000;

/** How long after its start an entry's head went out, its response head came, and it ended. */
interface Phases {
  readonly toSend: number;
  readonly toHeaders: number;
  readonly toEnd: number;
}

const NO_PHASES: Phases = { toSend: 0, toHeaders: 0, toEnd: 0 };

/**
 * HAR gives the start and the phases' durations (-1 when a phase did not happen). The events are
 * placed where webRequest would fire them: the head goes out after blocked + dns + connect, the
 * response head arrives after send + wait, the end is start + time.
 */
function recordTimes(start: number, time: unknown, timings: unknown): RecordTimes {
  const phases = phasesOf(timings);
  const headers = start + phases.toHeaders;
  const total = isDuration(time) ? start + time : start + phases.toEnd;
  return { start, send: start + phases.toSend, headers, end: Math.max(total, headers) };
}

/** The phases' sums; all 0, as for an entry without timings, when they add up to no real duration. */
function phasesOf(timings: unknown): Phases {
  const t = (isObject(timings) ? timings : {}) as Fields<Timings>;
  const toSend = phase(t.blocked) + phase(t.dns) + phase(t.connect);
  const toHeaders = toSend + phase(t.send) + phase(t.wait);
  const toEnd = toHeaders + phase(t.receive);
  return isDuration(toEnd) ? { toSend, toHeaders, toEnd } : NO_PHASES;
}

function phase(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function isDuration(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DURATION_MS;
}

function firstText(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return null;
}

/** Chrome writes `_fromCache: "memory" | "disk"`. */
function isFromCache(value: unknown): boolean {
  return value === 'memory' || value === 'disk' || value === true;
}

function originOrUndefined(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
