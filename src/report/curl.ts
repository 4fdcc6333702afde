/**
 * "Copy as curl": the preflight and the actual request of an exchange as curl commands, with the
 * Origin and Access-Control-Request-* headers the browser sent, so the server's answers can be
 * reproduced outside the browser. Credentials are redacted unless `keepCredentials`.
 */
import { headerRules } from '../capture/author-headers';
import type { Exchange } from '../capture/exchange';
import { getHeader, type HeaderList } from '../capture/header-list';
import { browserProfile } from '../cors/browser-profile';
import { isForbiddenRequestHeader } from '../cors/forbidden-request-header';
import { redactExchange, type RedactOptions } from './redact';
import { shellQuote } from './shell-quote';

export interface CurlCommands {
  /** `curl -i -X OPTIONS ...`, or null when the request needs no preflight. */
  readonly preflight: string | null;
  readonly request: string;
}

const CONTINUE = ' \\\n  ';

function urlArgument(url: string): string[] {
  // `[]{}` are curl's URL globbing; a URL starting with "-" would read as an option.
  const glob = /[[\]{}]/.test(url) ? ['--globoff'] : [];
  return [...glob, ...(url.startsWith('-') ? ['--url', shellQuote(url)] : [shellQuote(url)])];
}

function header(name: string, value: string | null): string {
  // `-H 'name;'` is how curl sends a header with an empty value.
  return `-H ${shellQuote(value === null || value === '' ? `${name};` : `${name}: ${value}`)}`;
}

function originOf(e: Exchange): string {
  return (e.requestHeaders === null ? undefined : getHeader(e.requestHeaders, 'origin')) ?? e.preflights.at(-1)?.requestHeaders.find(([n]) => n.toLowerCase() === 'origin')?.[1] ?? e.initiator;
}

function preflightCommand(e: Exchange, origin: string): string | null {
  const sent = e.preflights.findLast((p) => p.url === e.url) ?? e.preflights.at(-1);
  const c = e.diagnosis?.classification;
  if (sent === undefined && c?.preflight !== true) return null;
  const url = sent?.url ?? e.url;
  const method = sent?.accessControlRequestMethod ?? c?.method ?? e.method;
  const names = sent === undefined ? (c?.requestHeaders ?? []).join(',') : (getHeader(sent.requestHeaders, 'access-control-request-headers') ?? sent.accessControlRequestHeaders.join(','));
  const lines = [['curl', '-i', '-X', 'OPTIONS', ...urlArgument(url)].join(' '), header('Origin', origin), header('Access-Control-Request-Method', method)];
  if (names !== '') lines.push(header('Access-Control-Request-Headers', names));
  return lines.join(CONTINUE);
}

/**
 * A second guard on `authorRequestHeaders`, which keeps everything when the core finds the header
 * list invalid (a value with a line break): names no page can set are never the page's.
 */
function isBrowserAddedName(lower: string): boolean {
  return isForbiddenRequestHeader(lower, '', browserProfile('chromium')) !== null;
}

function methodArguments(method: string): string[] {
  if (method === 'GET') return [];
  if (method === 'HEAD') return ['--head'];
  return ['-X', shellQuote(method)];
}

function requestCommand(e: Exchange, origin: string): string {
  const comments: string[] = [];
  let headers: HeaderList;
  if (e.requestHeaders !== null) {
    headers = headerRules(e.diagnosis?.verdict.browser).authorRequestHeaders(e.requestHeaders).filter(([name]) => !isBrowserAddedName(name.toLowerCase()));
    const cookie = getHeader(e.requestHeaders, 'cookie');
    if (cookie !== undefined) headers = [...headers, ['Cookie', cookie]];
  } else {
    comments.push('# This request was never sent (its preflight stopped it): the header values were not observed; fill them in.');
    const names = e.preflights.at(-1)?.accessControlRequestHeaders ?? e.diagnosis?.classification.requestHeaders ?? [];
    headers = names.map((name) => [name, ''] as const);
  }
  if (e.method !== 'GET' && e.method !== 'HEAD') comments.push('# The request body is not captured; add it with --data-binary if the server needs it.');
  const args = ['curl', '-i', ...methodArguments(e.method), ...urlArgument(e.url)];
  const lines = [args.join(' '), header('Origin', origin), ...headers.map(([name, value]) => header(name, value))];
  return [...comments, lines.join(CONTINUE)].join('\n');
}

/**
 * The preflight and the request as curl commands for a POSIX shell; a value holding control
 * characters is written `$'...'` (bash, zsh), never raw, so pasting the command into a terminal
 * cannot act on it (see `shellQuote`). Headers the browser adds on its own (User-Agent,
 * Sec-Fetch-*, ...) are left out; Origin and a sent Cookie are kept.
 */
export function curlCommands(exchange: Exchange, options: RedactOptions = {}): CurlCommands {
  const e = redactExchange(exchange, options);
  const origin = originOf(e);
  return { preflight: preflightCommand(e, origin), request: requestCommand(e, origin) };
}
