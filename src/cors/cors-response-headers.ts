import { trimTabOrSpace } from './http-bytes';
import type { HeaderLines } from './types';

/**
 * The response headers the CORS checks read, collected in one pass over the header lines. Each
 * value is what the browser reads: every line with that name (byte-case-insensitive), each
 * trimmed of tabs and spaces, joined with ", " (Chromium's HttpResponseHeaders::GetNormalizedHeader,
 * the standard's "get"); null when absent.
 * @see https://fetch.spec.whatwg.org/#concept-header-list-get
 */
export interface CorsResponseHeaders {
  readonly allowOrigin: string | null;
  /** How many Access-Control-Allow-Origin lines there were. */
  readonly allowOriginLines: number;
  readonly allowCredentials: string | null;
  readonly allowMethods: string | null;
  readonly allowHeaders: string | null;
  readonly maxAge: string | null;
  readonly location: string | null;
  readonly vary: string | null;
  /** Whether any Access-Control-Allow-* header is present. */
  readonly anyAllow: boolean;
}

const ALLOW_PREFIX = 'access-control-allow-';

type Field = 'allowOrigin' | 'allowCredentials' | 'allowMethods' | 'allowHeaders' | 'maxAge' | 'location' | 'vary';

/**
 * Which field a header name is, or null. Names are told apart by length, then compared with the
 * spellings servers use (Title-Case, lowercase) by `===`; any other spelling is lowercased first.
 * No hashing, and most lines (Content-Type, Date, ...) cost one length test.
 */
function fieldOf(name: string): Field | null {
  // The first letter (any case) rules out Date, ETag, Expires, ... before any lowercasing.
  const first = name.charCodeAt(0) | 0x20;
  if (first !== 0x61 && first !== 0x6c && first !== 0x76) return null;
  switch (name.length) {
    case 4:
      return name === 'Vary' || name === 'vary' || name.toLowerCase() === 'vary' ? 'vary' : null;
    case 8:
      return name === 'Location' || name === 'location' || name.toLowerCase() === 'location' ? 'location' : null;
    case 22:
      return name === 'Access-Control-Max-Age' || name === 'access-control-max-age' || name.toLowerCase() === 'access-control-max-age' ? 'maxAge' : null;
    case 27:
      return name === 'Access-Control-Allow-Origin' || name === 'access-control-allow-origin' || name.toLowerCase() === 'access-control-allow-origin' ? 'allowOrigin' : null;
    case 28: {
      if (name === 'Access-Control-Allow-Methods' || name === 'access-control-allow-methods') return 'allowMethods';
      if (name === 'Access-Control-Allow-Headers' || name === 'access-control-allow-headers') return 'allowHeaders';
      const lower = name.toLowerCase();
      return lower === 'access-control-allow-methods' ? 'allowMethods' : lower === 'access-control-allow-headers' ? 'allowHeaders' : null;
    }
    case 32:
      return name === 'Access-Control-Allow-Credentials' || name === 'access-control-allow-credentials' || name.toLowerCase() === 'access-control-allow-credentials'
        ? 'allowCredentials'
        : null;
    default:
      return null;
  }
}

/** Any other Access-Control-Allow-* name (e.g. -Private-Network). */
function isOtherAllowName(name: string): boolean {
  return name.length > ALLOW_PREFIX.length && name.toLowerCase().lastIndexOf(ALLOW_PREFIX, 0) === 0;
}

/** `value` after the lines already read for the same name, if any. */
function join(previous: string | null, value: string): string {
  return previous === null ? value : `${previous}, ${value}`;
}

/**
 * One pass over the lines, collecting the headers the CORS checks read. (Locals, and one object
 * built at the end: the fields are written in registers, not into an object on every line.)
 */
export function readCorsResponseHeaders(headers: HeaderLines | null | undefined): CorsResponseHeaders {
  let allowOrigin: string | null = null;
  let allowOriginLines = 0;
  let allowCredentials: string | null = null;
  let allowMethods: string | null = null;
  let allowHeaders: string | null = null;
  let maxAge: string | null = null;
  let location: string | null = null;
  let vary: string | null = null;
  let anyAllow = false;
  const n = Array.isArray(headers) ? headers.length : 0;
  for (let i = 0; i < n; i++) {
    const line: unknown = (headers as HeaderLines)[i];
    if (typeof line !== 'object' || line === null || (line as ArrayLike<unknown>).length < 2) continue;
    const name: unknown = (line as ArrayLike<unknown>)[0];
    if (typeof name !== 'string') continue;
    const field = fieldOf(name);
    if (field === null) {
      if (!anyAllow && name.length > ALLOW_PREFIX.length && isOtherAllowName(name)) anyAllow = true;
      continue;
    }
    // (Trimmed here, once, not in each case: one call site keeps the helpers small enough to inline.)
    const raw = (line as ArrayLike<unknown>)[1];
    const value = trimTabOrSpace(typeof raw === 'string' ? raw : String(raw));
    switch (field) {
      case 'allowOrigin':
        anyAllow = true;
        allowOrigin = join(allowOrigin, value);
        allowOriginLines++;
        break;
      case 'allowCredentials':
        anyAllow = true;
        allowCredentials = join(allowCredentials, value);
        break;
      case 'allowMethods':
        anyAllow = true;
        allowMethods = join(allowMethods, value);
        break;
      case 'allowHeaders':
        anyAllow = true;
        allowHeaders = join(allowHeaders, value);
        break;
      case 'maxAge':
        maxAge = join(maxAge, value);
        break;
      case 'location':
        location = join(location, value);
        break;
      case 'vary':
        vary = join(vary, value);
        break;
    }
  }
  return { allowOrigin, allowOriginLines, allowCredentials, allowMethods, allowHeaders, maxAge, location, vary, anyAllow };
}

/** A response as the checks read it: its status and its CORS headers. */
export interface Answer {
  readonly status: number;
  readonly headers: CorsResponseHeaders;
}

/** Read an HttpResponseLike (or anything) into an Answer; null when it is not an object. */
export function readAnswer(value: unknown): Answer | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as { status?: unknown; headers?: unknown };
  return { status: Number(v.status), headers: readCorsResponseHeaders(v.headers as HeaderLines) };
}
