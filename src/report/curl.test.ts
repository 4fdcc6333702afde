import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommands } from './curl';
import { API, PAGE, allowHeaders, allowMethods, allowOrigin, answer, exchange, failingPut, simpleGet } from './test-exchanges';

/** The arguments the shell would pass to curl: each command run through bash (which reads `$'...'`) with curl replaced by printf. */
function argv(command: string): string[] {
  const script = command.replace(/^curl /m, "printf '%s\\0' ");
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('curlCommands', () => {
  const put = exchange({
    method: 'PUT',
    url: `${API}/orders/1?page=2`,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Request-Id', 'abc'],
    ],
    preflight: answer(204, allowOrigin, allowMethods('PUT'), allowHeaders('content-type, x-request-id')),
    response: answer(200, allowOrigin),
  });

  it('reproduces the preflight with Origin and the Access-Control-Request-* headers', () => {
    const { preflight } = curlCommands(put);
    expect(preflight).toBe(
      [
        `curl -i -X OPTIONS '${API}/orders/1?page=2'`,
        `-H 'Origin: ${PAGE}'`,
        `-H 'Access-Control-Request-Method: PUT'`,
        `-H 'Access-Control-Request-Headers: content-type,x-request-id'`,
      ].join(' \\\n  '),
    );
    expect(argv(preflight ?? '')).toEqual([
      '-i',
      '-X',
      'OPTIONS',
      `${API}/orders/1?page=2`,
      '-H',
      `Origin: ${PAGE}`,
      '-H',
      'Access-Control-Request-Method: PUT',
      '-H',
      'Access-Control-Request-Headers: content-type,x-request-id',
    ]);
  });

  it('reproduces the request with its author headers and Origin, not the browser-added ones', () => {
    const { request } = curlCommands(put);
    const lines = request.split('\n');
    expect(lines[0]).toBe('# The request body is not captured; add it with --data-binary if the server needs it.');
    expect(argv(request)).toEqual(['-i', '-X', 'PUT', `${API}/orders/1?page=2`, '-H', `Origin: ${PAGE}`, '-H', 'Content-Type: application/json', '-H', 'X-Request-Id: abc']);
  });

  it('has no preflight for a simple request, and uses --head for HEAD', () => {
    expect(curlCommands(simpleGet()).preflight).toBeNull();
    expect(argv(curlCommands(simpleGet()).request)).toEqual(['-i', `${API}/items`, '-H', `Origin: ${PAGE}`]);
    expect(argv(curlCommands(simpleGet({ method: 'HEAD' })).request).slice(0, 2)).toEqual(['-i', '--head']);
  });

  it('rebuilds a preflight the cache answered from the classification', () => {
    const cached = exchange({ method: 'DELETE', headers: [['X-Api-Key', 'k']], preflight: 'cached', response: answer(204, allowOrigin) });
    expect(argv(curlCommands(cached).preflight ?? '')).toContain('Access-Control-Request-Headers: x-api-key');
  });

  it('says when the request was never sent and its header values are unknown', () => {
    const { request } = curlCommands(failingPut());
    expect(request.split('\n')[0]).toContain('never sent');
    expect(argv(request)).toContain('content-type;');
  });

  it('redacts credentials unless asked to keep them', () => {
    const withCookie = exchange({ headers: [['Authorization', 'Bearer tok3n-value']], cookie: 'sid=s3cret', preflight: answer(204, allowOrigin, allowHeaders('authorization')), response: answer(200, allowOrigin) });
    const redacted = argv(curlCommands(withCookie).request);
    expect(redacted).toContain('Authorization: [redacted: 18 bytes]');
    expect(redacted).toContain('Cookie: [redacted: 10 bytes]');
    const kept = argv(curlCommands(withCookie, { keepCredentials: true }).request);
    expect(kept).toContain('Authorization: Bearer tok3n-value');
    expect(kept).toContain('Cookie: sid=s3cret');
  });

  it('quotes any byte so the shell passes it through unchanged', () => {
    const nasty = `it's "$(id)" \`id\` $HOME\nnext line é 日本 -H x`;
    const e = exchange({
      method: 'PUT',
      url: `${API}/x?q=[1]{2}`,
      headers: [['X-Nasty', nasty]],
      preflight: answer(204, allowOrigin, allowMethods('PUT'), allowHeaders('x-nasty')),
      response: answer(200, allowOrigin),
    });
    const { preflight, request } = curlCommands(e, { keepCredentials: true });
    expect(argv(request)).toEqual(['-i', '-X', 'PUT', '--globoff', `${API}/x?q=[1]{2}`, '-H', `Origin: ${PAGE}`, '-H', `X-Nasty: ${nasty}`]);
    expect(argv(preflight ?? '')).toContain('--globoff');
  });

  it('never puts a control character on the clipboard, yet passes the exact value (paste-jacking)', () => {
    // ESC [201~ ends a terminal's bracketed paste; the ^C and the command after it would run as typed.
    const jack = 'a\u001b[201~\u0003touch /tmp/pwned #';
    const e = exchange({
      method: 'PUT',
      url: `${API}/x?q=\u001bP52;c\u0007`,
      headers: [['X-Trace', jack], ['X-Lines', 'a\r\nb\tc\u007f\u009b']],
      preflight: answer(204, allowOrigin, allowMethods('PUT'), allowHeaders('x-trace, x-lines')),
      response: answer(200, allowOrigin),
    });
    const { preflight, request } = curlCommands(e, { keepCredentials: true });
    for (const command of [preflight ?? '', request]) {
      // Line breaks only between the command's own lines: after a comment, or a continuation's backslash.
      expect(command).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      for (const line of command.split('\n').slice(0, -1)) expect(line.startsWith('#') || line.endsWith(' \\')).toBe(true);
    }
    expect(request).toContain("-H $'X-Trace: a\\x1B[201~\\x03touch /tmp/pwned #'");
    expect(argv(request)).toEqual(['-i', '-X', 'PUT', `${API}/x?q=\u001bP52;c\u0007`, '-H', `Origin: ${PAGE}`, '-H', `X-Trace: ${jack}`, '-H', 'X-Lines: a\r\nb\tc\u007f\u009b']);
  });

  it('never reads a URL or method as an option, and never throws', () => {
    const odd = { ...simpleGet(), url: '-o/tmp/x', method: 'GET --output x' };
    const args = argv(curlCommands(odd).request);
    expect(args).toContain('--url');
    expect(args).toContain('GET --output x');
    expect(() => curlCommands({ ...failingPut(), diagnosis: null, preflights: [] })).not.toThrow();
  });
});
