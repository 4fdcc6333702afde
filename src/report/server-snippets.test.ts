import { describe, expect, it } from 'vitest';
import type { Exchange } from '../capture/exchange';
import { check, type HttpResponseLike } from '../cors/index';
import { corsNeedsOf, SUGGESTED_MAX_AGE } from './cors-needs';
import { serverSnippets, servers } from './server-snippets';
import { API, PAGE, allowOrigin, answer, exchange, failingPut, simpleGet } from './test-exchanges';

const credentialedPut = exchange({
  method: 'PUT',
  url: `${API}/v1/orders/42?cache=1`,
  headers: [
    ['Content-Type', 'application/json'],
    ['X-Request-Id', 'r1'],
  ],
  cookie: 'sid=1',
  preflight: answer(204, allowOrigin, ['Access-Control-Allow-Methods', 'PUT']),
  response: answer(200, ['Access-Control-Allow-Origin', '*']),
});
const wildcardWithCookie = exchange({ cookie: 'sid=1', response: answer(200, ['Access-Control-Allow-Origin', '*']) });
const missingOrigin = exchange({ response: answer(200) });

/** The headers the nginx snippet sends: its `add_header` lines, for the preflight and the response. */
function nginxAnswers(code: string): { preflight: HttpResponseLike; response: HttpResponseLike } {
  const parse = (block: string): Array<readonly [string, string]> =>
    [...block.matchAll(/add_header (\S+) "?([^";]*)"? always;/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const);
  const [preflightPart, responsePart] = code.includes('return 204;') ? code.split('return 204;') : ['', code];
  return { preflight: { status: 204, headers: parse(preflightPart ?? '') }, response: { status: 200, headers: parse(responsePart ?? '') } };
}

function corsRequestOf(e: Exchange) {
  const c = e.diagnosis?.classification;
  return {
    url: e.url,
    origin: PAGE,
    method: c?.method ?? e.method,
    headers: (c?.requestHeaders ?? []).map((n) => [n, n === 'content-type' ? 'application/json' : 'x'] as const),
    credentials: e.diagnosis?.verdict.credentialsMode ?? 'same-origin',
  };
}

describe('corsNeedsOf', () => {
  it('reads origin, path, method, headers, credentials and max-age from the exchange', () => {
    expect(corsNeedsOf(credentialedPut)).toEqual({
      origin: PAGE,
      path: '/v1/orders/42',
      method: 'PUT',
      methods: ['PUT'],
      requestHeaders: ['content-type', 'x-request-id'],
      credentials: true,
      preflight: true,
      maxAge: SUGGESTED_MAX_AGE,
      notes: [],
    });
    expect(corsNeedsOf(missingOrigin)).toMatchObject({ methods: [], requestHeaders: [], credentials: false, preflight: false, maxAge: null });
    expect(corsNeedsOf({ ...simpleGet(), diagnosis: null })).toBeNull();
  });

  it('leaves out what it cannot quote, and says so', () => {
    const odd = exchange({ headers: [["X-'evil", '1'], ['X-$HOME', '1'], ['X-Fine', '1']], preflight: answer(204), response: answer(200), url: `${API}/a b/"q"` });
    const needs = corsNeedsOf(odd);
    const oddOrigin = corsNeedsOf({ ...odd, requestHeaders: [['Origin', 'https://app.example"; rm -rf /']] });
    expect(oddOrigin?.origin).toBe('https://your-app.example');
    expect(oddOrigin?.notes[0]).toContain('not a serialized origin');
    expect(needs?.requestHeaders).toEqual(['x-fine']);
    expect(needs?.path).toBe('/a%20b/%22q%22');
    expect(needs?.notes).toHaveLength(1);
    expect(needs?.notes[0]).toContain('x-$home');
    for (const s of [...serverSnippets(odd), ...serverSnippets({ ...odd, requestHeaders: [['Origin', 'https://app.example"; rm -rf /']] })]) {
      expect(s.code).not.toContain('rm -rf');
      expect(s.code).not.toContain('$HOME');
      expect(s.code).not.toContain("'evil");
    }
  });

  it('notes an opaque origin', () => {
    expect(corsNeedsOf(exchange({ origin: 'null', response: answer(200) }))?.notes[0]).toContain('opaque origin');
  });
});

