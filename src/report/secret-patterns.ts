/**
 * What counts as a secret in a captured exchange: credential headers by name, header names and
 * URL query parameters whose names say "secret", and values that look like tokens wherever they
 * appear. A heuristic that errs on the side of hiding: a report is pasted into bug trackers.
 */

/** Headers whose whole value is a credential: always redacted. */
export const credentialHeaderNames: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'set-cookie2']);

/** A name part that says "secret": `x-api-key`, `x-auth-token`, `x-csrf-token`, `client_secret`, `X-Amz-Signature`. */
const SECRET_NAME =
  /(?:^|[-_.])(?:api[-_]?key|apikey|access[-_]?key|key|token|secret|password|passwd|pwd|pass|auth|session|sessionid|sid|signature|sig|csrf|xsrf|credentials?|jwt|private)(?:$|[-_.])/i;

/** Query parameter names that carry one-time secrets without saying so (OAuth's `code`). */
const SECRET_QUERY_NAMES: ReadonlySet<string> = new Set(['code', 'otp', 'nonce', 'ticket', 'st', 'hash']);

/**
 * Headers whose values carry what a CORS reading needs and no secret; token-like runs in them are
 * kept (an ETag or a long Access-Control-Allow-Headers list is not a credential).
 */
const STRUCTURAL_HEADERS: ReadonlySet<string> = new Set([
  'origin',
  'vary',
  'content-type',
  'content-length',
  'content-language',
  'accept',
  'accept-language',
  'accept-encoding',
  'range',
  'date',
  'expires',
  'last-modified',
  'age',
  'etag',
  'if-none-match',
  'cache-control',
  'pragma',
  'server',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'user-agent',
]);

/** Headers whose value is a URL: their query parameters are redacted like the request's. */
export const urlHeaderNames: ReadonlySet<string> = new Set(['referer', 'location', 'content-location']);

/** Whether a header's whole value is secret, by its name alone. */
export function isSecretHeaderName(lowerName: string): boolean {
  return credentialHeaderNames.has(lowerName) || (!lowerName.startsWith('access-control-') && SECRET_NAME.test(lowerName));
}

/** Whether a query parameter's value is secret, by its (decoded, lowercase) name. */
export function isSecretQueryName(lowerName: string): boolean {
  return SECRET_QUERY_NAMES.has(lowerName) || SECRET_NAME.test(lowerName);
}

/** Whether token-like runs inside this header's value should be looked for. */
export function mayHoldTokens(lowerName: string): boolean {
  return !STRUCTURAL_HEADERS.has(lowerName) && !lowerName.startsWith('access-control-') && !lowerName.startsWith('sec-');
}

/**
 * Runs that look like credentials inside any text:
 * - the credentials after an HTTP authentication scheme (`Bearer abc`, `Basic dXNlcjpwdw==`);
 * - JSON Web Tokens (`eyJ...`.`...`.`...`);
 * - 32 or more hex digits (API keys, session ids);
 * - 40 or more base64/base64url characters mixing upper case, lower case and digits.
 */
const TOKEN_RUNS = /\b(?:Bearer|Basic|Digest|Token|Negotiate|NTLM)[ \t]+([^\s,;"']+)|\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|\b[0-9a-fA-F]{32,}\b|[A-Za-z0-9+/_-]{40,}={0,2}/gi;

function looksRandom(run: string): boolean {
  return /[0-9]/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run);
}

/**
 * `text` with each token-like run replaced by `mark(run)`, and the runs replaced.
 * Base64-like runs count only when they mix cases and digits, so long words and paths stay.
 */
export function replaceTokenRuns(text: string, mark: (secret: string) => string, found?: (secret: string) => void): string {
  return text.replace(TOKEN_RUNS, (match: string, schemeCredentials: string | undefined) => {
    if (schemeCredentials !== undefined) {
      found?.(schemeCredentials);
      return match.slice(0, match.length - schemeCredentials.length) + mark(schemeCredentials);
    }
    if (/^[0-9a-fA-F]+$/.test(match) || match.startsWith('eyJ') || looksRandom(match)) {
      found?.(match);
      return mark(match);
    }
    return match;
  });
}
