import { describe, expect, it } from 'vitest';
import { readFixture } from '../conformance/fixture-file';
import { replayCorpus } from '../conformance/replay-corpus';
import { runInChromium } from '../conformance/run-in-chromium';
import { COMPARED_FIELDS } from '../conformance/vector';

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

    const { diffs, report, elapsedMs } = await replayCorpus(fixture, {
      name: 'Chromium',
      run: runInChromium,
      expectationOf: ({ notes: _notes, wire: _wire, ...expectation }, back) => ({ ...expectation, failedParameter: back(expectation.failedParameter) }),
      fields: COMPARED_FIELDS,
    });
    // How long the run took is printed, not asserted: speed is the bench's business.
    console.log(`${fixture.length} cases replayed in Chromium in ${(elapsedMs / 1000).toFixed(1)} s`);
    if (diffs.length > 0) console.error(report);
    expect(diffs.length, report).toBe(0);
  });
});
