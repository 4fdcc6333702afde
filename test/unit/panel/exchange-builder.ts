import { diagnose } from '../../../src/capture/diagnose';
import type { Exchange, PreflightRecord } from '../../../src/capture/exchange';
import type { HeaderList } from '../../../src/capture/header-list';

const PAGE = 'http://127.0.0.1:8080';
const API = 'http://127.0.0.1:8081';
let sequence = 0;

export interface ExchangeSpec {
  readonly method?: string;
  readonly path?: string;
  /** Author headers; Origin and the Fetch Metadata headers are added as Chromium would. */
  readonly headers?: HeaderList;
  /** Preflight response; omitted means no preflight was sent. */
  readonly preflight?: { status: number; headers: HeaderList };
  /** Actual response; omitted with `error` means the request was blocked. */
  readonly response?: { status: number; headers: HeaderList };
  readonly error?: string;
}

/** An exchange as the capture pipeline produces it, diagnosed by the real core. */
export function exchange(spec: ExchangeSpec = {}): Exchange {
  sequence += 1;
  const method = spec.method ?? 'GET';
  const url = `${API}${spec.path ?? `/api/${sequence}`}`;
  const start = 1_700_000_000_000 + sequence * 100;
  const authorHeaders = spec.headers ?? [];
  const sent: HeaderList = [...authorHeaders, ['Origin', PAGE], ['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Site', 'same-site']];
  const unsafe = [...new Set(authorHeaders.map(([n]) => n.toLowerCase()))].sort();
  const preflights: PreflightRecord[] =
    spec.preflight === undefined
      ? []
      : [
          {
            requestId: `p${sequence}`,
            url,
            accessControlRequestMethod: method,
            accessControlRequestHeaders: unsafe,
            requestHeaders: [
              ['Origin', PAGE],
              ['Access-Control-Request-Method', method],
              ...(unsafe.length > 0 ? ([['Access-Control-Request-Headers', unsafe.join(',')]] as const) : []),
            ],
            response: { status: spec.preflight.status, statusLine: `HTTP/1.1 ${spec.preflight.status}`, headers: spec.preflight.headers, time: start + 10 },
            error: null,
            startTime: start + 1,
            endTime: start + 12,
          },
        ];
  const blocked = spec.error !== undefined;
  const base: Exchange = {
    id: `1:${sequence}`,
    tabId: 1,
    frameId: 0,
    initiator: PAGE,
    type: 'xmlhttprequest',
    mode: { value: 'cors', source: 'sec-fetch-mode' },
    method,
    url,
    requestHeaders: blocked && spec.preflight !== undefined ? null : sent,
    startTime: start,
    endTime: start + 40,
    redirects: [],
    preflights,
    preflightCache: null,
    response: spec.response === undefined ? null : { status: spec.response.status, statusLine: `HTTP/1.1 ${spec.response.status}`, headers: spec.response.headers, time: start + 30 },
    error: spec.error ?? null,
    state: blocked ? 'failed' : 'complete',
    diagnosis: null,
  };
  return { ...base, diagnosis: diagnose(base) };
}

export const allowOrigin = ['Access-Control-Allow-Origin', PAGE] as const;
