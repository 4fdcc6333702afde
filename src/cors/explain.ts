import type { BrowserProfile } from './browser-profile';
import type { ClassifiedRequest } from './classify-request';
import type { CorsFailure } from './cors-check';
import { corsCheck } from './cors-check';
import { isHttpToken } from './http-bytes';
import { isCorsSafelistedMethod } from './method';
import type { Answer } from './cors-response-headers';
import { parseAllowList } from './response-header';
import type { CorsFix, CredentialsMode, Stage } from './types';

/** The preflight as sent: `OPTIONS with Access-Control-Request-Method: PUT and Access-Control-Request-Headers: x`. */
export function describePreflight(c: ClassifiedRequest): string {
  const names = c.requestHeaders;
  let headers = '';
  if (names.length > 0) {
    // (Concatenation, not join(): a request has a name or two, and join() costs more than the rest.)
    let list = names[0] as string;
    for (let i = 1; i < names.length; i++) list += `,${names[i] as string}`;
    headers = ` and Access-Control-Request-Headers: ${list}`;
  }
  return `a preflight (OPTIONS with Access-Control-Request-Method: ${c.method}${headers})`;
}

function shown(value: string | null): string {
  return value === null ? 'none' : `"${value}"`;
}

/** Why a failure fails, in the words of what the server answered. */
export function describeFailure(failure: CorsFailure, stage: Stage, answer: Answer, c: ClassifiedRequest, credentials: CredentialsMode): string {
  const what = stage === 'preflight' ? 'the preflight' : 'the response';
  const status = answer.status;
  const h = answer.headers;
  // (Chromium's names as they are, each preflight twin beside its response one: no string built per call.)
  switch (failure.error) {
    case 'PreflightDisallowedRedirect':
      return `The server answered the preflight with a ${status} redirect to ${shown(h.location)}; browsers never follow a preflight's redirect. Answer OPTIONS at this URL with a 2xx, or make the page call the final URL.`;
    case 'PreflightInvalidStatus':
      return `The server answered the preflight with status ${status}; a preflight needs a 2xx status (204 is usual), even with the right CORS headers.`;
    case 'RedirectContainsCredentials':
      // The location is not quoted: its user name and password would land in every report.
      return `The server answered with a ${status} redirect to a URL on ${failure.redirectOrigin ?? 'another origin'} that holds a user name or password; browsers never follow a cross-origin request to such a URL. Redirect to it without them, and send credentials another way (an Authorization header the server allows).`;
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return `The server answered ${what} (${status}) without Access-Control-Allow-Origin, so the browser does not let ${c.requestOrigin} read it.`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `The server answered ${what} with Access-Control-Allow-Origin: ${failure.failedParameter}; it must hold exactly one origin (a repeated header line counts as several).`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `The server answered ${what} with Access-Control-Allow-Origin: ${failure.failedParameter}, which is not an origin such as ${c.requestOrigin}.`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `The server answered ${what} with Access-Control-Allow-Origin: ${failure.failedParameter}, but the page's origin is ${c.requestOrigin}.`;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `The server answered ${what} with Access-Control-Allow-Origin: *, which is not allowed when the request carries credentials (credentials: 'include'); the server must name ${c.requestOrigin} and send Access-Control-Allow-Credentials: true.`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `The request carries credentials (credentials: 'include'), so ${what} needs Access-Control-Allow-Credentials: true; the server sent ${shown(h.allowCredentials)}.`;
    case 'InvalidAllowMethodsPreflightResponse':
      return `Access-Control-Allow-Methods: ${h.allowMethods ?? ''} is not a comma-separated list of method names, so the browser rejects the whole preflight.`;
    case 'InvalidAllowHeadersPreflightResponse':
      return `Access-Control-Allow-Headers: ${h.allowHeaders ?? ''} is not a comma-separated list of header names, so the browser rejects the whole preflight.`;
    case 'MethodDisallowedByPreflightResponse': {
      const lower = c.method !== c.method.toUpperCase() ? ` Chromium compares methods case-sensitively and fetch() sends "${c.method}" as written.` : '';
      const star = credentials === 'include' ? ' (a * does not count when credentials are included)' : '';
      return `Access-Control-Allow-Methods: ${shown(h.allowMethods)} does not allow ${c.method}${star}.${lower}`;
    }
    case 'HeaderDisallowedByPreflightResponse': {
      const star = credentials === 'include' ? ' (a * does not count when credentials are included)' : '';
      return `Access-Control-Allow-Headers: ${shown(h.allowHeaders)} does not allow ${failure.failedParameter}${star}.`;
    }
    default:
      return `The browser blocked it: ${failure.error}.`;
  }
}

function merge(existing: readonly string[] | null, needed: readonly string[], dropStar: boolean): string[] {
  const out: string[] = [];
  for (const v of existing ?? []) if (!(dropStar && v === '*') && !out.includes(v)) out.push(v);
  for (const v of needed) if (!out.includes(v)) out.push(v);
  return out;
}

/** The Access-Control-Allow-Origin (and -Credentials) lines a response needs. */
function accessLines(answer: Answer | null, origin: string, credentials: CredentialsMode, profile: BrowserProfile): string[] {
  if (answer !== null && corsCheck(answer.headers, origin, credentials, profile) === null) return [];
  const lines = [`Access-Control-Allow-Origin: ${origin}`];
  if (credentials === 'include') lines.push('Access-Control-Allow-Credentials: true');
  return lines;
}

/** Tokens a malformed list meant: `PUT GET` -> [PUT, GET]. */
function salvage(value: string | null, lowercase: boolean): string[] {
  const out: string[] = [];
  for (const part of (value ?? '').split(/[\s,]+/)) if (isHttpToken(part)) out.push(lowercase ? part.toLowerCase() : part);
  return out;
}

/**
 * The exact preflight lines that would make it pass (only the ones that must change). A
 * malformed Allow-Methods/-Headers list is rewritten with the tokens it meant plus what is needed;
 * when nothing remains (an Allow-Headers line for a request without unsafe headers) the line
 * should simply be removed, which the explanation says.
 */
export function preflightFix(c: ClassifiedRequest, preflight: Answer | null, credentials: CredentialsMode, profile: BrowserProfile): string[] {
  const lines = accessLines(preflight, c.requestOrigin, credentials, profile);
  const include = credentials === 'include';
  const rawMethods = preflight?.headers.allowMethods ?? null;
  const parsedMethods = parseAllowList(rawMethods, false);
  const methods = parsedMethods ?? salvage(rawMethods, false);
  const methodOk = parsedMethods !== null && (isCorsSafelistedMethod(c.method) || methods.includes(c.method) || (!include && methods.includes('*')));
  if (!methodOk) lines.push(`Access-Control-Allow-Methods: ${merge(methods, [c.method], include).join(', ')}`);
  const rawHeaders = preflight?.headers.allowHeaders ?? null;
  const parsedHeaders = parseAllowList(rawHeaders, true);
  const headers = parsedHeaders ?? salvage(rawHeaders, true);
  const star = !include && headers.includes('*');
  const missing = c.requestHeaders.filter((h) => !(headers.includes(h) || (star && h !== 'authorization')));
  if (missing.length > 0 || (parsedHeaders === null && headers.length > 0)) {
    lines.push(`Access-Control-Allow-Headers: ${merge(headers, missing, include).join(', ')}`);
  }
  return lines;
}

export function responseFix(c: ClassifiedRequest, response: Answer | null, credentials: CredentialsMode, profile: BrowserProfile): string[] {
  return accessLines(response, c.requestOrigin, credentials, profile);
}

export const noFix: () => CorsFix = () => ({ preflight: [], response: [] });
