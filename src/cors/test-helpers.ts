/**
 * Builders for the core's unit tests: `request('PUT', { 'x-api-key': '1' })`,
 * `answer(204, { 'Access-Control-Allow-Origin': PAGE })`.
 */
import type { CorsExchange, CorsRequest, CredentialsMode, HeaderLines, HttpResponseLike } from './types';

export const PAGE = 'https://app.example';
export const API = 'https://api.example';

type Headers = Record<string, string> | HeaderLines;

function lines(headers: Headers | undefined): HeaderLines {
  if (headers === undefined) return [];
  return Array.isArray(headers) ? (headers as HeaderLines) : Object.entries(headers);
}

export interface RequestOptions {
  readonly url?: string;
  readonly origin?: string;
  readonly credentials?: CredentialsMode;
}

/** A cross-origin request from PAGE to API by default. */
export function request(method = 'GET', headers?: Headers, options: RequestOptions = {}): CorsRequest {
  const r: CorsRequest = { url: options.url ?? `${API}/items`, origin: options.origin ?? PAGE, method, headers: lines(headers) };
  return options.credentials === undefined ? r : { ...r, credentials: options.credentials };
}

export function answer(status: number, headers?: Headers): HttpResponseLike {
  return { status, headers: lines(headers) };
}

export function exchange(req: CorsRequest, preflight?: HttpResponseLike | null, response?: HttpResponseLike | null): CorsExchange {
  return { request: req, preflight: preflight ?? null, response: response ?? null };
}

/** The preflight answer that allows `req` (origin, method, headers). */
export function allowing(req: CorsRequest, extra: Record<string, string> = {}): HttpResponseLike {
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': req.origin, 'Access-Control-Allow-Methods': req.method };
  const names = req.headers.map(([n]) => n.toLowerCase());
  if (names.length > 0) headers['Access-Control-Allow-Headers'] = names.join(', ');
  if (req.credentials === 'include') headers['Access-Control-Allow-Credentials'] = 'true';
  return answer(204, { ...headers, 'Access-Control-Max-Age': '600', ...extra });
}

/** An actual response that passes the CORS check for `req`. */
export function ok(req: CorsRequest, extra: Record<string, string> = {}): HttpResponseLike {
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': req.origin, Vary: 'Origin' };
  if (req.credentials === 'include') headers['Access-Control-Allow-Credentials'] = 'true';
  return answer(200, { ...headers, ...extra });
}
