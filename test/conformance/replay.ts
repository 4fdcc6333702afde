/**
 * Replays the whole corpus in real Chromium and records what it did.
 *
 *   npx tsx test/conformance/replay.ts            # run, compare with the committed fixture
 *   npx tsx test/conformance/replay.ts --write    # run and rewrite test/fixtures/cors-vectors.chromium.json
 *   npx tsx test/conformance/replay.ts --verbose  # also print one line per case (with what reached the wire)
 *
 * Ports: 8080 (page) and 8081 (API) by default so the fixture's URLs are stable; override with
 * --page-port N / --api-port N (or PAGE_PORT / API_PORT). Whatever the ports, the fixture is
 * written with the 8080/8081 origins. CHROME_PATH overrides the Chromium binary.
 */
import { existsSync } from 'node:fs';
import { allCases } from './cases';
import { API_ORIGIN, PAGE_ORIGIN, type CorsCase } from './cases/case';
import { diffExpectations, formatDiffs } from './compare-vectors';
import { FIXTURE_PATH, readFixture, writeFixture } from './fixture-file';
import { rebaseExchange, rebaseString } from './rebase-origins';
import { runInChromium } from './run-in-chromium';
import { vectorRequest, type CorsVector, type Expectation, type Origins } from './vector';

const CANONICAL: Origins = { page: PAGE_ORIGIN, api: API_ORIGIN };

function option(name: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  return raw === undefined ? fallback : Number(raw);
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const verbose = process.argv.includes('--verbose');
  const cases = allCases();
  const byId = new Map(cases.map((c) => [c.id, c] as const));
  const result = await runInChromium(
    // Cases are written with the canonical origins; move their requests and answers to the servers'.
    (origins) =>
      cases.map((c) =>
        rebaseExchange({ id: c.id, request: vectorRequest(c, CANONICAL), preflight: c.preflight, response: c.response }, CANONICAL, origins),
      ),
    { ports: { page: option('--page-port', 'PAGE_PORT', 8080), api: option('--api-port', 'API_PORT', 8081) } },
  );
  const observedIn = `Chromium ${result.browserVersion} (headless, playwright-core, fetch() between two loopback origins)`;

  const vectors: CorsVector[] = [];
  for (const [id, o] of result.observations) {
    const c = byId.get(id) as CorsCase;
    const { notes, wire, ...observed } = o;
    if (notes.length > 0) console.warn(`note ${id}: ${notes.join('; ')}`);
    if (verbose) {
      const e = observed;
      console.log(`${id}  preflight=${e.preflight} acrm=${wire.requestMethod} acrh=${JSON.stringify(e.requestHeaders)} sent=${wire.sentMethod} resolved=${e.fetchResolved} error=${e.error} param=${JSON.stringify(e.failedParameter)}`);
    }
    vectors.push({
      id,
      source: c.source,
      observedIn,
      request: vectorRequest(c, CANONICAL),
      preflight: c.preflight,
      response: c.response,
      expect: {
        ...observed,
        // Bring a failedParameter that names a replay port back to the canonical origins.
        failedParameter: observed.failedParameter === null ? null : rebaseString(observed.failedParameter, result.origins, CANONICAL),
      },
    });
  }
  if (vectors.length !== cases.length) throw new Error(`observed ${vectors.length} of ${cases.length} cases`);

  const counts = new Map<string, number>();
  for (const v of vectors) {
    const key = v.expect.error ?? (v.expect.ok ? 'ok' : 'failed without CORS error');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`${vectors.length} cases in ${(result.elapsedMs / 1000).toFixed(1)} s on ${observedIn}`);
  for (const [key, n] of [...counts].sort()) console.log(`  ${String(n).padStart(4)}  ${key}`);

  if (existsSync(FIXTURE_PATH)) {
    const recorded = new Map<string, Expectation>(readFixture().map((v) => [v.id, v.expect] as const));
    const diffs = diffExpectations(recorded, new Map(vectors.map((v) => [v.id, v.expect] as const)));
    console.log(diffs.length === 0 ? 'same as the fixture' : `${diffs.length} cases differ from the fixture:\n${formatDiffs(diffs)}`);
  }
  if (write) {
    writeFixture(vectors);
    console.log(`wrote ${FIXTURE_PATH}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
