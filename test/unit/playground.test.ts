/**
 * The playground server answers each scenario as its catalogue entry declares. Node's fetch does
 * not enforce CORS, so it shows exactly what went over the wire; node:http shows repeated lines.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../playground/server';

let playground: Playground;
let origin: string;

beforeAll(async () => {
  playground = await startPlayground();
  origin = playground.pageOrigin;
});
afterAll(() => playground.close());
beforeEach(() => playground.clearLog());

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${playground.apiOrigin}${path}`, { redirect: 'manual', ...init });
}

function preflight(path: string, method: string, headers?: string): Promise<Response> {
  return api(path, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      ...(headers === undefined ? {} : { 'Access-Control-Request-Headers': headers }),
    },
  });
}

/** The raw header lines of a response, as received (names as sent, repeats kept). */
function rawHeaderLines(path: string, method: string): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${playground.apiOrigin}${path}`, { method, headers: { Origin: origin } }, (incoming) => {
      const raw = incoming.rawHeaders;
      const lines: [string, string][] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i] ?? '', raw[i + 1] ?? '']);
      incoming.resume();
      incoming.on('end', () => resolve(lines));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('playground origins', () => {
  it('puts the page and the API on two loopback origins', () => {
    expect(playground.pageOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(playground.apiOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(playground.apiOrigin).not.toBe(playground.pageOrigin);
    expect(playground.pageUrl).toBe(`${playground.pageOrigin}/`);
  });
});

describe('API answers', () => {
  it('answers a preflight and its request as declared, echoing the Origin', async () => {
    const options = await preflight('/api/preflighted-put?run=1', 'PUT', 'content-type');
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe(origin);
    expect(options.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(options.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(options.headers.get('vary')).toBe('Origin');

    const put = await api('/api/preflighted-put?run=1', { method: 'PUT', headers: { Origin: origin }, body: '{}' });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(origin);
    expect(await put.text()).toBe('preflighted-put: 200\n');
  });

  it('leaves out an echo line when the request has no Origin', async () => {
    const response = await api('/api/simple-get');
    expect(response.status).toBe(200);
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('sends a repeated header name as repeated lines', async () => {
    const lines = await rawHeaderLines('/api/multiple-allow-origin-lines', 'GET');
    const allowOrigin = lines.filter(([name]) => name === 'Access-Control-Allow-Origin');
    expect(allowOrigin).toEqual([
      ['Access-Control-Allow-Origin', origin],
      ['Access-Control-Allow-Origin', origin],
    ]);
    const preflightLines = await rawHeaderLines('/api/preflight-multiple-allow-origin', 'OPTIONS');
    expect(preflightLines.filter(([name]) => name === 'Access-Control-Allow-Origin')).toHaveLength(2);
  });

  it('writes a list value as one line, with the Origin put in', async () => {
    const lines = await rawHeaderLines('/api/multiple-allow-origin-list', 'GET');
    expect(lines).toContainEqual(['Access-Control-Allow-Origin', `${origin}, https://app.example.com`]);
  });

  it('sends statuses without CORS headers where declared', async () => {
    const failed = await preflight('/api/preflight-500', 'PUT');
    expect(failed.status).toBe(500);
    expect([...failed.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect((await preflight('/api/preflight-401', 'GET', 'authorization')).status).toBe(401);
    expect((await api('/api/server-error-hidden', { headers: { Origin: origin } })).status).toBe(500);
  });

  it('redirects a preflight with its Location', async () => {
    for (const status of [302, 307]) {
      const response = await preflight(`/api/preflight-redirect-${status}`, 'PUT');
      expect(response.status).toBe(status);
      expect(response.headers.get('location')).toBe(`/api/preflight-redirect-${status}/target`);
    }
    const multipleChoices = await preflight('/api/preflight-300', 'PUT');
    expect(multipleChoices.status).toBe(300);
    expect(multipleChoices.headers.get('location')).toBe('/api/preflight-300/target');
  });

  it('redirects an actual request with 307 to a path that answers its own preflight', async () => {
    const put = await api('/api/redirect-307-actual', { method: 'PUT', headers: { Origin: origin }, body: '{}' });
    expect(put.status).toBe(307);
    expect(put.headers.get('location')).toBe('/api/redirect-307-actual/moved');
    expect(put.headers.get('access-control-allow-origin')).toBe(origin);
    expect((await preflight('/api/redirect-307-actual/moved', 'PUT')).status).toBe(204);
    const moved = await api('/api/redirect-307-actual/moved', { method: 'PUT', headers: { Origin: origin } });
    expect(moved.status).toBe(200);
  });

  it('serves a 1x1 PNG to the image scenarios', async () => {
    const response = await api('/api/image-no-cors');
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('answers 405 to a preflight on a route that declares none', async () => {
    const response = await preflight('/api/simple-get', 'GET', 'x-unexpected');
    expect(response.status).toBe(405);
    expect(await response.text()).toContain('simple-get declares no preflight');
  });

  it('answers an unknown path with a 404 that names it', async () => {
    const response = await api('/api/no-such-scenario?x=1');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('No playground scenario answers /api/no-such-scenario');
    expect((await api('/same-origin/same-origin-fetch')).status).toBe(404);
  });
});

describe('log', () => {
  it('records each request with its scenario, CORS request headers and status', async () => {
    await preflight('/api/header-not-allowed?run=a', 'GET', 'x-api-key');
    await api('/api/simple-get', { headers: { Origin: origin } });
    await api('/nowhere');
    expect(playground.log).toMatchObject([
      {
        server: 'api',
        method: 'OPTIONS',
        path: '/api/header-not-allowed',
        query: '?run=a',
        scenario: 'header-not-allowed',
        preflight: true,
        origin,
        accessControlRequestMethod: 'GET',
        accessControlRequestHeaders: 'x-api-key',
        status: 204,
      },
      { method: 'GET', path: '/api/simple-get', scenario: 'simple-get', preflight: false, origin, status: 200 },
      { method: 'GET', path: '/nowhere', scenario: undefined, origin: undefined, status: 404 },
    ]);
    expect(playground.log[0]?.headers['origin']).toBe(origin);
    playground.clearLog();
    expect(playground.log).toEqual([]);
  });
});

describe('page origin', () => {
  it('serves the page with the API origin and the scenarios injected', async () => {
    const response = await fetch(playground.pageUrl);
    const html = await response.text();
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<title>CORS playground</title>');
    expect(html).toContain(`"apiOrigin":"${playground.apiOrigin}"`);
    expect(html).toContain('"name":"preflight-cache-hit"');
    expect(html).not.toContain('{{config}}');
  });

  it('serves its scripts as JavaScript, a 204 favicon and the same-origin endpoint', async () => {
    for (const script of ['/main.js', '/run-scenario.js', '/render.js']) {
      const response = await fetch(`${playground.pageOrigin}${script}`);
      expect(response.headers.get('content-type'), script).toBe('text/javascript; charset=utf-8');
    }
    expect((await fetch(`${playground.pageOrigin}/favicon.ico`)).status).toBe(204);
    const sameOrigin = await fetch(`${playground.pageOrigin}/same-origin/same-origin-fetch`);
    expect(sameOrigin.status).toBe(200);
    expect(playground.log.at(-1)).toMatchObject({ server: 'page', scenario: 'same-origin-fetch' });
  });
});

describe('odd input', () => {
  it('answers garbage with 400 and keeps serving', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const url = new URL(playground.apiOrigin);
      const socket = connect(Number(url.port), url.hostname, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += String(chunk)));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await api('/%%/..//?&&')).status).toBe(404);
    expect((await api('/api/simple-get')).status).toBe(200);
  });

  it('refuses a port that is taken, without leaving a server behind', async () => {
    const port = Number(new URL(playground.apiOrigin).port);
    await expect(startPlayground({ pagePort: port })).rejects.toThrow(/EADDRINUSE/);
  });
});
