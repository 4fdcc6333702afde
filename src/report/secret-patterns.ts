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

/** HTTP authentication schemes whose credentials follow them in a value (`Bearer abc`), matched in any case. */
export const authSchemes = ['Bearer', 'Basic', 'Digest', 'Token', 'Negotiate', 'NTLM'] as const;
/** A cheap first look: a scheme name and a blank, anywhere. */
const SCHEME_WORD = new RegExp(`(?:${authSchemes.join('|')})[ \\t]`, 'i');
/** A scheme name as a word, its blanks, and the credentials (group 1). */
const SCHEME_CREDENTIALS = new RegExp(`\\b(?:${authSchemes.join('|')})[ \\t]+([^\\s,;"']+)`, 'gi');
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/y;

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
    if (j - i >= 40 && (seen & (DIGIT | LOWER | UPPER)) === (DIGIT | LOWER | UPPER)) {
      replace(i, end);
      i = end;
      continue;
    }
    for (let h = 0; h < hexWords.length; h += 2) replace(hexWords[h] ?? 0, hexWords[h + 1] ?? 0);
    i = j;
  }
  return copied === 0 ? src : out + src.slice(copied);
}
