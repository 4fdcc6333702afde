/**
 * The Markdown report: ready to paste into a bug tracker. A title, a summary, one section per
 * failing exchange (verdict, Firefox's console reason, fix, warnings, headers), then the
 * exchanges that passed but fail if sent with credentials (Firefox), then those whose preflight
 * is likely unexpected, then those with warnings only. Everything quoted from a page or a server
 * goes through `markdown-text.ts`.
 */
import type { Exchange, PreflightRecord, ResponseRecord } from '../capture/exchange';
import type { HeaderList } from '../capture/header-list';
import { firefoxReasonWords, ifCredentialsIncludedWords, type Quoting } from './firefox-verdict-words';
import { inferredModeWords } from './inferred-mode-words';
import { fencedBlock, inlineCode, inlineText, tableCell, truncate } from './markdown-text';
import { redactExchange } from './redact';
import type { ReportOptions } from './report-options';
import { isFailedExchange, summarize, type ReportSummary } from './report-summary';
import { isUnexpectedPreflight } from './unexpected-preflight';

const MAX_URL_IN_HEADING = 200;

/** Values as code spans, text escaped; links are only ever built from a checked Firefox reason key. */
const markdownQuoting: Quoting = { code: inlineCode, text: inlineText, link: (label, url) => `[${label}](${url})` };

function summaryTable(s: ReportSummary, unexplainedBlocks: number): string {
  const rows: Array<[string, number]> = [
    ['Cross-origin requests', s.total],
    ['Failed (CORS)', s.failed],
    ['Passed', s.passed],
    ['Not fully observed', s.notObserved],
    ['Pending', s.pending],
    ...(unexplainedBlocks > 0 ? [['Blocked, reason not recorded (not counted above)', unexplainedBlocks] as [string, number]] : []),
    ['Preflighted', s.preflighted],
    ['Preflights sent', s.preflightsSent],
    ['Preflight cache hits', s.preflightCacheHits],
    ['Likely unexpected preflights', s.likelyUnexpectedPreflights],
  ];
  const lines = ['| | Count |', '|---|---:|', ...rows.map(([label, n]) => `| ${label} | ${n} |`)];
  if (s.errors.length > 0) lines.push('', '| CORS error | Count |', '|---|---:|', ...s.errors.map((e) => `| ${tableCell(e.error)} | ${e.count} |`));
  return lines.join('\n');
}

function headerLines(headers: HeaderList): string[] {
  return headers.map(([name, value]) => `${name}: ${value}`);
}

function responseBlock(response: ResponseRecord): string {
  return fencedBlock([response.statusLine === '' ? `HTTP ${response.status}` : response.statusLine, ...headerLines(response.headers)], 'http');
}

function preflightBlocks(p: PreflightRecord, index: number, count: number): string[] {
  const label = count > 1 ? ` ${index + 1} of ${count}` : '';
  const out = [`**Preflight request${label}**`, '', fencedBlock([`OPTIONS ${p.url}`, ...headerLines(p.requestHeaders)], 'http'), ''];
  if (p.response !== null) out.push(`**Preflight response${label}**`, '', responseBlock(p.response), '');
  else out.push(`**Preflight response${label}:** none${p.error === null ? '' : ` (${inlineText(p.error)})`}`, '');
  return out;
}

/** A list item's request: method and URL, and where the request went first when it was redirected. */
function requestItem(e: Exchange): string {
  const first = e.redirects[0];
  const from = first === undefined ? '' : ` (redirected from ${inlineText(truncate(first.from, MAX_URL_IN_HEADING))})`;
  return `${inlineText(e.method)} ${inlineText(truncate(e.url, MAX_URL_IN_HEADING))}${from}`;
}

function credentialsWords(e: Exchange): string {
  const c = e.diagnosis?.credentials;
  if (c === undefined) return 'unknown';
  const how = c.source === 'cookie-header' ? 'a Cookie header was sent' : c.source === 'likely' ? 'likely: the request fails only with credentials' : "fetch()'s default";
  return `${c.mode} (${how})`;
}