describe('serverSnippets', () => {
  it('gives one snippet per server, in order', () => {
    const snippets = serverSnippets(credentialedPut);
    expect(snippets.map((s) => s.server)).toEqual([...servers]);
    for (const s of snippets) {
      expect(s.title).not.toBe('');
      expect(s.code).toContain(PAGE);
    }
    expect(serverSnippets({ ...simpleGet(), diagnosis: null })).toEqual([]);
  });

  it.each([
    ['a credentialed PUT with custom headers', credentialedPut],
    ['a wildcard answer to a request with cookies', wildcardWithCookie],
    ['a response without Access-Control-Allow-Origin', missingOrigin],
    ['a failing preflight', failingPut()],
  ])('writes nginx headers that make %s pass in the core', (_, e) => {
    const nginx = serverSnippets(e).find((s) => s.server === 'nginx');
    const answers = nginxAnswers(nginx?.code ?? '');
    const request = corsRequestOf(e);
    const verdict = check({ request, preflight: e.diagnosis?.classification.preflight === true ? answers.preflight : undefined, response: answers.response });
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings.map((w) => w.code)).not.toContain('vary-origin-missing');
  });

  it('uses each library’s own option names', () => {
    const code = Object.fromEntries(serverSnippets(credentialedPut).map((s) => [s.server, s.code]));
    expect(code['express']).toContain("import cors from 'cors';");
    expect(code['express']).toContain('app.use("/v1/orders/42", cors({');
    expect(code['express']).toMatch(/origin: \["https:\/\/app\.example"\][\s\S]*methods: \["GET", "HEAD", "POST", "PUT"\][\s\S]*allowedHeaders: \["content-type", "x-request-id"\][\s\S]*credentials: true[\s\S]*maxAge: 7200/);
    expect(code['fastify']).toContain('await fastify.register(cors, {');
    expect(code['fastify']).toContain('allowedHeaders: ["content-type", "x-request-id"]');
    expect(code['nginx']).toContain('add_header Access-Control-Allow-Credentials "true" always;');
    expect(code['nginx']).toContain('add_header Vary Origin always;');
    expect(code['nginx']).toContain('if ($request_method = OPTIONS) {');
    expect(code['django']).toContain('CORS_ALLOWED_ORIGINS = ["https://app.example"]');
    expect(code['django']).toContain('CORS_ALLOW_HEADERS = (*default_headers, "x-request-id")');
    expect(code['django']).toContain('CORS_ALLOW_CREDENTIALS = True');
    expect(code['django']).toContain('CORS_PREFLIGHT_MAX_AGE = 7200');
    expect(code['django']).not.toContain('CORS_ALLOW_METHODS');
    expect(code['spring']).toContain('config.setAllowCredentials(true);');
    expect(code['spring']).toContain('config.setMaxAge(7200L);');
    expect(code['spring']).toContain('@CrossOrigin(origins = "https://app.example", methods = {RequestMethod.PUT}');
    expect(code['aspnet-core']).toContain('.AllowCredentials()');
    expect(code['aspnet-core']).toContain('.SetPreflightMaxAge(TimeSpan.FromSeconds(7200))');
    expect(code['aspnet-core']).toContain('context.Response.Headers.Append("Vary", "Origin")');
    expect(code['go-rs-cors']).toContain('AllowCredentials: true,');
    expect(code['go-rs-cors']).toContain('MaxAge: 7200');
  });

  it('keeps a simple request’s snippets free of preflight settings', () => {
    const code = Object.fromEntries(serverSnippets(missingOrigin).map((s) => [s.server, s.code]));
    expect(code['express']).not.toContain('allowedHeaders');
    expect(code['express']).not.toContain('maxAge');
    expect(code['nginx']).not.toContain('OPTIONS');
    expect(code['django']).not.toContain('CORS_PREFLIGHT_MAX_AGE');
  });

  it('adds a method Django and Spring annotations do not know by default', () => {
    const propfind = exchange({ method: 'PROPFIND', preflight: answer(204) });
    const code = Object.fromEntries(serverSnippets(propfind).map((s) => [s.server, s.code]));
    expect(code['django']).toContain('CORS_ALLOW_METHODS = (*default_methods, "PROPFIND")');
    expect(code['spring']).not.toContain('@CrossOrigin');
    expect(code['go-rs-cors']).toContain('"PROPFIND"');
  });
});
