/**
 * Redaction of captured exchanges before they leave the panel (reports, curl). Credentials are
 * hidden by default: the values of Authorization, Proxy-Authorization, Cookie and Set-Cookie, of
 * headers and query parameters whose names say "secret", and token-like runs anywhere else.
 * Header NAMES are kept, with the size of what was hidden: for CORS the name is what matters
 * (`authorization` is what made the browser preflight).
 */
import type { Diagnosis, Exchange, PreflightRecord, ResponseRecord } from '../capture/exchange';
import type { HeaderList } from '../capture/header-list';
import type { Classification, CorsVerdict } from '../cors/index';
import { isSecretHeaderName, isSecretQueryName, mayHoldTokens, replacePathTokens, replaceTokenRuns, urlHeaderNames } from './secret-patterns';

export interface RedactOptions {
  /** The explicit opt-in: keep every value as captured. Default false. */
  readonly keepCredentials?: boolean;
}

/** Size of a string as UTF-8 bytes (what went over the wire for a header value). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** What a redacted value is replaced with: `[redacted: 43 bytes]`. */
export function redactionMark(value: string): string {
  const n = utf8Length(value);
  return `[redacted: ${n} ${n === 1 ? 'byte' : 'bytes'}]`;
}

/** Collects the secrets a redaction hid, so quoted copies of them elsewhere can be hidden too. */
export class SecretSet {
  readonly #secrets = new Set<string>();
  /** Whole URLs and their redacted forms, longest first (one may begin another): a URL quoted in prose is replaced whole, short secrets in it too. */
  readonly #urls: Array<readonly [url: string, redacted: string]> = [];
  readonly #scrubbed = new Map<string, string>();
  /** Long header values already redacted in this exchange: reasons and `invalid` quote them again. */
  readonly seen = new Map<string, string>();

  add(secret: string): void {
    // Shorter strings would hide innocent text (a "1" in an explanation); the fields that held them are redacted anyway.
    if (secret.length < 4 || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    this.#scrubbed.clear();
  }

  /** A URL whose redacted form differs: quoted whole in a text, it is replaced by that form. */
  addUrl(url: string, redacted: string): void {
    if (url === redacted || this.#urls.some(([known]) => known === url)) return;
    this.#urls.push([url, redacted]);
    this.#urls.sort((a, b) => b[0].length - a[0].length);
    this.#scrubbed.clear();
  }

  get size(): number {
    return this.#secrets.size;
  }

  /** `text` with every collected secret, and every token-like run, replaced by its mark. */
  scrub(text: string): string {
    if (text.length < 64) return this.#scrub(text);
    let scrubbed = this.#scrubbed.get(text);
    if (scrubbed === undefined) {
      scrubbed = this.#scrub(text);
      this.#scrubbed.set(text, scrubbed);
    }
    return scrubbed;
  }

  #scrub(text: string): string {
    let out = text;
    // Whole URLs first: a secret under 4 bytes is hidden in them too.
    for (const [url, redacted] of this.#urls) if (out.includes(url)) out = out.split(url).join(redacted);
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(redactionMark(secret));
    return replaceTokenRuns(out, redactionMark);
  }
}

/**
 * A URL with its secrets replaced: its userinfo's credentials, clear tokens in its path (JWTs,
 * long mixed runs; see `replacePathTokens`), and in its query and fragment the values of
 * secret-like parameters (`token`, `access_token`, `accessToken`, `key`, `sig`, `code`, ...) and
 * token-like values. The fragment counts: OAuth's implicit flow answers with
 * `#access_token=...`, and client-side routes carry their own `#/path?query`. Parsed by hand: a
 * malformed URL is redacted as far as it can be, never thrown on.
 */
export function redactUrl(url: string, secrets?: SecretSet): string {
  const found = (secret: string): void => secrets?.add(secret);
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  const beforeQuery = q < 0 ? beforeHash : beforeHash.slice(0, q);
  const pathStart = authorityEnd(beforeQuery);
  let out = redactAuthority(beforeQuery.slice(0, pathStart), secrets) + replacePathTokens(beforeQuery.slice(pathStart), redactionMark, found);
  if (q >= 0) out += `?${redactParameters(beforeHash.slice(q + 1), secrets)}`;
  if (hash >= 0) out += `#${redactFragment(url.slice(hash + 1), secrets)}`;
  secrets?.addUrl(url, out);
  return out;
}

/** Where the scheme and authority (`https://user:pw@host:443`) end: 0 when the URL has none. */
function authorityEnd(url: string): number {
  const start = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.exec(url);
  if (start === null) return 0;
  // WHATWG's parser ends the authority at `/`, `?`, `#` or (in special schemes) `\`.
  const end = url.slice(start[0].length).search(/[/\\]/);
  return end < 0 ? url.length : start[0].length + end;
}

/** A value that is a credential as a whole: hidden whole (an empty one stays empty), and remembered. */
function hideWhole(value: string, secrets: SecretSet | undefined): string {
  if (value === '') return value;
  secrets?.add(value);
  return redactionMark(value);
}

/** `text` with its token-like runs hidden, each remembered. */
function hideTokenRuns(text: string, secrets: SecretSet | undefined): string {
  return replaceTokenRuns(text, redactionMark, (s) => secrets?.add(s));
}

/** The scheme and authority with the userinfo's credentials hidden. */
function redactAuthority(authority: string, secrets: SecretSet | undefined): string {
  // The userinfo ends at the authority's last `@` (an unescaped `@` in a password belongs to it).
  const at = authority.lastIndexOf('@');
  if (at < 0) return authority;
  const start = authority.indexOf('//') + 2;
  return `${authority.slice(0, start)}${redactUserinfo(authority.slice(start, at), secrets)}${authority.slice(at)}`;
}

/**
 * `user:password` with the password hidden. A user name with no password is the credential
 * itself (`https://ghp_...@github.com`, a token passed as the user name), so it is hidden whole.
 */
function redactUserinfo(userinfo: string, secrets: SecretSet | undefined): string {
  const colon = userinfo.indexOf(':');
  if (colon < 0) return hideWhole(userinfo, secrets);
  return `${hideTokenRuns(userinfo.slice(0, colon), secrets)}:${hideWhole(userinfo.slice(colon + 1), secrets)}`;
}

/** `name=value&...` (a query, or a fragment read as one) with secret values hidden. */
function redactParameters(parameters: string, secrets: SecretSet | undefined): string {
  return parameters
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const value = pair.slice(eq + 1);
      if (value === '') return pair;
      const name = pair.slice(0, eq);
      return `${name}=${isSecretQueryName(decodeLoosely(name)) ? hideWhole(value, secrets) : hideTokenRuns(value, secrets)}`;
    })
    .join('&');
}