function failureSection(e: Exchange, n: number): string {
  const d = e.diagnosis;
  if (d === null) return '';
  const v = d.verdict;
  const out = [`### ${n}. ${inlineText(e.method)} ${inlineText(truncate(e.url, MAX_URL_IN_HEADING))}`, ''];
  const parameter = v.failedParameter === null || v.failedParameter === '' ? '' : ` (failed parameter: ${inlineCode(v.failedParameter)})`;
  out.push(`- **Error:** ${inlineCode(v.error ?? 'blocked')}${parameter}`);
  const firefox = firefoxReasonWords(v, markdownQuoting);
  if (firefox !== null) out.push(`- ${firefox}`);
  if (v.stage !== null) out.push(`- **Stage:** ${v.stage}`);
  out.push(`- **Credentials mode:** ${inlineText(credentialsWords(e))}`);
  if (e.error !== null) out.push(`- **Browser error:** ${inlineCode(e.error)}`);
  if (e.response !== null) out.push(`- **Status:** ${e.response.status}`);
  for (const r of e.redirects) out.push(`- **Redirected:** ${r.status} from ${inlineText(truncate(r.from, MAX_URL_IN_HEADING))} to ${inlineText(truncate(r.to, MAX_URL_IN_HEADING))}`);
  out.push('', inlineText(v.explanation), '');
  const mode = inferredModeWords(d, markdownQuoting);
  if (mode !== null) out.push(mode, '');
  const reasons = d.classification.reasons;
  if (reasons.length > 0) {
    out.push(`**Why a preflight${isUnexpectedPreflight(e) ? ' (likely unexpected)' : ''}:**`, '');
    for (const r of reasons) out.push(`- ${inlineText(r.message)}`);
    out.push('');
  }
  const preflightStatus = v.fix.preflightStatus;
  if (preflightStatus !== undefined) out.push(`**Fix: answer the preflight (OPTIONS) with status ${preflightStatus}** (any 2xx passes; no header line mends another status)`, '');
  if (v.fix.preflight.length > 0) out.push(`**Fix: the preflight (OPTIONS) response ${preflightStatus === undefined ? 'needs' : 'also needs'}**`, '', fencedBlock(v.fix.preflight, 'http'), '');
  if (v.fix.response.length > 0) out.push('**Fix: the response needs**', '', fencedBlock(v.fix.response, 'http'), '');
  if (v.warnings.length > 0) {
    out.push('**Warnings:**', '');
    for (const w of v.warnings) out.push(`- ${inlineCode(w.code)}: ${inlineText(w.message)}`);
    out.push('');
  }
  e.preflights.forEach((p, i) => out.push(...preflightBlocks(p, i, e.preflights.length)));
  if (e.requestHeaders !== null) out.push('**Request**', '', fencedBlock([`${e.method} ${e.url}`, ...headerLines(e.requestHeaders)], 'http'), '');
  else out.push('**Request:** not sent (its preflight stopped it)', '');
  if (e.response !== null) out.push('**Response**', '', responseBlock(e.response), '');
  return out.join('\n');
}

function failingWithCredentials(exchanges: readonly Exchange[]): string {
  const out: string[] = [];
  for (const e of exchanges) {
    const withCredentials = e.diagnosis?.ifCredentialsIncluded;
    if (withCredentials === undefined) continue;
    out.push(`- ${requestItem(e)}`, `  - ${ifCredentialsIncludedWords(withCredentials, markdownQuoting)}`);
  }
  return out.length === 0 ? '' : ['## Passed, unless sent with credentials', '', ...out, ''].join('\n');
}

/**
 * Each warning once, with the requests it was given for: a server that sends no Max-Age on any
 * preflight gets the same sentence for every request, which a list per request repeated.
 */
