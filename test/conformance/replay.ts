/**
 * Replays the whole corpus in a real browser and records what it did.
 *
 *   npx tsx test/conformance/replay.ts            # Chromium: run, compare with the committed fixture
 *   npx tsx test/conformance/replay.ts --write    # run and rewrite test/fixtures/cors-vectors.chromium.json
 *   npx tsx test/conformance/replay.ts --verbose  # also print one line per case (with what reached the wire)
 *   npx tsx test/conformance/replay.ts --browser firefox [--write] [--verbose]
 *                                                 # the same in Firefox ESR: cors-vectors.firefox.json
 *
 * Ports: 8080 (page) and 8081 (API) by default so the fixture's URLs are stable; override with
 * --page-port N / --api-port N (or PAGE_PORT / API_PORT). Whatever the ports, the fixture is
 * written with the 8080/8081 origins. CHROME_PATH / FIREFOX_PATH override the browser binary.
 */
import { existsSync } from 'node:fs';
import { allCases } from './cases';
import { API_ORIGIN, PAGE_ORIGIN, type CorsCase } from './cases/case';
import { diffExpectations, formatDiffs } from './compare-vectors';
import { fixturePath, readFixture, writeFixture } from './fixture-file';
import { rebaseExchange, rebaseString } from './rebase-origins';
import { runInChromium } from './run-in-chromium';
import { runInFirefox } from './run-in-firefox';
import type { Runnable } from './runnable';
import {
  COMPARED_FIELDS,
  FIREFOX_COMPARED_FIELDS,
  vectorRequest,
  type Expectation,
  type FirefoxExpectation,
  type Origins,
  type Vector,
} from './vector';

const CANONICAL: Origins = { page: PAGE_ORIGIN, api: API_ORIGIN };

function option(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  return raw === undefined ? fallback : Number(raw);
}

type Browser = 'chromium' | 'firefox';

function browserOption(): Browser {
  const i = process.argv.indexOf('--browser');
  const name = i >= 0 ? process.argv[i + 1] : 'chromium';
  if (name === 'chromium' || name === 'firefox') return name;
  throw new Error(`--browser must be chromium or firefox, not ${name}`);
}

/** What one browser run gives back, whatever the browser: observations in the vector's own shape. */
interface Recording<E> {
  readonly observedIn: string;
  readonly elapsedMs: number;
  /** Per case: the expectation (with origins already canonical), the wire, the notes. */
  readonly observations: ReadonlyArray<readonly [id: string, expect: E, wire: string, notes: readonly string[]]>;
  /** The key a case is counted under in the summary. */
  summaryKey(expect: E): string;
  readonly fields: ReadonlyArray<keyof E & string>;
}

/** Cases are written with the canonical origins; move their requests and answers to the servers'. */
function runnables(cases: readonly CorsCase[], origins: Origins): Runnable[] {
  return cases.map((c) =>
    rebaseExchange({ id: c.id, request: vectorRequest(c, CANONICAL), preflight: c.preflight, response: c.response }, CANONICAL, origins),
  );
}

async function recordChromium(cases: readonly CorsCase[], ports: { page: number; api: number }): Promise<Recording<Expectation>> {
  const result = await runInChromium((origins) => runnables(cases, origins), { ports });
  const back = (text: string | null): string | null => (text === null ? null : rebaseString(text, result.origins, CANONICAL));
  return {
    observedIn: `Chromium ${result.browserVersion} (headless, playwright-core, fetch() between two loopback origins)`,
    elapsedMs: result.elapsedMs,
    observations: [...result.observations].map(([id, { notes, wire, ...observed }]) => [
      id,
      // Bring a failedParameter that names a replay port back to the canonical origins.
      { ...observed, failedParameter: back(observed.failedParameter) },
      `acrm=${wire.requestMethod} sent=${wire.sentMethod} error=${observed.error} param=${JSON.stringify(observed.failedParameter)}`,
      notes,
    ]),
    summaryKey: (e) => e.error ?? (e.ok ? 'ok' : 'failed without CORS error'),
    fields: COMPARED_FIELDS,
  };
}

