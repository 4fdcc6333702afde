/**
 * The shape of one conformance case and small builders for writing them.
 *
 * A case says what the page asks (`request`) and what the server answers (`preflight`,
 * `response`); it never says what the browser does: that is recorded by `replay.ts`.
 *
 * - Classification cases (`cls-*`) leave `preflight` and `response` null: the server answers
 *   permissively, so only "was a preflight sent, with which Access-Control-Request-Headers" is
 *   observed.
 * - Check cases (`chk-*`) give the exact preflight and/or actual response, header lines verbatim
 *   (a repeated name is a repeated line).
 */

export type HeaderList = ReadonlyArray<readonly [string, string]>;
export type Credentials = 'omit' | 'same-origin' | 'include';

export interface CaseResponse {
  readonly status: number;
  readonly headers: HeaderList;
}

export interface CaseRequest {
  /** Path on the target origin, unique per case so the preflight cache never interferes. */
  readonly path: string;
  /** `api` (cross-origin, the default) or `page` (same-origin). */
  readonly to: 'api' | 'page';
  /** `page` (the page origin) or `sandboxed-frame` (an opaque origin, serialized as "null"). */
  readonly from: 'page' | 'sandboxed-frame';
  /** As the page passes it to fetch(): "patch" stays "patch". */
  readonly method: string;
  /** As the page passes it to fetch(), in order, repeats allowed. */
  readonly headers: HeaderList;
  readonly credentials: Credentials;
}

export interface CorsCase {
  readonly id: string;
  /** Where the case comes from: fetch.bs anchors, wpt files, Chromium unit tests. */
  readonly source: string;
  readonly request: CaseRequest;
  readonly preflight: CaseResponse | null;
  readonly response: CaseResponse | null;
}

/**
 * The origins the fixture is recorded with. Case definitions write these literally (for instance
 * in Access-Control-Allow-Origin values); a replay on other ports rebases them
 * (see `../rebase-origins.ts`).
 */
export const PAGE_ORIGIN = 'http://127.0.0.1:8080';
export const API_ORIGIN = 'http://127.0.0.1:8081';

export interface RequestInit {
  readonly method?: string;
  readonly headers?: HeaderList;
  readonly credentials?: Credentials;
  readonly to?: 'api' | 'page';
  readonly from?: 'page' | 'sandboxed-frame';
}

/** A classification case: `cls-<slug>` at `/classify/<slug>`, answered permissively. */
export function cls(slug: string, source: string, init: RequestInit = {}): CorsCase {
  return {
    id: `cls-${slug}`,
    source,
    request: requestFor(`/classify/${slug}`, init),
    preflight: null,
    response: null,
  };
}

export interface CheckInit extends RequestInit {
  readonly preflight?: CaseResponse | null;
  readonly response?: CaseResponse | null;
}

/** A check case: `chk-<slug>` at `/check/<slug>`, answered exactly as given. */
export function chk(slug: string, source: string, init: CheckInit): CorsCase {
  return {
    id: `chk-${slug}`,
    source,
    request: requestFor(`/check/${slug}`, init),
    preflight: init.preflight ?? null,
    response: init.response ?? null,
  };
}

function requestFor(path: string, init: RequestInit): CaseRequest {
  return {
    path,
    to: init.to ?? 'api',
    from: init.from ?? 'page',
    method: init.method ?? 'GET',
    headers: init.headers ?? [],
    credentials: init.credentials ?? 'same-origin',
  };
}

/** An HTTP answer: `answer(204, ['Access-Control-Allow-Origin', PAGE_ORIGIN], ...)`. */
export function answer(status: number, ...headers: ReadonlyArray<readonly [string, string]>): CaseResponse {
  return { status, headers };
}

/** `Access-Control-Allow-Origin: <page origin>`, the line most answers start with. */
export const ACAO_PAGE = ['Access-Control-Allow-Origin', PAGE_ORIGIN] as const;

/** Shorthand for one header line. */
export function h(name: string, value: string): readonly [string, string] {
  return [name, value];
}

/** A printable slug for a byte: `0x7d`. */
export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}