function warningsOnly(exchanges: readonly Exchange[]): string {
  // Sentence -> request -> how many exchanges of that request got it (a page may call one URL often).
  const requestsBySentence = new Map<string, Map<string, number>>();
  for (const e of exchanges) {
    if (isFailedExchange(e)) continue;
    for (const w of e.diagnosis?.verdict.warnings ?? []) {
      const sentence = `${inlineCode(w.code)}: ${inlineText(w.message)}`;
      let requests = requestsBySentence.get(sentence);
      if (requests === undefined) requestsBySentence.set(sentence, (requests = new Map()));
      const request = requestItem(e);
      requests.set(request, (requests.get(request) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const [sentence, requests] of requestsBySentence) {
    out.push(`- ${sentence}`);
    for (const [request, times] of requests) out.push(`  - ${request}${times > 1 ? ` (${times} requests)` : ''}`);
  }
  return out.length === 0 ? '' : ['## Warnings without a failure', '', ...out, ''].join('\n');
}

/** The requests whose preflight is likely unexpected (the summary counts them), each with its reasons. */
function unexpectedPreflights(exchanges: readonly Exchange[]): string {
  const out: string[] = [];
  for (const e of exchanges) {
    if (!isUnexpectedPreflight(e)) continue;
    out.push(`- ${requestItem(e)}`);
    for (const r of e.diagnosis?.classification.reasons ?? []) out.push(`  - ${inlineText(r.message)}`);
  }
  if (out.length === 0) return '';
  const about = 'Preflights caused only by headers that libraries and tracing add, a Content-Type on a GET or HEAD, or a safelisted header with an unusual value (a heuristic): without those the request would need none.';
  return ['## Likely unexpected preflights', '', about, '', ...out, ''].join('\n');
}

/** What the title says: how many failed, and first how many were blocked for a reason the source does not hold. */
function titleCounts(s: ReportSummary, unexplainedBlocks: number): string {
  const requests = (n: number): string => `${n} cross-origin ${n === 1 ? 'request' : 'requests'}`;
  if (unexplainedBlocks > 0) {
    const checked = s.failed === 0 ? `none of the ${s.total} checked failed` : `${s.failed} of the ${s.total} checked failed`;
    return `${requests(unexplainedBlocks)} blocked for a reason not recorded; ${checked}`;
  }
  return s.failed === 0 ? `${requests(s.total)}, none failed` : `${s.failed} of ${requests(s.total)} failed`;
}

/**
 * The exchanges as a Markdown report (see the module comment). Credentials are redacted unless
 * `keepCredentials` is set, and the report says which.
 */
export function markdownReport(exchanges: readonly Exchange[], options: ReportOptions = {}): string {
  const keep = options.keepCredentials === true;
  const shown = exchanges.map((e) => redactExchange(e, { keepCredentials: keep }));
  const summary = summarize(shown);
  const title = `# CORS report: ${titleCounts(summary, options.unexplainedBlocks ?? 0)}`;
  const about = [`Generated ${inlineText(options.generatedAt ?? new Date().toISOString())}`];
  if (options.source !== undefined && options.source !== '') about.push(`from ${inlineText(truncate(options.source, 500))}`);
  const credentials = keep
    ? '**Credentials are kept: this report contains cookies, tokens and other secrets as captured.**'
    : 'Credentials are redacted: the values of Authorization, Cookie, Set-Cookie, Proxy-Authorization, secret-named headers and query parameters, and token-like values are replaced by their size.';
  const parts = [title, '', `${about.join(' ')} by CORS DevTools. ${credentials}`, '', '## Summary', '', summaryTable(summary, options.unexplainedBlocks ?? 0), ''];
  const failing = shown.filter(isFailedExchange);
  if (failing.length > 0) {
    parts.push('## Failed requests', '');
    failing.forEach((e, i) => parts.push(failureSection(e, i + 1)));
  }
  const withCredentials = failingWithCredentials(shown);
  if (withCredentials !== '') parts.push(withCredentials);
  const unexpected = unexpectedPreflights(shown);
  if (unexpected !== '') parts.push(unexpected);
  const warnings = warningsOnly(shown);
  if (warnings !== '') parts.push(warnings);
  return `${parts.join('\n').trimEnd()}\n`;
}