async function recordFirefox(cases: readonly CorsCase[], ports: { page: number; api: number }): Promise<Recording<FirefoxExpectation>> {
  const result = await runInFirefox((origins) => runnables(cases, origins), { ports });
  const back = (text: string | null): string | null => (text === null ? null : rebaseString(text, result.origins, CANONICAL));
  return {
    observedIn: `Firefox ${result.browserVersion} (headless, puppeteer-core over WebDriver BiDi, fetch() between two loopback origins; reasons from the console)`,
    elapsedMs: result.elapsedMs,
    observations: [...result.observations].map(([id, { notes, wire, ...observed }]) => [
      id,
      { ...observed, firefoxParameter: back(observed.firefoxParameter) },
      `acrm=${wire.requestMethod} sent=${wire.sentMethod} reasons=${observed.firefoxReasons.join('+') || '-'} param=${JSON.stringify(observed.firefoxParameter)} warnings=${observed.firefoxWarnings.join('+') || '-'}`,
      notes,
    ]),
    summaryKey: (e) => e.firefoxReason ?? (e.ok ? 'ok' : 'failed without CORS message'),
    fields: FIREFOX_COMPARED_FIELDS,
  };
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const verbose = process.argv.includes('--verbose');
  const browser = browserOption();
  const cases = allCases();
  const ports = { page: option('--page-port', 'PAGE_PORT', 8080), api: option('--api-port', 'API_PORT', 8081) };
  if (browser === 'firefox') await report(cases, await recordFirefox(cases, ports), fixturePath('firefox'), { write, verbose });
  else await report(cases, await recordChromium(cases, ports), fixturePath('chromium'), { write, verbose });
}

async function report<E extends { preflight: boolean; requestHeaders: readonly string[]; fetchResolved: boolean }>(
  cases: readonly CorsCase[],
  recording: Recording<E>,
  path: string,
  { write, verbose }: { write: boolean; verbose: boolean },
): Promise<void> {
  const byId = new Map(cases.map((c) => [c.id, c] as const));
  const vectors: Array<Vector<E>> = [];
  for (const [id, expect, wire, notes] of recording.observations) {
    const c = byId.get(id) as CorsCase;
    if (notes.length > 0) console.warn(`note ${id}: ${notes.join('; ')}`);
    if (verbose) console.log(`${id}  preflight=${expect.preflight} acrh=${JSON.stringify(expect.requestHeaders)} resolved=${expect.fetchResolved} ${wire}`);
    vectors.push({
      id,
      source: c.source,
      observedIn: recording.observedIn,
      request: vectorRequest(c, CANONICAL),
      preflight: c.preflight,
      response: c.response,
      expect,
    });
  }
  if (vectors.length !== cases.length) throw new Error(`observed ${vectors.length} of ${cases.length} cases`);

  const counts = new Map<string, number>();
  for (const v of vectors) {
    const key = recording.summaryKey(v.expect);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`${vectors.length} cases in ${(recording.elapsedMs / 1000).toFixed(1)} s on ${recording.observedIn}`);
  for (const [key, n] of [...counts].sort()) console.log(`  ${String(n).padStart(4)}  ${key}`);

  if (existsSync(path)) {
    const recorded = new Map<string, E>((readFixture(path) as unknown as Array<Vector<E>>).map((v) => [v.id, v.expect] as const));
    const diffs = diffExpectations(recorded, new Map(vectors.map((v) => [v.id, v.expect] as const)), recording.fields);
    console.log(diffs.length === 0 ? 'same as the fixture' : `${diffs.length} cases differ from the fixture:\n${formatDiffs(diffs)}`);
  }
  if (write) {
    writeFixture(vectors, path);
    console.log(`wrote ${path}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
