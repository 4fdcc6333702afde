import { describe, expect, it } from 'vitest';
import { getHeader } from '../capture/header-list';
import { redactExchange, redactHeaderValue, redactionMark, redactUrl, utf8Length } from './redact';
import { authSchemes } from './secret-patterns';
import { API, allowHeaders, allowMethods, allowOrigin, answer, exchange } from './test-exchanges';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('redactionMark', () => {
  it('says how many UTF-8 bytes were hidden', () => {
    expect(redactionMark('Bearer abc')).toBe('[redacted: 10 bytes]');
    expect(redactionMark('é')).toBe('[redacted: 2 bytes]');
    expect(redactionMark('x')).toBe('[redacted: 1 byte]');
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('€')).toBe(3);
  });
});

describe('redactHeaderValue', () => {
  it.each(['Authorization', 'proxy-authorization', 'Cookie', 'Set-Cookie', 'set-cookie2'])('hides the whole value of %s', (name) => {
    expect(redactHeaderValue(name, 'secret-value')).toBe('[redacted: 12 bytes]');
  });

  it.each(['X-Api-Key', 'x-auth-token', 'X-CSRF-Token', 'x-amz-security-token', 'x-goog-api-key', 'X-Session-Id', 'x-client-secret'])(
    'hides headers named like secrets: %s',
    (name) => {
      expect(redactHeaderValue(name, 'k1')).toBe('[redacted: 2 bytes]');
    },
  );

  it.each(['X-AuthToken', 'X-Authorization', 'X-CSRFToken', 'x-authtoken', 'x-csrftoken', 'X-AuthKey', 'X-Refresh-Token', 'x-jsessionid'])(
    'hides headers named like secrets in camelCase, run together or any case: %s',
    (name) => {
      expect(redactHeaderValue(name, 'SECRET-abc123')).toBe('[redacted: 13 bytes]');
    },
  );

  it.each(['X-Request-Id', 'Keep-Alive', 'X-Passenger', 'X-Monkey', 'X-Keyword', 'Accept-Ranges'])('keeps headers whose names only look like secrets: %s', (name) => {
    expect(redactHeaderValue(name, 'v-1')).toBe('v-1');
  });

  it.each(authSchemes)('hides the credentials after the %s scheme, in any case, in any header that may hold tokens', (scheme) => {
    expect(redactHeaderValue('X-Debug', `${scheme} k3y-v4l, realm=x`)).toBe(`${scheme} [redacted: 7 bytes], realm=x`);
    expect(redactHeaderValue('X-Trace', `via ${scheme.toLowerCase()} k3y-v4l`)).toBe(`via ${scheme.toLowerCase()} [redacted: 7 bytes]`);
  });

  it('keeps ordinary and CORS values', () => {
    expect(redactHeaderValue('Content-Type', 'application/json')).toBe('application/json');
    expect(redactHeaderValue('X-Request-Id', 'abc-123')).toBe('abc-123');
    expect(redactHeaderValue('Access-Control-Allow-Headers', 'x-api-key, authorization')).toBe('x-api-key, authorization');
    expect(redactHeaderValue('ETag', '"0123456789abcdef0123456789abcdef"')).toBe('"0123456789abcdef0123456789abcdef"');
  });

  it('hides token-like runs in any other header', () => {
    expect(redactHeaderValue('X-Forwarded-Auth-Info', 'anything')).toBe('[redacted: 8 bytes]');
    expect(redactHeaderValue('X-Upstream', `Bearer ${jwt}`)).toBe(`Bearer ${redactionMark(jwt)}`);
    expect(redactHeaderValue('X-Trace', `user=${jwt}`)).toBe(`user=${redactionMark(jwt)}`);
    expect(redactHeaderValue('X-Hex', 'id 0123456789abcdef0123456789abcdef0123')).toBe('id [redacted: 36 bytes]');
    const b64 = 'QWxhZGRpbjpvcGVuIHNlc2FtZQ9aZ3Vlc3Q6Z3Vlc3QxMjM0NTY3';
    expect(redactHeaderValue('X-Blob', b64)).toBe(redactionMark(b64));
    expect(redactHeaderValue('X-Words', 'a-perfectly-ordinary-but-rather-long-header-value-here')).toBe('a-perfectly-ordinary-but-rather-long-header-value-here');
  });

  it('finds token runs wherever they sit in a value', () => {
    const hex = '0123456789abcdef0123456789abcdef';
    expect(redactHeaderValue('X-Trace', `session-${hex}; v=1`)).toBe(`session-${redactionMark(hex)}; v=1`);
    expect(redactHeaderValue('X-Trace', `x_${hex}`)).toBe(`x_${hex}`);
    expect(redactHeaderValue('X-Trace', `a,${jwt},b`)).toBe(`a,${redactionMark(jwt)},b`);
    expect(redactHeaderValue('X-Trace', 'basic dXNlcjpwYXNzd29yZA==')).toBe('basic [redacted: 20 bytes]');
    const padded = 'QWxhZGRpbjpvcGVuIHNlc2FtZQ9aZ3Vlc3Q6Z3Vlc3QxMjM0NTY3ODk==';
    expect(redactHeaderValue('X-Blob', `k ${padded} k`)).toBe(`k ${redactionMark(padded)} k`);
    expect(redactHeaderValue('X-Long', 'v'.repeat(10_000))).toBe('v'.repeat(10_000));
    expect(redactHeaderValue('X-Short', 'Token')).toBe('Token');
  });

  it('redacts query secrets of URLs in Referer and Location', () => {
    expect(redactHeaderValue('Referer', 'https://app.example/cb?code=abc&x=1')).toBe('https://app.example/cb?code=[redacted: 3 bytes]&x=1');
  });

  it('redacts the URLs of a Link header, each one alone', () => {
    expect(redactHeaderValue('Link', '<https://api.example/items?page=2&access_token=SECRET-abc123>; rel="next", </items?page=9>; rel="last"')).toBe(
      '<https://api.example/items?page=2&access_token=[redacted: 13 bytes]>; rel="next", </items?page=9>; rel="last"',
    );
  });

  it('redacts the fragment of a Location: OAuth\'s implicit flow answers with #access_token=', () => {
    expect(redactHeaderValue('Location', 'https://app.example/cb#access_token=SECRETtoken123&state=1')).toBe('https://app.example/cb#access_token=[redacted: 14 bytes]&state=1');
  });

  it('keeps empty values empty', () => {
    expect(redactHeaderValue('Authorization', '')).toBe('');
  });
});

