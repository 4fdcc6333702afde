/**
 * What counts as a secret in a captured exchange: credential headers by name, header names and
 * URL query parameters whose names say "secret", and values that look like tokens wherever they
 * appear. A heuristic that errs on the side of hiding: a report is pasted into bug trackers.
 */

/** Headers whose whole value is a credential: always redacted. */
export const credentialHeaderNames: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'set-cookie2']);

/**
 * Words that say "secret" in a header or query parameter name: `x-api-key`, `X-Auth-Token`,
 * `client_secret`, `X-Amz-Signature`, `accessToken`, `user[password]`, `X-Authorization`.
 */
const SECRET_WORDS: ReadonlySet<string> = new Set([
  'apikey',
  'accesskey',
  'key',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'auth',
  'authorization',
  'session',
  'sessionid',
  'sid',
  'signature',
  'sig',
  'csrf',
  'xsrf',
  'credential',
  'credentials',
  'jwt',
  'private',
]);

/**
 * Endings that say it in a word written run together, which camelCase cannot split once lower
 * case (HTTP/2 sends every header name so): `x-authtoken`, `csrftoken`, `jsessionid`. Only
 * endings no ordinary word has (`key` would take in `monkey`, `hockey`).
 */
const SECRET_ENDINGS = ['token', 'secret', 'password', 'passwd', 'apikey', 'accesskey', 'sessionid', 'authorization'] as const;

/**
 * A name's words in lower case: split at any punctuation (`-`, `_`, `.`, brackets) and between
 * camelCase humps, an acronym ending where the next word starts (`X-CSRFToken`: x, csrf, token;
 * `user[password]`: user, password).
 */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function isSecretWord(word: string): boolean {
  return SECRET_WORDS.has(word) || SECRET_ENDINGS.some((ending) => word.endsWith(ending));
}

/** Whether a header or parameter name says "secret", in any case. */
function isSecretName(name: string): boolean {
  return nameWords(name).some(isSecretWord);
}

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

/**
 * Headers whose value is a URL (Referer, Location) or holds URLs between `<` and `>` (Link, such
 * as a next page's): the secrets in their URLs are redacted like the request's.
 */
export const urlHeaderNames: ReadonlySet<string> = new Set(['referer', 'location', 'content-location', 'link']);

/** Whether a header's whole value is secret, by its name alone (any case). */
export function isSecretHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return credentialHeaderNames.has(lower) || (!lower.startsWith('access-control-') && isSecretName(name));
}

/** Whether a query (or fragment) parameter's value is secret, by its decoded name (any case). */
export function isSecretQueryName(name: string): boolean {
  return SECRET_QUERY_NAMES.has(name.toLowerCase()) || isSecretName(name);
}

/** Whether token-like runs inside this header's value should be looked for. */
export function mayHoldTokens(lowerName: string): boolean {
  return !STRUCTURAL_HEADERS.has(lowerName) && !lowerName.startsWith('access-control-') && !lowerName.startsWith('sec-');
}

/** HTTP authentication schemes whose credentials follow them in a value (`Bearer abc`), matched in any case. */
export const authSchemes = ['Bearer', 'Basic', 'Digest', 'Token', 'Negotiate', 'NTLM'] as const;
/** A cheap first look: a scheme name and a blank, anywhere. */
const SCHEME_WORD = new RegExp(`(?:${authSchemes.join('|')})[ \\t]`, 'i');
/** A scheme name as a word, its blanks, and the credentials (group 1). */
const SCHEME_CREDENTIALS = new RegExp(`\\b(?:${authSchemes.join('|')})[ \\t]+([^\\s,;"']+)`, 'gi');
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/y;
/** The shortest base64 run taken for a token on its own (shorter ones are words, ids, paths). */
const LONG_TOKEN = 40;

/** Character classes of the scan, as bits in a 128-entry table (everything above ASCII is none). */
const BASE64 = 1; // [A-Za-z0-9+/_-]: base64 and base64url
const WORD = 2; // \w
const HEX = 4;
const DIGIT = 8;
const LOWER = 16;
const UPPER = 32;
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const digit = /[0-9]/.test(ch);
  const lower = /[a-z]/.test(ch);
  const upper = /[A-Z]/.test(ch);
  const word = digit || lower || upper || ch === '_';
  CLASSES[c] =
    (word || ch === '+' || ch === '/' || ch === '-' ? BASE64 : 0) |
    (word ? WORD : 0) |
    (/[0-9a-fA-F]/.test(ch) ? HEX : 0) |
    (digit ? DIGIT : 0) |
    (lower ? LOWER : 0) |
    (upper ? UPPER : 0);
}

function classOf(c: number): number {
  return c < 128 ? (CLASSES[c] ?? 0) : 0;
}

function isWord(c: number): boolean {
  return (classOf(c) & WORD) !== 0;
}

function isBase64(c: number): boolean {
  return (classOf(c) & BASE64) !== 0;
}

/** Whether `text` holds a run of 32 or more base64url characters: no token run is shorter. */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = isBase64(text.charCodeAt(i)) ? run + 1 : 0;
    if (run >= 32) return true;
  }
  return false;
}

function startsJwt(text: string, i: number): boolean {
  return text.charCodeAt(i) === 0x65 && text.startsWith('eyJ', i) && (i === 0 || !isWord(text.charCodeAt(i - 1)));
}

