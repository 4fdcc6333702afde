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

const FIELDS = ['allowOrigin', 'allowCredentials', 'allowMethods', 'allowHeaders', 'maxAge', 'location', 'vary'] as const;
type Field = (typeof FIELDS)[number];

const LOWERCASE_NAMES: ReadonlyArray<readonly [string, Field]> = [
  ['access-control-allow-origin', 'allowOrigin'],
  ['access-control-allow-credentials', 'allowCredentials'],
  ['access-control-allow-methods', 'allowMethods'],
  ['access-control-allow-headers', 'allowHeaders'],
  ['access-control-max-age', 'maxAge'],
  ['location', 'location'],
  ['vary', 'vary'],
];

function titleCase(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_, dash: string, ch: string) => dash + ch.toUpperCase());
}

/**
 * Names as servers usually spell them (lowercase, Title-Case) map straight to their field: a Map
 * lookup is far cheaper than a case-insensitive comparison. Other spellings are lowercased first.
 */
const BY_NAME = new Map<string, Field>();
for (const [lower, field] of LOWERCASE_NAMES) {
  BY_NAME.set(lower, field);
  BY_NAME.set(titleCase(lower), field);
}
const BY_LOWERCASE = new Map<string, Field>(LOWERCASE_NAMES);

function join(previous: string | null, raw: unknown): string {
  const value = trimTabOrSpace(typeof raw === 'string' ? raw : String(raw));
  return previous === null ? value : `${previous}, ${value}`;
}

/** One pass over the lines, collecting the headers the CORS checks read. */
export function readCorsResponseHeaders(headers: HeaderLines | null | undefined): CorsResponseHeaders {
  const out: { -readonly [K in keyof CorsResponseHeaders]: CorsResponseHeaders[K] } = {
    allowOrigin: null,
    allowOriginLines: 0,
    allowCredentials: null,
    allowMethods: null,
    allowHeaders: null,
    maxAge: null,
    location: null,
    vary: null,
    anyAllow: false,
  };
  if (!Array.isArray(headers)) return out;
  for (let i = 0; i < headers.length; i++) {
    const line: unknown = headers[i];
    if (!Array.isArray(line) || line.length < 2) continue;
    const name: unknown = line[0];
    if (typeof name !== 'string') continue;
    let field = BY_NAME.get(name);
    if (field === undefined) {
      // Any other spelling: only names long enough to matter are lowercased.
      if (name.length !== 4 && name.length !== 8 && name.length <= ALLOW_PREFIX.length) continue;
      const lower = name.toLowerCase();
      if (lower.startsWith(ALLOW_PREFIX)) out.anyAllow = true;
      field = BY_LOWERCASE.get(lower);
      if (field === undefined) continue;
    }
    switch (field) {
      case 'allowOrigin':
        out.anyAllow = true;
        out.allowOrigin = join(out.allowOrigin, line[1]);
        out.allowOriginLines++;
        break;
      case 'allowCredentials':
        out.anyAllow = true;
        out.allowCredentials = join(out.allowCredentials, line[1]);
        break;
      case 'allowMethods':
        out.anyAllow = true;
        out.allowMethods = join(out.allowMethods, line[1]);
        break;
      case 'allowHeaders':
        out.anyAllow = true;
        out.allowHeaders = join(out.allowHeaders, line[1]);
        break;
      case 'maxAge':
        out.maxAge = join(out.maxAge, line[1]);
        break;
      case 'location':
        out.location = join(out.location, line[1]);
        break;
      case 'vary':
        out.vary = join(out.vary, line[1]);
        break;
    }
  }
  return out;
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
