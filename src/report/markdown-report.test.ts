import { describe, expect, it } from 'vitest';
import type { Exchange } from '../capture/exchange';
import { diagnose } from '../capture/diagnose';
import { markdownReport } from './markdown-report';
import { readMarkdownBlocks, tableCells } from './markdown-structure';
import {
  API,
  allowHeaders,
  allowMethods,
  allowOrigin,
  allowCredentials,
  answer,
  exchange,
  failingPut,
  maxAge,
  simpleGet,
} from './test-exchanges';

const fixed = { generatedAt: '2025-11-22T01:00:00.000Z', source: 'https://app.example/page' };

describe('markdownReport', () => {
  const put = failingPut({ url: `${API}/orders/1` });
  const missingAcao = exchange({ url: `${API}/profile`, response: answer(200) });
  const ok = simpleGet();
  const warned = simpleGet({ response: answer(200, allowOrigin) });
  const report = markdownReport([put, missingAcao, ok, warned], fixed);

  it('starts with a title and the summary counts', () => {
    expect(report.startsWith('# CORS report: 2 of 4 cross-origin requests failed\n')).toBe(true);
    expect(report).toContain('Generated 2025-11-22T01:00:00.000Z from https://app.example/page by CORS DevTools.');
    expect(report).toContain('| Cross-origin requests | 4 |');
    expect(report).toContain('| Failed (CORS) | 2 |');
    expect(report).toContain('| Preflighted | 1 |');
    expect(report).toContain('| PreflightMissingAllowOriginHeader | 1 |');
    expect(report).toContain('| MissingAllowOriginHeader | 1 |');
  });

  it('gives each failing exchange its verdict, fix and headers', () => {
    expect(report).toContain(`### 1. PUT ${API}/orders/1`);
    expect(report).toContain('- **Error:** `PreflightMissingAllowOriginHeader`');
    expect(report).toContain('- **Stage:** preflight');
    expect(report).toContain('**Fix: the preflight (OPTIONS) response needs**\n\n```http\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Methods: PUT\nAccess-Control-Allow-Headers: content-type\n```');
    expect(report).toContain('**Preflight request**\n\n```http\nOPTIONS https://api.example/orders/1\nAccess-Control-Request-Method: PUT');
    expect(report).toContain('**Request:** not sent (its preflight stopped it)');
    expect(report).toContain(`### 2. GET ${API}/profile`);
    expect(report).toContain('**Fix: the response needs**\n\n```http\nAccess-Control-Allow-Origin: https://app.example\n```');
    expect(report).toContain('**Response**\n\n```http\nHTTP/1.1 200\n```');
    expect(report).not.toContain('### 3.');
  });

  it('lists exchanges with warnings but no failure', () => {
    expect(report).toContain('## Warnings without a failure');
    expect(report).toMatch(/- `vary-origin-missing`: .*\n {2}- GET https:\/\/api\.example\/items\n/);
  });

  it('gives each warning once, with the requests it was given for', () => {
    const twice = [simpleGet({ url: `${API}/a`, response: answer(200, allowOrigin) }), simpleGet({ url: `${API}/b`, response: answer(200, allowOrigin) }), simpleGet({ url: `${API}/a`, response: answer(200, allowOrigin) })];
    const section = markdownReport(twice, fixed).split('## Warnings without a failure\n\n')[1] ?? '';
    expect(section.match(/`vary-origin-missing`/g)).toHaveLength(1);
    expect(section).toMatch(/^- `vary-origin-missing`: [^\n]*\n {2}- GET https:\/\/api\.example\/a \(2 requests\)\n {2}- GET https:\/\/api\.example\/b\n/);
  });

  it('counts the requests blocked for a reason the source does not hold, in the title and the summary', () => {
    const blocked = markdownReport([ok], { ...fixed, unexplainedBlocks: 3 });
    expect(blocked.startsWith('# CORS report: 3 cross-origin requests blocked for a reason not recorded; none of the 1 checked failed\n')).toBe(true);
    expect(blocked).toContain('| Pending | 0 |\n| Blocked, reason not recorded (not counted above) | 3 |\n');
    expect(markdownReport([put, ok], { ...fixed, unexplainedBlocks: 1 }).startsWith('# CORS report: 1 cross-origin request blocked for a reason not recorded; 1 of the 2 checked failed\n')).toBe(true);
    expect(report).not.toContain('Blocked, reason not recorded');
  });

  it('says where a redirected request went first, in its section and in the lists', () => {
    const hop = { from: `${API}/old?token=abc`, to: `${API}/new`, status: 307, time: 5 };
    const failed = { ...exchange({ url: `${API}/new`, response: answer(200) }), redirects: [hop] };
    const warnedAfterRedirect = { ...simpleGet({ url: `${API}/new`, response: answer(200, allowOrigin) }), redirects: [hop] };
    const md = markdownReport([failed, warnedAfterRedirect], fixed);
    expect(md).toContain('- **Status:** 200\n- **Redirected:** 307 from https://api.example/old?token=\\[redacted: 3 bytes\\] to https://api.example/new\n');
    expect(md).toMatch(/## Warnings without a failure\n\n- `vary-origin-missing`: [^\n]*\n {2}- GET https:\/\/api\.example\/new \(redirected from https:\/\/api\.example\/old\?token=\\\[redacted: 3 bytes\\\]\)\n/);
    expect(md).not.toContain('token=abc');
    expect(report).not.toContain('redirected');
  });

  it('names the requests whose preflight it counts as likely unexpected, with why', () => {
    const traced = exchange({ url: `${API}/traced`, headers: [['X-Request-Id', 'abc']], preflight: answer(204, allowOrigin, allowHeaders('x-request-id'), maxAge(600)), response: answer(200, allowOrigin) });
    const md = markdownReport([put, traced, ok], fixed);
    expect(md).toContain('| Likely unexpected preflights | 1 |');
    const section = md.slice(md.indexOf('## Likely unexpected preflights\n'));
    expect(section).toMatch(/^## Likely unexpected preflights\n\nPreflights caused only by headers that libraries and tracing add, .*\n\n- GET https:\/\/api\.example\/traced\n {2}- X-Request-Id is not a CORS-safelisted request header, so the browser sends a preflight/);
    expect(section).not.toContain('orders/1');
    expect(report).not.toContain('## Likely unexpected preflights');
  });

  it('says when nothing failed, and when credentials are kept', () => {
    const clean = markdownReport([ok], { ...fixed, keepCredentials: true });
    expect(clean.startsWith('# CORS report: 1 cross-origin request, none failed\n')).toBe(true);
    expect(clean).toContain('**Credentials are kept');
    expect(clean).not.toContain('## Failed requests');
    expect(markdownReport([], fixed)).toContain('| Cross-origin requests | 0 |');
  });

  it('redacts credentials by default', () => {
    const withToken = exchange({
      headers: [['Authorization', 'Bearer abcdef123456']],
      cookie: 'sid=very-secret',
      preflight: answer(204, allowOrigin, allowHeaders('authorization'), ['Access-Control-Allow-Credentials', 'true']),
      response: answer(200),
    });
    const redacted = markdownReport([withToken], fixed);
    expect(redacted).not.toContain('abcdef123456');
    expect(redacted).not.toContain('very-secret');
    expect(redacted).toContain('Authorization: [redacted: 19 bytes]');
    expect(markdownReport([withToken], { ...fixed, keepCredentials: true })).toContain('Authorization: Bearer abcdef123456');
  });

  it('redacts secrets named in camelCase or brackets, and those of a Link header', () => {
    const leaky = failingPut({ url: `${API}/items?accessToken=tok_8f3kQ2pL9x&user[password]=hunter2hunter2` });
    const linked = exchange({ response: answer(200, ['Link', `<${API}/items?page=2&access_token=SECRET-abc123>; rel="next"`], ['X-CSRFToken', 'csrf-s3cret']) });
    const secrets = ['tok_8f3kQ2pL9x', 'hunter2hunter2', 'SECRET-abc123', 'csrf-s3cret'];
    const redacted = markdownReport([leaky, linked], fixed);
    for (const secret of secrets) expect(redacted).not.toContain(secret);
    const kept = markdownReport([leaky, linked], { ...fixed, keepCredentials: true }).replaceAll('\\', '');
    for (const secret of secrets) expect(kept).toContain(secret);
  });

  describe("Firefox's verdicts, as the panel words them", () => {
    const blocked = failingPut({ browser: 'firefox', url: `${API}/orders/2` });
    const token = 'supersecret123';
    const passed = simpleGet({ browser: 'firefox', url: `${API}/feed?access_token=${token}`, response: answer(200, allowOrigin) });
    const firefox = markdownReport([blocked, passed], fixed);

    it("names Firefox's console reason and its parameter, with MDN's page", () => {
      expect(firefox).toContain(
        "- Firefox's console calls it `CORSMissingAllowOrigin2`: (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 204. [MDN](https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin)",
      );
      expect(report).not.toContain("Firefox's console");
    });

    it('lists a request that passed but fails if sent with credentials, with that verdict', () => {
      expect(passed.diagnosis?.verdict.ok).toBe(true);
      const section = firefox.slice(firefox.indexOf('## Passed, unless sent with credentials\n'));
      expect(section.startsWith('## Passed, unless sent with credentials\n\n- GET https://api.example/feed?access\\_token=\\[redacted: 14 bytes\\]\n')).toBe(true);
      expect(section).toContain(
        "\n  - If it was sent with credentials (`credentials: 'include'`), Firefox blocked it: `CORSMissingAllowCredentials`. The browser sent GET https://api.example/feed",
      );
      expect(section).toContain('so the response needs Access-Control-Allow-Credentials: true; the server sent none. Firefox ends a blocked simple request like any other');
      // With credentials allowed, the second verdict passes too and nothing is listed.
      const both = simpleGet({ browser: 'firefox', response: answer(200, allowOrigin, allowCredentials) });
      expect(markdownReport([both], fixed)).not.toContain('## Passed, unless sent with credentials');
    });

    it('redacts what that verdict quotes unless credentials are kept', () => {
      expect(firefox).not.toContain(token);
      expect(markdownReport([passed], { ...fixed, keepCredentials: true })).toContain(`Firefox blocked it: \`CORSMissingAllowCredentials\`. The browser sent GET ${API}/feed?access\\_token=${token} from`);
    });
  });

  describe('with hostile data', () => {
    const evil = '```\n# Injected\n<script>alert(1)</script>|`x`|[a](javascript:x)\u0000\u202E';
    const hostile = exchange({
      method: 'PUT',
      url: `${API}/x?q=${encodeURIComponent(evil)}&raw=|<b>`,
      headers: [
        ['X-Evil', evil],
        ['X-Long', 'v'.repeat(10_000)],
      ],
      preflight: answer(204, allowOrigin, allowMethods('PUT'), allowHeaders('x-evil'), ['X-Server', evil], maxAge(5)),
      response: answer(200, ['Access-Control-Allow-Origin', evil], ['X-Server', '````\n````']),
    });
    const md = markdownReport([hostile], { ...fixed, source: evil });
    const { blocks, outside, unclosed } = readMarkdownBlocks(md);

    it('keeps quoted data inside its code blocks', () => {
      expect(unclosed).toBe(false);
      expect(blocks.some((b) => b.some((line) => line.startsWith('X-Evil: ```\\x0A# Injected\\x0A<script>')))).toBe(true);
      expect(blocks.some((b) => b.includes('X-Server: ````\\x0A````'))).toBe(true);
      for (const block of blocks) for (const line of block) expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
    });

    it('escapes what it quotes outside code blocks', () => {
      for (const line of outside) {
        expect(line).not.toMatch(/(?<!\\)<(?:script|b)/);
        expect(line).not.toMatch(/^# Injected/);
        expect(line).not.toMatch(/(?<!\\)\[a\]/);
        expect(line).not.toMatch(/[\u0000\u202e]/);
      }
    });

    it('keeps table rows to their cells', () => {
      for (const line of outside.filter((l) => l.startsWith('|'))) expect(tableCells(line)).toHaveLength(2);
    });

    it('shows invisible characters (tags, bidi marks, variation selectors) wherever it quotes them', () => {
      const hidden = '\u{E0041}\u{E0042}\u061C\u2066\uFE0F\u{E0100}';
      const tagged = exchange({ url: `${API}/items?q=${hidden}`, headers: [['X-Hidden', hidden]], response: answer(200) });
      const out = markdownReport([tagged], { ...fixed, source: hidden });
      expect(out).toContain('\\U000E0041\\U000E0042\\u061C\\u2066\\uFE0F\\U000E0100');
      expect(out).not.toMatch(/[\u061C\u2066\uFE0F\u{E0000}-\u{E0FFF}]/u);
    });

    it('does not throw on anything', () => {
      const broken = { ...hostile, diagnosis: null, requestHeaders: null, response: null };
      expect(() => markdownReport([broken, hostile], {})).not.toThrow();
    });
  });
});

describe('markdownReport: a preflight answered with a status that is not 2xx', () => {
  it('asks for an ok status before the header lines, which alone would not mend it', () => {
    const refused = exchange({ method: 'PUT', url: `${API}/orders/2`, preflight: answer(401, allowOrigin, allowMethods('PUT')) });
    const report = markdownReport([refused], fixed);
    expect(report).toContain('**Fix: answer the preflight (OPTIONS) with status 204** (any 2xx passes; no header line mends another status)');
    expect(report).not.toContain('**Fix: the preflight (OPTIONS) response');
    const bare = markdownReport([exchange({ method: 'PUT', url: `${API}/orders/3`, preflight: answer(404) })], fixed);
    expect(bare).toContain('**Fix: answer the preflight (OPTIONS) with status 204**');
    expect(bare).toContain('**Fix: the preflight (OPTIONS) response also needs**\n\n```http\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Methods: PUT\n```');
  });
});

describe('markdownReport: a POST whose mode was inferred (plain http), blocked in Firefox', () => {
  it('says the failure holds if it was a CORS request', () => {
    const base = exchange({ browser: 'firefox', method: 'POST', url: `${API}/beacon`, headers: [['Content-Type', 'text/plain']], response: answer(200) });
    const sent = (base.requestHeaders ?? []).filter(([name]) => name.toLowerCase() !== 'sec-fetch-mode');
    const inferred: Exchange = { ...base, requestHeaders: sent, mode: { value: 'cors', source: 'inferred' }, diagnosis: null };
    const md = markdownReport([{ ...inferred, diagnosis: diagnose(inferred, 'firefox') }], fixed);
    expect(md).toMatch(/\n\nRead as a CORS request: without Sec-Fetch-Mode .*Firefox ends both the same way, so this holds if it was a CORS request\.\n/);
  });
});
