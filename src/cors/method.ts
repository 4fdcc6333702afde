import { isHttpToken } from './http-bytes';

/**
 * Methods fetch() upper-cases; any other method is sent exactly as written ("patch" stays "patch").
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
const NORMALIZED = new Map<string, string>(
  (['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'] as const).map((m) => [m.toLowerCase(), m]),
);

/** Normalize a method the way `new Request()` does. */
export function normalizeMethod(method: string): string {
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'DELETE' || method.length > 7) return method;
  return NORMALIZED.get(method.toLowerCase()) ?? method;
}

/**
 * A CORS-safelisted method: `GET`, `HEAD` or `POST` (byte-exact, after normalization).
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 */
export const corsSafelistedMethods = ['GET', 'HEAD', 'POST'] as const;
export type CorsSafelistedMethod = (typeof corsSafelistedMethods)[number];

export function isCorsSafelistedMethod(method: string): method is CorsSafelistedMethod {
  return method === 'GET' || method === 'POST' || method === 'HEAD';
}

/**
 * A forbidden method: `CONNECT`, `TRACE` or `TRACK`, byte-case-insensitive. fetch() throws on them.
 * @see https://fetch.spec.whatwg.org/#forbidden-method
 */
export function isForbiddenMethod(method: string): boolean {
  if (method.length !== 5 && method.length !== 7) return false;
  const upper = method.toUpperCase();
  return upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK';
}

/** Why fetch() would reject this method, or null when it accepts it. */
export function methodProblem(method: string): 'not-a-token' | 'forbidden' | null {
  // The methods pages send are tokens and not forbidden: skip the scans for them.
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'DELETE') return null;
  if (!isHttpToken(method)) return 'not-a-token';
  return isForbiddenMethod(method) ? 'forbidden' : null;
}