/**
 * A fragment: parameters (`access_token=...&state=1`), a client-side route with its own query
 * (`/reset?token=...`), or a plain anchor, whose clear tokens only are hidden.
 */
function redactFragment(fragment: string, secrets: SecretSet | undefined): string {
  const found = (secret: string): void => secrets?.add(secret);
  const q = fragment.indexOf('?');
  if (q >= 0) return `${replacePathTokens(fragment.slice(0, q), redactionMark, found)}?${redactParameters(fragment.slice(q + 1), secrets)}`;
  if (fragment.includes('=')) return redactParameters(fragment, secrets);
  return replacePathTokens(fragment, redactionMark, found);
}

function decodeLoosely(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
}

/** One header value, redacted by its name and by what it looks like. */
export function redactHeaderValue(name: string, value: string, secrets?: SecretSet): string {
  if (secrets === undefined || value.length < 64) return redactValue(name, value, secrets);
  // The name as sent, not lowercased: its camelCase humps are words (`X-AuthKey`).
  const key = `${name}\u0000${value}`;
  let redacted = secrets.seen.get(key);
  if (redacted === undefined) {
    redacted = redactValue(name, value, secrets);
    secrets.seen.set(key, redacted);
  }
  return redacted;
}

function redactValue(name: string, value: string, secrets: SecretSet | undefined): string {
  const lower = name.toLowerCase();
  if (isSecretHeaderName(name)) return hideWhole(value, secrets);
  if (lower === 'link') return redactLinks(value, secrets);
  if (urlHeaderNames.has(lower)) return redactUrl(value, secrets);
  if (!mayHoldTokens(lower)) return value;
  return hideTokenRuns(value, secrets);
}

