import { describe, expect, it } from 'vitest';
import { readFirefoxFixture } from '../conformance/fixture-file';
import { replayCorpus } from '../conformance/replay-corpus';
import { runInFirefox } from '../conformance/run-in-firefox';
import { FIREFOX_COMPARED_FIELDS } from '../conformance/vector';

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

    const { diffs, report, elapsedMs } = await replayCorpus(fixture, {
      name: 'Firefox',
      run: runInFirefox,
      expectationOf: ({ notes: _notes, wire: _wire, ...expectation }, back) => ({ ...expectation, firefoxParameter: back(expectation.firefoxParameter) }),
      fields: FIREFOX_COMPARED_FIELDS,
    });
    // How long the run took is printed, not asserted: speed is the bench's business.
    console.log(`${fixture.length} cases replayed in Firefox in ${(elapsedMs / 1000).toFixed(1)} s`);
    if (diffs.length > 0) console.error(report);
    expect(diffs.length, report).toBe(0);
  });
});
