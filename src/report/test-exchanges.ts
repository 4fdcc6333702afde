/**
 * Small builders for the report tests and the benchmark: an {@link Exchange} as the capture
 * makes it, diagnosed by the real core (`diagnose`), from a few readable lines.
 *
 * @example
 * exchange({ method: 'PUT', headers: [['X-Api-Key', '1']], preflight: answer(204, allowOrigin, allowMethods('PUT')), response: answer(200, allowOrigin) })
 */
import { diagnose } from '../capture/diagnose';
import type { Exchange, PreflightCacheLink, PreflightRecord, ResponseRecord } from '../capture/exchange';
import type { HeaderList } from '../capture/header-list';
import { classify, type Browser } from '../cors/index';
import { corsBlockError } from '../capture/cors-block-error';

export const PAGE = 'https://app.example';
export const API = 'https://api.example';

export interface Answer {
  readonly status: number;
  readonly headers: HeaderList;
}

export interface ExchangeSpec {
  readonly id?: string;
  readonly method?: string;
  readonly url?: string;
  readonly origin?: string;
  /** Author headers as the page set them. */
  readonly headers?: HeaderList;
  /** Sent as a Cookie header (credentials: 'include'). */
  readonly cookie?: string;
  /** The preflight's answer; `'cached'` when the preflight cache answered instead. */
  readonly preflight?: Answer | 'cached' | null;
  /** Omitted after a preflight: the request was never sent (its preflight stopped it). */
  readonly response?: Answer | null;
  readonly error?: string | null;
  readonly startTime?: number;
  /** How long the preflight took (ms). */
  readonly preflightMs?: number;
  readonly cacheMaxAge?: number | null;
  /** The browser whose rules diagnose it (its user agent is sent too). Chromium when absent. */
  readonly browser?: Browser;
}

export function answer(status: number, ...headers: Array<readonly [string, string]>): Answer {
  return { status, headers };
}

export const allowOrigin = ['Access-Control-Allow-Origin', PAGE] as const;
export const allowCredentials = ['Access-Control-Allow-Credentials', 'true'] as const;
export const varyOrigin = ['Vary', 'Origin'] as const;
export const allowMethods = (methods: string): readonly [string, string] => ['Access-Control-Allow-Methods', methods];
export const allowHeaders = (names: string): readonly [string, string] => ['Access-Control-Allow-Headers', names];
export const maxAge = (seconds: number | string): readonly [string, string] => ['Access-Control-Max-Age', String(seconds)];

let counter = 0;

/** An exchange as the pairing engine ends it, with the core's diagnosis. */
export function exchange(spec: ExchangeSpec = {}): Exchange {
  const n = ++counter;
  const method = spec.method ?? 'GET';
  const url = spec.url ?? `${API}/items`;
  const origin = spec.origin ?? PAGE;
  const author = spec.headers ?? [];
  const start = spec.startTime ?? n * 10;
  const preflightMs = spec.preflightMs ?? 4;
  const preflightNeeded = spec.preflight !== undefined && spec.preflight !== null;
  const requestSent = !preflightNeeded || spec.response !== undefined;
  const sentHeaders: HeaderList = [
    ...author,
    ['Origin', origin],
    ['Sec-Fetch-Mode', 'cors'],
    ['User-Agent', spec.browser === 'firefox' ? 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0' : 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0'],
    ...(spec.cookie === undefined ? [] : ([['Cookie', spec.cookie]] as const)),
  ];
  const preflights: PreflightRecord[] = [];
  if (spec.preflight !== undefined && spec.preflight !== null && spec.preflight !== 'cached') {
    const names = classify({ url, origin, method, headers: author }).requestHeaders;
    preflights.push({
      requestId: `p${n}`,
      url,
      accessControlRequestMethod: method,
      accessControlRequestHeaders: names,
      requestHeaders: [
        ['Access-Control-Request-Method', method],
        ...(names.length > 0 ? ([['Access-Control-Request-Headers', names.join(',')]] as const) : []),
        ['Origin', origin],
        ['Sec-Fetch-Mode', 'cors'],
      ],
      response: record(spec.preflight, start + preflightMs),
      error: null,
      startTime: start,
      endTime: start + preflightMs,
    });
  }
  const responseAt = start + (preflights.length > 0 ? preflightMs : 0) + 10;
  const response = requestSent && spec.response !== undefined && spec.response !== null ? record(spec.response, responseAt) : null;
  const error = spec.error !== undefined ? spec.error : requestSent && response !== null ? null : corsBlockError[spec.browser ?? 'chromium'];
  const cache: PreflightCacheLink | null = spec.preflight === 'cached' ? { exchangeId: null, maxAge: spec.cacheMaxAge ?? null } : null;
  const settled: Exchange = {
    id: spec.id ?? `1:${n}`,
    tabId: 1,
    frameId: 0,
    initiator: origin,
    type: 'xmlhttprequest',
    mode: { value: 'cors', source: 'sec-fetch-mode' },
    method,
    url,
    requestHeaders: requestSent ? sentHeaders : null,
    startTime: start,
    endTime: responseAt,
    redirects: [],
    preflights,
    preflightCache: cache,
    response,
    error,
    state: error === null ? 'complete' : 'failed',
    diagnosis: null,
  };
  return { ...settled, diagnosis: diagnose(settled, spec.browser) };
}

function record(a: Answer, time: number): ResponseRecord {
  return { status: a.status, statusLine: `HTTP/1.1 ${a.status}`, headers: a.headers, time };
}

/** A passing simple GET. */
export const simpleGet = (spec: ExchangeSpec = {}): Exchange => exchange({ response: answer(200, allowOrigin, varyOrigin), ...spec });

/** A PUT whose preflight lacks Access-Control-Allow-Origin (PreflightMissingAllowOriginHeader). */
export const failingPut = (spec: ExchangeSpec = {}): Exchange =>
  exchange({ method: 'PUT', headers: [['Content-Type', 'application/json']], preflight: answer(204), ...spec });
