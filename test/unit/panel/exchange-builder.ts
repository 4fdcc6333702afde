/**
 * Exchanges for the panel's tests: the report tests' builder (src/report/test-exchanges.ts), so
 * one place knows how the capture shapes an exchange and the real core diagnoses it, here on the
 * playground's two origins, each exchange at its own `/api/<n>` unless a path is given.
 *
 * @example
 * exchange({ method: 'PUT', headers: [['X-Api-Key', 'k']], preflight: { status: 204, headers: [allowOrigin] }, error: 'net::ERR_FAILED' })
 */
import type { Exchange } from '../../../src/capture/exchange';
import type { HeaderList } from '../../../src/capture/header-list';
import type { Browser } from '../../../src/cors/index';
import { exchange as diagnosedExchange, type Answer } from '../../../src/report/test-exchanges';

const PAGE = 'http://127.0.0.1:8080';
const API = 'http://127.0.0.1:8081';
/** The rows show each exchange's duration; the panel's tests read this one. */
const DURATION_MS = 40;
let sequence = 0;

export interface ExchangeSpec {
  readonly method?: string;
  readonly path?: string;
  /** Author headers; Origin and Sec-Fetch-Mode are added as the browser would. */
  readonly headers?: HeaderList;
  /** Preflight response; omitted means no preflight was sent. */
  readonly preflight?: Answer;
  /** Actual response; omitted after a preflight means the preflight stopped the request. */
  readonly response?: Answer;
  readonly error?: string;
  /** The browser whose rules diagnose it; Chromium when absent. */
  readonly browser?: Browser;
}

/** An exchange as the capture pipeline produces it, diagnosed by the real core. */
export function exchange(spec: ExchangeSpec = {}): Exchange {
  sequence += 1;
  const { path = `/api/${sequence}`, ...rest } = spec;
  const startTime = 1_700_000_000_000 + sequence * 100;
  const built = diagnosedExchange({ ...rest, id: `1:${sequence}`, url: `${API}${path}`, origin: PAGE, startTime });
  return { ...built, endTime: startTime + DURATION_MS };
}

export const allowOrigin = ['Access-Control-Allow-Origin', PAGE] as const;