/** A Link value (`<https://api.example/items?page=2&access_token=...>; rel="next", ...`): each `<URI>` redacted as a URL, token runs elsewhere. */
function redactLinks(value: string, secrets: SecretSet | undefined): string {
  let out = '';
  let copied = 0;
  for (const link of value.matchAll(/<([^>]*)>/g)) {
    out += `${hideTokenRuns(value.slice(copied, link.index), secrets)}<${redactUrl(link[1] ?? '', secrets)}>`;
    copied = link.index + link[0].length;
  }
  return out + hideTokenRuns(value.slice(copied), secrets);
}

/** A header list with its secret values replaced; names, order and repeats kept. */
export function redactHeaderList(headers: HeaderList, secrets?: SecretSet): HeaderList {
  return headers.map(([name, value]) => [name, redactHeaderValue(name, value, secrets)] as const);
}

function redactResponse(response: ResponseRecord | null, secrets: SecretSet): ResponseRecord | null {
  return response === null ? null : { ...response, headers: redactHeaderList(response.headers, secrets) };
}

function redactPreflight(p: PreflightRecord, secrets: SecretSet): PreflightRecord {
  return { ...p, url: redactUrl(p.url, secrets), requestHeaders: redactHeaderList(p.requestHeaders, secrets), response: redactResponse(p.response, secrets) };
}

function redactClassification(c: Classification, secrets: SecretSet): Classification {
  return {
    ...c,
    reasons: c.reasons.map((r) => ({
      ...r,
      value: r.value === null ? null : r.header === null ? secrets.scrub(r.value) : redactHeaderValue(r.header, r.value, secrets),
      message: secrets.scrub(r.message),
    })),
    invalid: c.invalid === null ? null : { ...c.invalid, value: secrets.scrub(redactUrl(c.invalid.value, secrets)), message: secrets.scrub(c.invalid.message) },
  };
}

function redactVerdict(v: CorsVerdict, secrets: SecretSet): CorsVerdict {
  return {
    ...v,
    failedParameter: v.failedParameter === null ? null : secrets.scrub(v.failedParameter),
    firefoxParameter: v.firefoxParameter === null ? null : secrets.scrub(v.firefoxParameter),
    explanation: secrets.scrub(v.explanation),
    fix: { ...v.fix, preflight: v.fix.preflight.map((l) => secrets.scrub(l)), response: v.fix.response.map((l) => secrets.scrub(l)) },
    warnings: v.warnings.map((w) => ({ ...w, message: secrets.scrub(w.message) })),
  };
}

function redactDiagnosis(d: Diagnosis | null, secrets: SecretSet): Diagnosis | null {
  if (d === null) return null;
  // The classification first: its reasons carry header values (Authorization's among them).
  const classification = redactClassification(d.classification, secrets);
  const redacted: Diagnosis = { ...d, classification, verdict: redactVerdict(d.verdict, secrets) };
  // The second readings (Firefox's with credentials, a likely no-cors request's in CORS mode) quote the same URL and values as the first.
  return {
    ...redacted,
    ...(d.ifCredentialsIncluded === undefined ? {} : { ifCredentialsIncluded: redactVerdict(d.ifCredentialsIncluded, secrets) }),
    ...(d.ifCorsMode === undefined ? {} : { ifCorsMode: redactVerdict(d.ifCorsMode, secrets) }),
  };
}

/**
 * The exchange with its credentials hidden (see the module comment), or the exchange itself
 * when `keepCredentials` is set. Never throws; the input is not modified.
 */
export function redactExchange(exchange: Exchange, options: RedactOptions = {}): Exchange {
  if (options.keepCredentials === true) return exchange;
  const secrets = new SecretSet();
  // Headers and URLs first: they fill `secrets`, which then scrubs the texts quoting them.
  const requestHeaders = exchange.requestHeaders === null ? null : redactHeaderList(exchange.requestHeaders, secrets);
  const preflights = exchange.preflights.map((p) => redactPreflight(p, secrets));
  const response = redactResponse(exchange.response, secrets);
  const url = redactUrl(exchange.url, secrets);
  const redirects = exchange.redirects.map((r) => ({ ...r, from: redactUrl(r.from, secrets), to: redactUrl(r.to, secrets) }));
  const diagnosis = redactDiagnosis(exchange.diagnosis, secrets);
  return {
    ...exchange,
    url,
    requestHeaders,
    redirects,
    preflights,
    response,
    error: exchange.error === null ? null : secrets.scrub(exchange.error),
    diagnosis,
  };
}