/**
 * `text` with each run that looks like a credential replaced by `mark(run)`; `found` hears each
 * run replaced. The runs:
 * - the credentials after an HTTP authentication scheme ({@link authSchemes}: `Bearer abc`, `Basic dXNlcjpwdw==`);
 * - JSON Web Tokens (`eyJ...`.`...`.`...`);
 * - 32 or more hex digits between word boundaries (API keys, session ids);
 * - 40 or more base64/base64url characters mixing upper case, lower case and digits (so long
 *   words and paths stay).
 * Scanned by hand in one pass: a regular expression with these alternatives cost most of an
 * export's time on long header values.
 */
export function replaceTokenRuns(text: string, mark: (secret: string) => string, found?: (secret: string) => void): string {
  if (text.length < 6) return text;
  // Most values and texts hold nothing that could be a token: a cheap look and they are done.
  const scheme = SCHEME_WORD.test(text);
  if (!scheme && !text.includes('eyJ') && !hasLongRun(text)) return text;
  const hide = (secret: string): string => {
    found?.(secret);
    return mark(secret);
  };
  const src = scheme
    ? text.replace(SCHEME_CREDENTIALS, (match: string, credentials: string) => match.slice(0, match.length - credentials.length) + hide(credentials))
    : text;
  let out = '';
  let copied = 0;
  const replace = (from: number, to: number): void => {
    out += src.slice(copied, from) + hide(src.slice(from, to));
    copied = to;
  };
  const n = src.length;
  const hexWords: number[] = [];
  let i = 0;
  while (i < n) {
    if (!isBase64(src.charCodeAt(i))) {
      i++;
      continue;
    }
    if (startsJwt(src, i)) {
      JWT.lastIndex = i;
      const jwt = JWT.exec(src);
      if (jwt !== null) {
        replace(i, i + jwt[0].length);
        i += jwt[0].length;
        continue;
      }
    }
    // One pass over the run: its character classes, and its all-hex words of 32 or more.
    let seen = 0;
    let wordStart = -1;
    let wordHex = true;
    hexWords.length = 0;
    let j = i;
    for (; j < n; j++) {
      const c = src.charCodeAt(j);
      const k = classOf(c);
      if ((k & BASE64) === 0 || (c === 0x65 && j > i && startsJwt(src, j))) break;
      seen |= k;
      if ((k & WORD) !== 0) {
        if (wordStart < 0) {
          wordStart = j;
          wordHex = true;
        }
        if ((k & HEX) === 0) wordHex = false;
      } else if (wordStart >= 0) {
        if (wordHex && j - wordStart >= 32) hexWords.push(wordStart, j);
        wordStart = -1;
      }
    }
    // A word ending the run ends at a word boundary only when no word character follows.
    if (wordStart >= 0 && wordHex && j - wordStart >= 32 && (j === n || !isWord(src.charCodeAt(j)))) hexWords.push(wordStart, j);
    let end = j;
    while (end < n && end - j < 2 && src.charCodeAt(end) === 0x3d) end++;
    if (j - i >= LONG_TOKEN && (seen & (DIGIT | LOWER | UPPER)) === (DIGIT | LOWER | UPPER)) {
      replace(i, end);
      i = end;
      continue;
    }
    for (let h = 0; h < hexWords.length; h += 2) replace(hexWords[h] ?? 0, hexWords[h + 1] ?? 0);
    i = j;
  }
  return copied === 0 ? src : out + src.slice(copied);
}

/**
 * In a URL path segment, a JWT or a long token run by the rule of {@link replaceTokenRuns} (40 or
 * more base64url characters mixing upper case, lower case and digits, `=` padding included).
 */
const PATH_TOKEN = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|[A-Za-z0-9+_-]{40,}={0,2}/g;
/** A part of a slug: a word (`Title`, `lower`, `UPPER`) or a number. */
const SLUG_PART = /^(?:[A-Z]?[a-z]*|[A-Z]*|[0-9]*)$/;

function mixesCaseAndDigits(run: string): boolean {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run);
}

/** Whether a path's run is clearly a token: a JWT, or a long mixed run that is not a slug of words and numbers (`How-To-Use-CORS-In-Express-4-And-Nginx-2024`). */
function isPathToken(run: string): boolean {
  if (run.startsWith('eyJ') && run.includes('.')) return true;
  return mixesCaseAndDigits(run) && !run.split(/[-_+]/).every((part) => SLUG_PART.test(part));
}

/**
 * A URL path (or a fragment's route) with the segments' token runs replaced by `mark(run)`;
 * `found` hears each. Stricter than {@link replaceTokenRuns}: no hex rule and no slugs, because a
 * path names the resource, and ordinary ids (UUIDs with or without dashes, commit hashes, content
 * hashes) must stay readable; only what is clearly a credential goes (`/magic-login/eyJ...`).
 */
export function replacePathTokens(path: string, mark: (secret: string) => string, found?: (secret: string) => void): string {
  if (!path.includes('eyJ') && !hasLongRun(path)) return path;
  return path.replace(PATH_TOKEN, (run) => {
    if (!isPathToken(run)) return run;
    found?.(run);
    return mark(run);
  });
}
