/**
 * Runs CORS exchanges as real fetch() calls in Chromium and observes what the browser did.
 *
 * - The page origin's document runs each fetch() (a sandboxed iframe runs the "null"-origin ones),
 *   a few at a time, each on its own URL so the preflight cache never interferes.
 * - The servers log whether a preflight came and its Access-Control-Request-Headers.
 * - A CDP session on the page gives Chromium's own verdict: `Network.loadingFailed` ->
 *   `corsErrorStatus`, with `Audits.issueAdded` CORS issues as a fallback.
 */
import type { CDPSession } from 'playwright-core';
import { launchPlainChromium } from '../browser/support/chromium';
import { fetchInFrame, sandboxedFrame } from './fetch-pool';
import { pathOf, serveRunnables, serverObservation, type BrowserRunOptions, type BrowserRunResult, type Runnable, type WireObservation } from './runnable';
import type { Expectation, Origins } from './vector';

export type { Runnable } from './runnable';

export interface Observation extends Expectation, WireObservation {}
export type RunResult = BrowserRunResult<Observation>;
export type RunOptions = BrowserRunOptions;

interface CorsReport {
  readonly corsError: string;
  readonly failedParameter: string;
}

/** Builds the runnables once the servers' origins are known, runs them, returns observations. */
export async function runInChromium(
  build: (origins: Origins) => readonly Runnable[],
  options: RunOptions,
): Promise<RunResult> {
  const started = Date.now();
  const { servers, origins, runnables } = await serveRunnables(build, options.ports);

  const browser = await launchPlainChromium();
  try {
    const page = await browser.newPage();
    // tsx (esbuild keepNames) wraps named functions in `__name(...)`: give evaluated code a no-op one.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const reports = corsReports();
    await page.goto(`${origins.page}/`);
    const sandboxed = await sandboxedFrame(() => page.frames().find((f) => f.name() === 'sandboxed' && f.url() === 'about:srcdoc'));
    // Sandboxed iframes run in their own process in Chromium 156 (IsolateSandboxedIframes), and
    // the page's session does not see their requests: watch the frame's target too, when it has one.
    const sessions = [await page.context().newCDPSession(page)];
    const frameSession = await page.context().newCDPSession(sandboxed).catch(() => null);
    if (frameSession !== null) sessions.push(frameSession);
    for (const cdp of sessions) {
      reports.watch(cdp);
      await cdp.send('Network.enable');
      await cdp.send('Audits.enable');
    }

    const concurrency = options.concurrency ?? 8;
    const [fromPage, fromNull] = [
      runnables.filter((r) => r.request.origin !== 'null'),
      runnables.filter((r) => r.request.origin === 'null'),
    ];
    const outcomes = [
      ...(await fetchInFrame(page.mainFrame(), fromPage, concurrency)),
      ...(await fetchInFrame(sandboxed, fromNull, concurrency)),
    ];
    await reports.settled();

    const observations = new Map<string, Observation>();
    for (const outcome of outcomes) {
      const runnable = runnables.find((r) => r.id === outcome.id);
      if (runnable === undefined) continue;
      const seen = serverObservation(runnable, servers.log.get(pathOf(runnable.request.url)));
      const report = reports.forUrl(runnable.request.url);
      const notes = [...seen.notes];
      if (reports.onlyInAudits(runnable.request.url)) notes.push('CORS error only in Audits.issueAdded');
      if (reports.disagree(runnable.request.url)) notes.push('Network and Audits name different CORS errors');
      if (!outcome.resolved && report === null) notes.push(`rejected without a CORS error: ${outcome.message}`);
      const error = report?.corsError ?? null;
      observations.set(outcome.id, {
        preflight: seen.preflight,
        requestHeaders: seen.requestHeaders,
        fetchResolved: outcome.resolved,
        ok: outcome.resolved && error === null,
        error,
        failedParameter: report === null ? null : report.failedParameter,
        wire: seen.wire,
        notes,
      });
    }
    return { browserVersion: browser.version(), origins, observations, elapsedMs: Date.now() - started };
  } finally {
    await browser.close();
    await servers.close();
  }
}

interface CorsReports {
  watch(cdp: CDPSession): void;
  forUrl(url: string): CorsReport | null;
  /** The CORS error was reported only as a DevTools issue, not on Network.loadingFailed. */
  onlyInAudits(url: string): boolean;
  /** Network.loadingFailed and the DevTools issue name different errors. */
  disagree(url: string): boolean;
  settled(): Promise<void>;
}

/** Collects Chromium's CORS verdicts per request URL from Network and Audits events. */
function corsReports(): CorsReports {
  const urls = new Map<string, string>();
  const preflightIds = new Set<string>();
  const failed = new Map<string, CorsReport>();
  const issues = new Map<string, CorsReport>();
  let lastEvent = Date.now();

  const watch = (cdp: CDPSession): void => {
    cdp.on('Network.requestWillBeSent', (e) => {
      lastEvent = Date.now();
      if (e.type === 'Preflight' || e.initiator.type === 'preflight') preflightIds.add(e.requestId);
      else if (!urls.has(e.requestId)) urls.set(e.requestId, e.request.url);
    });
    cdp.on('Network.loadingFailed', (e) => {
      lastEvent = Date.now();
      const status = e.corsErrorStatus;
      if (status === undefined || preflightIds.has(e.requestId)) return;
      const url = urls.get(e.requestId);
      if (url !== undefined) failed.set(url, { corsError: status.corsError, failedParameter: status.failedParameter });
    });
    cdp.on('Audits.issueAdded', (e) => {
      lastEvent = Date.now();
      const details = e.issue.details.corsIssueDetails;
      if (details === undefined || details.isWarning) return;
      const url = details.request.url;
      if (!issues.has(url)) {
        issues.set(url, { corsError: details.corsErrorStatus.corsError, failedParameter: details.corsErrorStatus.failedParameter });
      }
    });
  };

  return {
    watch,
    forUrl: (url) => failed.get(url) ?? issues.get(url) ?? null,
    onlyInAudits: (url) => !failed.has(url) && issues.has(url),
    disagree: (url) => {
      const [a, b] = [failed.get(url), issues.get(url)];
      return a !== undefined && b !== undefined && (a.corsError !== b.corsError || a.failedParameter !== b.failedParameter);
    },
    settled: async () => {
      // Events can trail the promises that page.evaluate returned: wait for 300 ms of quiet.
      while (Date.now() - lastEvent < 300) await new Promise((r) => setTimeout(r, 100));
    },
  };
}
