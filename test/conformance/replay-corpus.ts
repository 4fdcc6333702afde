/**
 * What the Chromium and Firefox conformance tests share: replay a recorded corpus in the browser on
 * free ports, bring each observation back to the recorded origins (a parameter can name one), and
 * list the cases whose compared fields changed.
 */
import { diffExpectations, formatDiffs, type CaseDiff } from './compare-vectors';
import { originsOfVectors, rebaseExchange, rebaseString } from './rebase-origins';
import type { BrowserRunOptions, BrowserRunResult, Runnable } from './runnable';
import type { Origins, Vector } from './vector';

export interface CorpusBrowser<E, O> {
  /** "Chromium", "Firefox": for the report. */
  readonly name: string;
  run(build: (origins: Origins) => readonly Runnable[], options: BrowserRunOptions): Promise<BrowserRunResult<O>>;
  /** The observation as the fixture records it; `back` moves a text from the replay's origins to the recorded ones. */
  expectationOf(observation: O, back: (text: string | null) => string | null): E;
  readonly fields: ReadonlyArray<keyof E & string>;
}

export interface CorpusReplay {
  readonly diffs: readonly CaseDiff[];
  /** How many cases changed, against which recording and browser version, and how. */
  readonly report: string;
  readonly elapsedMs: number;
}

export async function replayCorpus<E extends object, O>(fixture: ReadonlyArray<Vector<E>>, browser: CorpusBrowser<E, O>): Promise<CorpusReplay> {
  const recordedOrigins = originsOfVectors(fixture);
  const result = await browser.run((origins) => fixture.map((v) => rebaseExchange(v, recordedOrigins, origins)), { ports: { page: 0, api: 0 } });
  const back = (text: string | null): string | null => (text === null ? null : rebaseString(text, result.origins, recordedOrigins));
  const observed = new Map([...result.observations].map(([id, o]) => [id, browser.expectationOf(o, back)] as const));
  const recorded = new Map(fixture.map((v) => [v.id, v.expect] as const));
  const diffs = diffExpectations(recorded, observed, browser.fields);
  const versions = [...new Set(fixture.map((v) => v.observedIn))].join('; ');
  const report = `${diffs.length} of ${fixture.length} cases changed (recorded in ${versions}, now ${browser.name} ${result.browserVersion}):\n${formatDiffs(diffs)}`;
  return { diffs, report, elapsedMs: result.elapsedMs };
}
