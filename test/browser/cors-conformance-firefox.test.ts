import { describe, expect, it } from 'vitest';
import { diffExpectations, formatDiffs } from '../conformance/compare-vectors';
import { readFirefoxFixture } from '../conformance/fixture-file';
import { originsOfVectors, rebaseExchange, rebaseString } from '../conformance/rebase-origins';
import { runInFirefox } from '../conformance/run-in-firefox';
import { FIREFOX_COMPARED_FIELDS, type FirefoxExpectation } from '../conformance/vector';

/**
 * Replays the committed conformance corpus in real Firefox ESR (test/fixtures/cors-vectors.firefox.json),
 * on free ports, and checks the browser still does what was recorded: preflight,
 * Access-Control-Request-Headers, fetch() resolved, and Firefox's own console reasons (keys,
 * parameter, warnings). A Firefox update that changes any of them fails here with the list of
 * changed cases; re-record with `npx tsx test/conformance/replay.ts --browser firefox --write`
 * once the change is understood.
 */
describe('the CORS conformance corpus in Firefox', () => {
  it('behaves as recorded, case by case', async () => {
    const fixture = readFirefoxFixture();
    expect(fixture.length).toBeGreaterThanOrEqual(300);
    const recordedOrigins = originsOfVectors(fixture);

    const result = await runInFirefox(
      (origins) => fixture.map((v) => rebaseExchange(v, recordedOrigins, origins)),
      { ports: { page: 0, api: 0 } },
    );

    const observed = new Map<string, FirefoxExpectation>();
    for (const [id, o] of result.observations) {
      const { notes: _notes, wire: _wire, ...expectation } = o;
      const parameter = expectation.firefoxParameter;
      observed.set(id, {
        ...expectation,
        firefoxParameter: parameter === null ? null : rebaseString(parameter, result.origins, recordedOrigins),
      });
    }
    const recorded = new Map(fixture.map((v) => [v.id, v.expect] as const));
    const diffs = diffExpectations(recorded, observed, FIREFOX_COMPARED_FIELDS);
    const versions = [...new Set(fixture.map((v) => v.observedIn))].join('; ');
    const report = `${diffs.length} of ${fixture.length} cases changed (recorded in ${versions}, now Firefox ${result.browserVersion}):\n${formatDiffs(diffs)}`;
    if (diffs.length > 0) console.error(report);
    // How long the run took is printed, not asserted: speed is the bench's business.
    console.log(`${fixture.length} cases replayed in Firefox in ${(result.elapsedMs / 1000).toFixed(1)} s`);
    expect(diffs.length, report).toBe(0);
  });
});
