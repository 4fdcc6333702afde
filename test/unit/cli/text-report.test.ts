/**
 * The CLI's text report of Firefox's own HAR export (test/fixtures/har/firefox-devtools.har): what
 * the panel shows of a Firefox verdict, its console reason and the "if sent with credentials"
 * verdict, held to what Firefox's console said in the same run (firefox-observed.json).
 */
import { describe, expect, it } from 'vitest';
import { textReport } from '../../../src/cli/text-report';
import { firefoxConsoleReason } from '../../../src/report/firefox-console-reasons';
import type { HarAnalysis } from '../../../src/har/index';
import { analyzeHar } from '../../../src/har/index';
import { allowOrigin, answer, API, exchange, simpleGet } from '../../../src/report/test-exchanges';
import { firefoxHarPath, firefoxObserved as observed, readFixture, scenarioOf } from '../har/har-fixtures';

const analysis = analyzeHar(readFixture(firefoxHarPath));
const text = textReport(analysis, 'firefox-devtools.har', false);

/** The report's block for one failure or one listed request: its first line up to the next blank or listed line. */
function blockOf(url: string, section: string): string {
  const body = text.slice(text.indexOf(`\n${section}\n`));
  const start = body.indexOf(` ${url}`);
  expect(start, url).toBeGreaterThan(0);
  const end = body.slice(start).search(/\n(?:\n|- entry )/);
  return body.slice(start, end < 0 ? undefined : start + end);
}

describe("the CLI's text report of a Firefox HAR", () => {
  it("gives each failure the reason Firefox's console gave for it, with its parameter", () => {
    const failed = analysis.exchanges.filter((e) => e.diagnosis?.verdict.ok === false);
    expect(failed.length).toBeGreaterThan(25);
    let matched = 0;
    for (const e of failed) {
      const verdict = e.diagnosis?.verdict;
      const block = blockOf(e.url, 'Failures');
      expect(block).toMatch(new RegExp(`\n {3}Firefox's console calls it ${verdict?.firefoxReason ?? ''}: \\(Reason: [^\n]*\\. MDN: https://developer\\.mozilla\\.org/docs/Web/HTTP/Guides/CORS/Errors/`));
      // Firefox's console said it for the same URL, with the same parameter (it may say more: CORSDidNotSucceed2 follows any block).
      const said = observed.consoleReasons.filter((r) => r.url === e.url && !r.warning).map((r) => `calls it ${r.key}: ${firefoxConsoleReason(r.key, r.parameter) ?? ''}`);
      if (said.some((words) => block.includes(words))) matched++;
      else expect(said, scenarioOf(e.url)).toEqual([]);
    }
    expect(matched).toBeGreaterThan(20);
  });

  it("lists a request Firefox blocked only for credentials: 'include' as passing unless sent with credentials, with the console's reason", () => {
    const [blindly] = analysis.exchanges.filter((e) => scenarioOf(e.url) === 'wildcard-credentials-no-cookie');
    expect(blindly?.diagnosis?.verdict.ok).toBe(true);
    const said = observed.consoleReasons.find((r) => r.url === blindly?.url && !r.warning);
    expect(said?.key).toBe('CORSNotSupportingCredentials');
    const block = blockOf(blindly?.url ?? '', 'Passed, unless sent with credentials');
    expect(block).toContain(`\n  If it was sent with credentials (credentials: 'include'), Firefox blocked it: ${said?.key ?? ''}. The browser sent GET ${blindly?.url ?? ''}`);
    expect(block).toContain('Access-Control-Allow-Origin: *, which is not allowed when the request carries credentials');
  });

  it('redacts what the second verdict quotes unless --keep-credentials', () => {
    const token = 'supersecret123';
    const exchange = simpleGet({ id: '0:3', browser: 'firefox', url: `${API}/feed?access_token=${token}`, response: answer(200, allowOrigin) });
    const one: HarAnalysis = { ...analysis, exchanges: [exchange], unexplained: [], skipped: [], fileWarnings: [], warnings: [] };
    const redacted = textReport(one, 'one.har', false);
    expect(redacted).toContain("\n- entry 3: GET https://api.example/feed?access_token=[redacted: 14 bytes]\n  If it was sent with credentials (credentials: 'include'), Firefox blocked it: CORSMissingAllowCredentials.");
    expect(redacted).not.toContain(token);
    expect(textReport(one, 'one.har', true)).toContain(`Firefox blocked it: CORSMissingAllowCredentials. The browser sent GET ${API}/feed?access_token=${token} from`);
  });

  it('shows the control characters a file holds instead of sending them to the terminal', () => {
    const evil = 'https://evil\u001b]0;pwned\u0007\u001b[2J';
    const exchange = simpleGet({ id: '0:4', url: `${API}/x`, response: answer(200, ['Access-Control-Allow-Origin', evil]) });
    const one: HarAnalysis = { ...analysis, exchanges: [exchange], unexplained: [], skipped: [], fileWarnings: [], warnings: [] };
    const report = textReport(one, 'one.har', true);
    expect(report).toContain('evil\\x1B]0;pwned\\x07\\x1B[2J');
    expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(report)).toBe(false);
  });
});

describe("the CLI's text report: a preflight answered with a status that is not 2xx", () => {
  it('asks for an ok status with the header lines', () => {
    const refused = exchange({ id: '0:4', method: 'PUT', url: `${API}/orders/4`, preflight: answer(404) });
    const one: HarAnalysis = { ...analysis, exchanges: [refused], unexplained: [], skipped: [], fileWarnings: [], warnings: [] };
    expect(textReport(one, 'one.har', false)).toContain(
      '\n   Fix: answer the preflight (OPTIONS) with status 204 (any 2xx passes) and\n     Access-Control-Allow-Origin: https://app.example\n     Access-Control-Allow-Methods: PUT\n',
    );
  });
});

describe("the CLI's text report table", () => {
  it('names where a redirected request was sent, redacted, and says cached only for a cache hit', () => {
    const moved = { ...simpleGet({ id: '0:5', url: `${API}/new`, response: answer(200, allowOrigin) }), redirects: [{ from: `${API}/old?token=abc`, to: `${API}/new`, status: 307, time: 1 }] };
    const cached = exchange({ id: '0:6', method: 'PUT', url: `${API}/orders/6`, preflight: 'cached', response: answer(200, allowOrigin) });
    const unseen = { ...exchange({ id: '0:7', method: 'PUT', url: `${API}/orders/7`, preflight: 'cached', response: answer(200, allowOrigin) }), preflightCache: null };
    const one: HarAnalysis = { ...analysis, exchanges: [moved, cached, unseen], unexplained: [], skipped: [], fileWarnings: [], warnings: [] };
    const rows = textReport(one, 'one.har', false).split('\n');
    expect(rows.find((row) => row.includes('/new'))).toMatch(/ https:\/\/api\.example\/new \(redirected from https:\/\/api\.example\/old\?token=\[redacted: 3 bytes\]\)$/);
    expect(rows.find((row) => row.endsWith('/orders/6'))).toMatch(/ cached /);
    expect(rows.find((row) => row.endsWith('/orders/7'))).toMatch(/ not seen /);
  });
});
