import type { CorsNeeds } from '../cors-needs';
import { list, quoted, type ServerSnippet } from './snippet';

/** django-cors-headers' defaults (corsheaders.defaults). */
const defaultMethods = new Set(['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
const defaultHeaders = new Set(['accept', 'authorization', 'content-type', 'user-agent', 'x-csrftoken', 'x-requested-with']);

function regexPath(path: string): string {
  return path.replace(/[.\\+*?^$()[\]{}|]/g, '\\$&');
}

/**
 * Django with django-cors-headers (settings.py). It echoes an allowed origin with Vary: Origin.
 * @see https://github.com/adamchainz/django-cors-headers#configuration
 */
export function djangoSnippet(needs: CorsNeeds): ServerSnippet {
  const methods = needs.methods.filter((m) => !defaultMethods.has(m));
  const headers = needs.requestHeaders.filter((h) => !defaultHeaders.has(h));
  const lines = [
    '# settings.py (pip install django-cors-headers)',
    ...(methods.length > 0 || headers.length > 0 ? ['from corsheaders.defaults import default_headers, default_methods', ''] : []),
    'INSTALLED_APPS = [..., "corsheaders"]',
    'MIDDLEWARE = [',
    '    "corsheaders.middleware.CorsMiddleware",  # as high as possible, before CommonMiddleware',
    '    ...,',
    ']',
    `CORS_ALLOWED_ORIGINS = [${quoted(needs.origin)}]`,
    `CORS_URLS_REGEX = r"^${regexPath(needs.path)}$"`,
  ];
  if (methods.length > 0) lines.push(`CORS_ALLOW_METHODS = (*default_methods, ${list(methods)})`);
  if (headers.length > 0) lines.push(`CORS_ALLOW_HEADERS = (*default_headers, ${list(headers)})`);
  if (needs.credentials) lines.push('CORS_ALLOW_CREDENTIALS = True');
  if (needs.maxAge !== null) lines.push(`CORS_PREFLIGHT_MAX_AGE = ${needs.maxAge}`);
  return { server: 'django', title: 'Django (django-cors-headers)', language: 'python', code: lines.join('\n') };
}