describe('redactUrl', () => {
  it.each([
    ['token', 'abc'],
    ['access_token', 'abc'],
    ['api_key', 'abc'],
    ['apiKey', 'abc'],
    ['key', 'abc'],
    ['sig', 'abc'],
    ['signature', 'abc'],
    ['password', 'abc'],
    ['client_secret', 'abc'],
    ['code', 'abc'],
    ['X-Amz-Signature', 'abc'],
    ['X-Amz-Credential', 'abc'],
  ])('hides ?%s=', (name, value) => {
    expect(redactUrl(`${API}/x?page=2&${name}=${value}#top`)).toBe(`${API}/x?page=2&${name}=[redacted: 3 bytes]#top`);
  });

  it.each([
    ['accessToken', 'abc'],
    ['authToken', 'abc'],
    ['AccessToken', 'abc'],
    ['user[password]', 'abc'],
    ['user%5Bpassword%5D', 'abc'],
    ['ACCESS_TOKEN', 'abc'],
    ['Code', 'abc'],
    ['oauth2Token', 'abc'],
  ])('hides camelCase, bracketed and upper-case secret names: ?%s=', (name, value) => {
    expect(redactUrl(`${API}/x?page=2&${name}=${value}`)).toBe(`${API}/x?page=2&${name}=[redacted: 3 bytes]`);
  });

  it('keeps parameters whose names only look like secrets', () => {
    expect(redactUrl(`${API}/x?keyword=cors&monkey=1&passenger=2&sort=key`)).toBe(`${API}/x?keyword=cors&monkey=1&passenger=2&sort=key`);
  });

  it('hides a user name given without a password: a token passed as the user name', () => {
    const token = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
    expect(redactUrl(`https://${token}@api.github.com/repos/x`)).toBe(`https://${redactionMark(token)}@api.github.com/repos/x`);
    expect(redactUrl('https://abc123@api.example/x')).toBe('https://[redacted: 6 bytes]@api.example/x');
    // The userinfo ends at the last `@`, as the URL parser reads it.
    expect(redactUrl('https://user:p@ss@api.example/x')).toBe('https://user:[redacted: 4 bytes]@api.example/x');
    expect(redactUrl('https://api.example/x?to=a@b')).toBe('https://api.example/x?to=a@b');
  });

  it('hides clear tokens in the path, and keeps ids, hashes, UUIDs and slugs readable', () => {
    expect(redactUrl(`${API}/magic-login/${jwt}`)).toBe(`${API}/magic-login/${redactionMark(jwt)}`);
    const run = 'Zx9Qk2LmP0aB7cD4eF6gH8iJ1kL3mN5oP7qR9sT2uV4wX';
    expect(redactUrl(`${API}/download/${run}/file.zip`)).toBe(`${API}/download/${redactionMark(run)}/file.zip`);
    for (const path of [
      '/repos/octocat/Hello-World/commits/7fd1a60b01f91b314f59955a4e4d4e80d8edf11d',
      '/items/123e4567-e89b-12d3-a456-426614174000',
      '/items/123e4567e89b12d3a456426614174000',
      '/assets/app.3f2a9c1b8d7e6f5a4b3c2d1e0f9a8b7c.js',
      '/posts/How-To-Configure-CORS-In-Express-4-And-Nginx-2024',
      '/a-perfectly-ordinary-but-rather-long-path-segment-here/42',
    ]) {
      expect(redactUrl(`${API}${path}`)).toBe(`${API}${path}`);
    }
  });

  it('hides secrets in the fragment: parameters, a route\'s query, a route\'s token; keeps anchors', () => {
    expect(redactUrl(`${API}/cb#access_token=abc&state=1`)).toBe(`${API}/cb#access_token=[redacted: 3 bytes]&state=1`);
    expect(redactUrl(`${API}/#/reset?accessToken=abc`)).toBe(`${API}/#/reset?accessToken=[redacted: 3 bytes]`);
    expect(redactUrl(`${API}/#/verify/${jwt}`)).toBe(`${API}/#/verify/${redactionMark(jwt)}`);
    expect(redactUrl(`${API}/docs#section-2`)).toBe(`${API}/docs#section-2`);
  });

  it('keeps other parameters, bare names and malformed escapes', () => {
    expect(redactUrl(`${API}/x?page=2&flag&q=%E0%A4%A`)).toBe(`${API}/x?page=2&flag&q=%E0%A4%A`);
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('hides token-like values whatever the name, and passwords in userinfo', () => {
    expect(redactUrl(`${API}/x?t=${jwt}`)).toBe(`${API}/x?t=${redactionMark(jwt)}`);
    expect(redactUrl('https://user:hunter2@api.example/x')).toBe('https://user:[redacted: 7 bytes]@api.example/x');
  });
});

describe('redactExchange', () => {
  it('hides a short token quoted in the prose with its URL (a secret under 4 bytes is not scrubbed alone)', () => {
    const short = exchange({ url: `${API}/items?token=qq7&page=2`, response: answer(200) });
    expect(short.diagnosis?.verdict.explanation).toContain('token=qq7');
    const redacted = redactExchange(short);
    expect(redacted.url).toBe(`${API}/items?token=[redacted: 3 bytes]&page=2`);
    expect(JSON.stringify(redacted)).not.toContain('qq7');
    expect(redacted.diagnosis?.verdict.explanation).toContain(`${API}/items?token=[redacted: 3 bytes]&page=2`);
  });

  const token = `Bearer ${jwt}`;
  const withSecrets = () =>
    exchange({
      method: 'PUT',
      url: `${API}/items?access_token=supersecret&page=1`,
      headers: [
        ['Authorization', token],
        ['X-Api-Key', 'key-12345'],
        ['Content-Type', 'application/json'],
      ],
      cookie: 'session=s3cr3t-cookie',
      preflight: answer(204, allowOrigin, allowMethods('PUT'), allowHeaders('content-type, x-api-key')),
      response: answer(200, allowOrigin, ['Set-Cookie', 'session=next-s3cr3t; HttpOnly']),
    });

  it('hides every credential but keeps the names', () => {
    const redacted = redactExchange(withSecrets());
    const text = JSON.stringify(redacted);
    for (const secret of [jwt, 'key-12345', 's3cr3t-cookie', 'next-s3cr3t', 'supersecret']) expect(text).not.toContain(secret);
    expect(getHeader(redacted.requestHeaders ?? [], 'authorization')).toBe(redactionMark(token));
    expect(getHeader(redacted.requestHeaders ?? [], 'cookie')).toBe('[redacted: 21 bytes]');
    expect(getHeader(redacted.requestHeaders ?? [], 'content-type')).toBe('application/json');
    expect(redacted.url).toBe(`${API}/items?access_token=[redacted: 11 bytes]&page=1`);
    expect(redacted.diagnosis?.classification.requestHeaders).toEqual(['authorization', 'content-type', 'x-api-key']);
  });

  it('hides the values that reasons and explanations quote', () => {
    const redacted = redactExchange(withSecrets());
    const reason = redacted.diagnosis?.classification.reasons.find((r) => r.header === 'authorization');
    expect(reason?.value).toBe(redactionMark(token));
    expect(redacted.diagnosis?.verdict.explanation).not.toContain('supersecret');
  });

  it('hides them in the Firefox reading "if sent with credentials" too', () => {
    const original = withSecrets();
    const diagnosis = original.diagnosis;
    if (diagnosis === null) throw new Error('the builder diagnoses');
    const firefox = { ...original, diagnosis: { ...diagnosis, ifCredentialsIncluded: diagnosis.verdict } };
    const redacted = redactExchange(firefox);
    expect(redacted.diagnosis?.ifCredentialsIncluded).toBeDefined();
    expect(JSON.stringify(redacted.diagnosis?.ifCredentialsIncluded)).not.toContain('supersecret');
    expect(JSON.stringify(firefox.diagnosis.ifCredentialsIncluded)).toContain('supersecret');
  });

  it('hides a token of the path wherever the diagnosis quotes the URL', () => {
    const inPath = exchange({ method: 'PUT', url: `${API}/magic-login/${jwt}?accessToken=tok_8f3kQ2pL9x`, response: answer(200) });
    const text = JSON.stringify(redactExchange(inPath));
    expect(JSON.stringify(inPath)).toContain(jwt);
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('tok_8f3kQ2pL9x');
  });

  it('keeps everything with keepCredentials', () => {
    const original = withSecrets();
    expect(redactExchange(original, { keepCredentials: true })).toBe(original);
  });

  it('does not modify its input', () => {
    const original = withSecrets();
    const before = JSON.stringify(original);
    redactExchange(original);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('never throws on hostile values', () => {
    const hostile = exchange({
      url: `${API}/x?%ZZ=%&token==&&=&${'a'.repeat(10_000)}`,
      headers: [
        ['X-Weird', '\u0000\u001b[31m<script>`$(rm)`</script>\r\n'],
        ['Authorization', '\ud800'],
      ],
      response: answer(200, allowOrigin),
    });
    expect(() => redactExchange(hostile)).not.toThrow();
  });
});
