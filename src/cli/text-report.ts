import type { Exchange } from '../capture/exchange';
import type { HarAnalysis } from '../har/index';
import { preflightState } from '../report/json-report';
import { showControls } from '../report/markdown-text';
import { firefoxReasonWords, ifCredentialsIncludedWords, plainQuoting } from '../report/firefox-verdict-words';
import { inferredModeWords } from '../report/inferred-mode-words';
import { redactExchange, redactUrl } from '../report/redact';
import { fileNotes } from './har-notes';

/** How the text report names a verdict in its table. */
export type VerdictLabel = 'FAILED' | 'warning' | 'ok' | 'unobserved' | 'pending';

export function verdictLabel(exchange: Exchange): VerdictLabel {
  const verdict = exchange.diagnosis?.verdict;
  if (verdict === undefined) return 'pending';
  if (verdict.ok === false) return 'FAILED';
  if (verdict.ok === null) return 'unobserved';
  return verdict.warnings.length > 0 ? 'warning' : 'ok';
}

/**
 * The compact text report of the CLI: what the file is, a table of the cross-origin exchanges
 * with their verdicts, then each failure with its explanation (and Firefox's console reason) and
 * the header lines that fix it, the requests that pass but fail if sent with credentials
 * (Firefox), the warnings, and what the file did not let the analysis see. Credentials are
 * redacted unless `keepCredentials`.
 */
export function textReport(analysis: HarAnalysis, file: string, keepCredentials: boolean): string {
  const exchanges = analysis.exchanges.map((e) => redactExchange(e, { keepCredentials }));
  const failed = exchanges.filter((e) => verdictLabel(e) === 'FAILED');
  const warned = exchanges.filter((e) => (e.diagnosis?.verdict.warnings.length ?? 0) > 0);
  const { source } = analysis;
  const out: string[] = [];
  out.push(`${file}: ${source.creator}${source.browser === null || source.browser === source.creator ? '' : ` (${source.browser})`}, ${plural(source.entries, 'entry', 'entries')}, ${plural(source.preflights, 'preflight')}`);
  out.push(
    `${plural(exchanges.length, 'cross-origin request')}: ${failed.length} failed CORS, ${warned.length} with warnings${analysis.unexplained.length > 0 ? `; ${analysis.unexplained.length} more blocked for a reason the file does not show` : ''}`,
  );
  out.push(keepCredentials ? 'Credentials are shown as recorded (--keep-credentials).' : 'Credentials are redacted.');
  out.push('');
  if (exchanges.length > 0) out.push(...table(exchanges), '');

  if (failed.length > 0) {
    out.push('Failures');
    failed.forEach((e, i) => out.push(...failure(e, i + 1), ''));
  }
  const withCredentials = exchanges.filter((e) => e.diagnosis?.ifCredentialsIncluded !== undefined);
  if (withCredentials.length > 0) {
    out.push('Passed, unless sent with credentials');
    for (const e of withCredentials) out.push(...failingWithCredentials(e));
    out.push('');
  }
  if (analysis.unexplained.length > 0) {
    out.push('Blocked, reason not in the file');
    for (const u of analysis.unexplained) {
      out.push(`- entry ${u.index}: ${u.method} ${keepCredentials ? u.url : redactUrl(u.url)} (${u.error})`);
    }
    out.push(`  ${analysis.unexplained[0]?.explanation ?? ''}`, '');
  }
  if (warned.length > 0) {
    out.push('Warnings');
    for (const e of warned) {
      for (const w of e.diagnosis?.verdict.warnings ?? []) out.push(`- entry ${entryOf(e)}: ${e.method} ${e.url}: ${w.message}`);
    }
    out.push('');
  }
  const notes = fileNotes(analysis, keepCredentials);
  if (notes.length > 0) {
    out.push('About the file');
    for (const note of notes) out.push(`- ${note}`);
    out.push('');
  }
  // Values from the file (URLs, header values quoted in explanations) may hold terminal control
  // sequences: a HAR a bug reporter sent must not retitle, clear or write to the reader's terminal.
  const shown = out.join('\n').split('\n').map((line) => showControls(line, true));
  return `${shown.join('\n').trimEnd()}\n`;
}

function table(exchanges: readonly Exchange[]): string[] {
  const rows = exchanges.map((e) => [
    entryOf(e),
    verdictLabel(e),
    e.method,
    e.response === null ? '-' : String(e.response.status),
    preflightCell(e),
    e.diagnosis?.verdict.error ?? '',
    // Where the page sent it, when that is not where it ended: the URL a backend team can find in its logs.
    e.redirects[0] === undefined ? e.url : `${e.url} (redirected from ${e.redirects[0].from})`,
  ]);
  const head = ['Entry', 'Verdict', 'Method', 'Status', 'Preflight', 'Error', 'URL'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

/** The last preflight's status (or its error), else what the reports say: cached, not seen, or none needed ('-'). */
function preflightCell(e: Exchange): string {
  const last = e.preflights.at(-1);
  if (last !== undefined) return last.response === null ? (last.error ?? 'sent') : String(last.response.status);
  const state = preflightState(e);
  return state === 'cached' ? 'cached' : state === 'not-observed' ? 'not seen' : '-';
}

function failure(e: Exchange, n: number): string[] {
  const verdict = e.diagnosis?.verdict;
  if (verdict === undefined) return [];
  const lines = [`${n}. ${e.method} ${e.url} (entry ${entryOf(e)})`];
  const parameter = verdict.failedParameter === null || verdict.failedParameter === '' ? '' : ` (${verdict.failedParameter})`;
  lines.push(`   ${verdict.error ?? 'blocked'}${parameter}${verdict.stage === null ? '' : `, at the ${verdict.stage}`}`);
  const firefox = firefoxReasonWords(verdict, plainQuoting);
  if (firefox !== null) lines.push(`   ${firefox}`);
  if (e.diagnosis?.credentials.source === 'likely') lines.push('   Read as a request with credentials: the browser blocked it, and only that reading fails.');
  for (const text of verdict.explanation.split('\n')) lines.push(`   ${text}`);
  const mode = e.diagnosis === null ? null : inferredModeWords(e.diagnosis, plainQuoting);
  if (mode !== null) lines.push(`   ${mode}`);
  const preflightStatus = verdict.fix.preflightStatus;
  if (verdict.fix.preflight.length > 0 || preflightStatus !== undefined) {
    lines.push(`   Fix: answer the preflight (OPTIONS) with${preflightStatus === undefined ? '' : ` status ${preflightStatus} (any 2xx passes)${verdict.fix.preflight.length > 0 ? ' and' : ''}`}`, ...verdict.fix.preflight.map((h) => `     ${h}`));
  }
  if (verdict.fix.response.length > 0) lines.push('   Fix: answer the request with', ...verdict.fix.response.map((h) => `     ${h}`));
  return lines;
}

function failingWithCredentials(e: Exchange): string[] {
  const withCredentials = e.diagnosis?.ifCredentialsIncluded;
  if (withCredentials === undefined) return [];
  const words = ifCredentialsIncludedWords(withCredentials, plainQuoting);
  return [`- entry ${entryOf(e)}: ${e.method} ${e.url}`, ...words.split('\n').map((text) => `  ${text}`)];
}

/** The exchange's entry index in the HAR: its id is `<tab>:<entry index of the first hop>`. */
function entryOf(e: Exchange): string {
  return e.id.slice(e.id.indexOf(':') + 1);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
