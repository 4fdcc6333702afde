/**
 * Runs CORS exchanges as real fetch() calls in Firefox ESR and observes what the browser did.
 *
 * The same servers and the same in-page fetch() pool as the Chromium runner; what differs is how
 * the browser's own verdict is read. Firefox has no CDP: its reason is the console message it
 * writes for a blocked request, read by key (security.properties: CORSMissingAllowOrigin2, ...)
 * through an nsIConsoleListener in the chrome context (see ../browser/support/firefox-console-reasons).
 */
import { launchFirefox } from '../browser/support/firefox';
import { listenToConsoleReasons, type ConsoleReason, type ConsoleReasons } from '../browser/support/firefox-console-reasons';
import { fetchInFrame, sandboxedFrame } from './fetch-pool';
import { pathOf, serveRunnables, serverObservation, type BrowserRunOptions, type BrowserRunResult, type Runnable, type WireObservation } from './runnable';
import type { FirefoxExpectation, Origins } from './vector';

export interface FirefoxObservation extends FirefoxExpectation, WireObservation {}
export type FirefoxRunResult = BrowserRunResult<FirefoxObservation>;
export type FirefoxRunOptions = BrowserRunOptions;

export async function runInFirefox(
  build: (origins: Origins) => readonly Runnable[],
  options: FirefoxRunOptions,
): Promise<FirefoxRunResult> {
  const started = Date.now();
  const { servers, origins, runnables } = await serveRunnables(build, options.ports);

  const session = await launchFirefox({ extension: null });
  try {
    const reasons = await listenToConsoleReasons(session.chrome);
    const page = await session.browser.newPage();
    // tsx (esbuild keepNames) wraps named functions in `__name(...)`: give evaluated code a no-op one.
    await page.evaluateOnNewDocument('globalThis.__name ??= (f) => f;');
    await page.goto(`${origins.page}/`);
    const sandboxed = await sandboxedFrame(() => page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc'));
    await reasons.take();

    const concurrency = options.concurrency ?? 8;
    const outcomes = [
      ...(await fetchInFrame(page.mainFrame(), runnables.filter((r) => r.request.origin !== 'null'), concurrency)),
      ...(await fetchInFrame(sandboxed, runnables.filter((r) => r.request.origin === 'null'), concurrency)),
    ];
    const byPath = groupByPath(await settled(reasons));

    const observations = new Map<string, FirefoxObservation>();
    for (const outcome of outcomes) {
      const runnable = runnables.find((r) => r.id === outcome.id);
      if (runnable === undefined) continue;
      const path = pathOf(runnable.request.url);
      const seen = serverObservation(runnable, servers.log.get(path));
      const messages = byPath.get(path) ?? [];
      const errors = messages.filter((m) => !m.warning);
      const first = errors[0];
      const notes = [...seen.notes];
      if (!outcome.resolved && first === undefined) notes.push(`rejected without a CORS message: ${outcome.message}`);
      if (outcome.resolved && first !== undefined) notes.push(`resolved despite ${first.key}`);
      observations.set(outcome.id, {
        preflight: seen.preflight,
        requestHeaders: seen.requestHeaders,
        fetchResolved: outcome.resolved,
        ok: outcome.resolved && first === undefined,
        firefoxReason: first?.key ?? null,
        firefoxParameter: first?.parameter ?? null,
        firefoxReasons: errors.map((m) => m.key),
        firefoxWarnings: messages.filter((m) => m.warning).map((m) => m.key),
        wire: seen.wire,
        notes,
      });
    }
    const browserVersion = (await session.browser.version()).replace(/^firefox\//, '');
    return { browserVersion, origins, observations, elapsedMs: Date.now() - started };
  } finally {
    await session.close();
    await servers.close();
  }
}

/** Console messages can trail the fetch() promises: collect until 300 ms pass without one. */
async function settled(reasons: ConsoleReasons): Promise<ConsoleReason[]> {
  const all: ConsoleReason[] = [];
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 100));
    const fresh = await reasons.take();
    all.push(...fresh);
    quiet = fresh.length === 0 ? quiet + 1 : 0;
  }
  return all;
}

function groupByPath(messages: readonly ConsoleReason[]): Map<string, ConsoleReason[]> {
  const byPath = new Map<string, ConsoleReason[]>();
  for (const m of messages) {
    let path: string;
    try {
      path = pathOf(m.url);
    } catch {
      continue;
    }
    byPath.set(path, [...(byPath.get(path) ?? []), m]);
  }
  return byPath;
}
