import { describe, expect, it } from 'vitest';
import { diffExpectations, formatDiffs } from '../conformance/compare-vectors';
import { readFixture } from '../conformance/fixture-file';
import { originsOfVectors, rebaseString, rebaseVector } from '../conformance/rebase-origins';
import { runInChromium } from '../conformance/run-in-chromium';
import type { Expectation } from '../conformance/vector';

/**
 * Replays the committed conformance corpus (test/fixtures/cors-vectors.chromium.json) in real
 * Chromium, on free ports, and checks the browser still does what was recorded: preflight,
 * Access-Control-Request-Headers, fetch() resolved, CorsError and failedParameter. A Chromium
 * update that changes any of them fails here with the list of changed cases; re-record with
 * `npx tsx test/conformance/replay.ts --write` once the change is understood.
 */
describe('the CORS conformance corpus in Chromium', () => {
  it('behaves as recorded, case by case', async () => {
    const fixture = readFixture();
    expect(fixture.length).toBeGreaterThanOrEqual(300);
    const recordedOrigins = originsOfVectors(fixture);

    const result = await runInChromium(
      (origins) => fixture.map((v) => rebaseVector(v, recordedOrigins, origins)),
      { ports: { page: 0, api: 0 } },
    );

    const observed = new Map<string, Expectation>();
    for (const [id, o] of result.observations) {
      const { notes: _notes, wire: _wire, ...expectation } = o;
      const parameter = expectation.failedParameter;
      observed.set(id, {
        ...expectation,
        failedParameter: parameter === null ? null : rebaseString(parameter, result.origins, recordedOrigins),
      });
    }
    const recorded = new Map(fixture.map((v) => [v.id, v.expect] as const));
    const diffs = diffExpectations(recorded, observed);
    const versions = [...new Set(fixture.map((v) => v.observedIn))].join('; ');
    const report = `${diffs.length} of ${fixture.length} cases changed (recorded in ${versions}, now Chromium ${result.browserVersion}):\n${formatDiffs(diffs)}`;
    if (diffs.length > 0) console.error(report);
    // How long the run took is printed, not asserted: speed is the bench's business.
    console.log(`${fixture.length} cases replayed in Chromium in ${(result.elapsedMs / 1000).toFixed(1)} s`);
    expect(diffs.length, report).toBe(0);
  });
});
