/** Whatever the file holds, the analysis answers: a HarError a user understands, or a partial report that says what it left out. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeHar, analyzeHarStream, HarError, HarReader, type HarAnalysis } from '../../../src/har/index';
import { jsonReport } from '../../../src/report/json-report';
import { validateJson, type JsonSchema } from '../../../src/report/json-schema-subset';
import { devtoolsHarPath, readFixture } from './har-fixtures';

function harError(run: () => unknown): HarError {
  try {
    run();
  } catch (error) {
    if (error instanceof HarError) return error;
    throw error;
  }
  throw new Error('expected a HarError');
}

const entry = (url: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  startedDateTime: '2026-01-01T00:00:00.000Z',
  time: 10,
  request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [{ name: 'Origin', value: 'https://app.example' }], headersSize: 100 },
  response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
  timings: { send: 1, wait: 5, receive: 4 },
  ...extra,
});
const har = (entries: unknown[]): string => JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

describe('input that is no HAR at all: HarError', () => {
  it.each([
    ['not JSON', 'hello, world', 'not-json', /not valid JSON/],
    ['an HTML page', '<!doctype html><html></html>', 'not-json', /not valid JSON \(it starts with "<!doctype html><html"\)/],
    ['empty', '', 'empty', /The file is empty/],
    ['only whitespace', ' \n\t ', 'empty', /empty/],
    ['a JSON array', '[1, 2]', 'not-har', /JSON array, not a HAR/],
    ['JSON without a log', '{"name": "package", "version": "1.0.0"}', 'not-har', /JSON, but not a HAR file: it has no "log" with "entries"/],
    ['a log without entries', '{"log": {"version": "1.2"}}', 'not-har', /no "log" with "entries"/],
    ['a JSON string', '"log"', 'not-json', /not valid JSON/],
    ['cut before its entries', '{"log": {"version": "1.2", "creator": {"name": "x"', 'truncated', /ends before its "entries" begin/],
    ['broken before the first entry', '{"log": {"version" "1.2", "entries": []}}', 'not-json', /expected ":" at character 19/],
    ['a property name with a raw control character', '{"log": {"ver\u0001sion": "1.2", "entries": []}}', 'not-json', /property name that is not a valid JSON string at character 9\)/],
    ['a property name with a bad escape', '{"log": {"bad\\q": 1, "entries": []}}', 'not-json', /property name that is not a valid JSON string at character 9\)/],
  ])('%s', (_, text, code, message) => {
    const error = harError(() => analyzeHar(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', []],
    ['an object without entries', { log: { entries: 'none' } }],
  ])('a parsed value that is not a HAR: %s', (_, value) => {
    expect(harError(() => analyzeHar(value)).code).toBe('not-har');
  });
});

describe('a HAR with problems: a partial report that says what it skipped', () => {
  it('an empty entries array: nothing to report, nothing wrong', () => {
    const analysis = analyzeHar(har([]));
    expect(analysis).toMatchObject({ exchanges: [], skipped: [], warnings: [], unexplained: [] });
    expect(analysis.source).toMatchObject({ entries: 0, creator: 'test 1', version: '1.2' });
  });

  it('entries missing what a request needs are skipped, each with its reason', () => {
    const analysis = analyzeHar(
      har([
        42,
        { response: {} },
        { request: { method: 'GET' } },
        { request: { url: 'https://api.example/x' } },
        { request: { method: 'GET', url: 'https://exa mple/%' } },
        entry('https://api.example/ok'),
      ]),
    );
    expect(analysis.skipped).toEqual([
      { index: 0, reason: 'the entry is not an object' },
      { index: 1, reason: 'the entry has no "request" object' },
      { index: 2, reason: 'the request has no "url"' },
      { index: 3, reason: 'the request has no "method"' },
      { index: 4, reason: 'the request URL does not parse', url: 'https://exa mple/%' },
    ]);
    expect(analysis.warnings).toContain('5 entries could not be read and were skipped.');
    expect(analysis.exchanges.map((e) => e.url)).toEqual(['https://api.example/ok']);
  });

  it('an entry without a response, timings or time: a failed exchange, the error saying the HAR had none', () => {
    const analysis = analyzeHar(har([{ request: { method: 'GET', url: 'https://api.example/x', headers: [{ name: 'Origin', value: 'https://app.example' }] } }]));
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.exchanges[0]).toMatchObject({ state: 'failed', error: 'no response in the HAR', response: null });
    expect(analysis.warnings).toContain('1 entry had no valid startedDateTime: each was placed right after the entry before it.');
  });

  it('data:, blob: and ws: URLs are left out as live capture leaves them, and counted', () => {
    const analysis = analyzeHar(har([entry('data:text/plain,hi'), entry('blob:https://app.example/1'), entry('wss://api.example/socket')]));
    expect(analysis.source.notHttp).toBe(3);
    expect(analysis).toMatchObject({ exchanges: [], skipped: [] });
  });

  it('odd header values: numbers and booleans read as text, null as empty, objects and nameless items ignored and counted', () => {
    const headers = [
      { name: 'Origin', value: 'https://app.example' },
      { name: 'X-Count', value: 3 },
      { name: 'X-Flag', value: true },
      { name: 'X-Null', value: null },
      { name: 'X-Object', value: { nested: 1 } },
      { value: 'no name' },
      'not a header',
      { name: 'X-Control', value: 'a\u0000b\r\nc' },
    ];
    const analysis = analyzeHar(har([entry('https://api.example/x', { request: { method: 'PUT', url: 'https://api.example/x', headers, headersSize: 10 } })]));
    expect(analysis.exchanges[0]?.requestHeaders).toEqual([
      ['Origin', 'https://app.example'],
      ['X-Count', '3'],
      ['X-Flag', 'true'],
      ['X-Null', ''],
      ['X-Control', 'a\u0000b\r\nc'],
    ]);
    expect(analysis.warnings).toContain('3 header items had no name or a value that is not text, and were ignored.');
    expect(analysis.exchanges[0]?.diagnosis).not.toBeNull();
  });

  it('headers that are not an array, a status that is not a number, timings of the wrong type', () => {
    const analysis = analyzeHar(
      har([
        entry('https://api.example/x', {
          time: 'soon',
          timings: 'fast',
          request: { method: 'GET', url: 'https://api.example/x', headers: { Origin: 'https://app.example' } },
          response: { status: '200', headers: null },
        }),
      ]),
    );
    expect(analysis.warnings).toContain('1 header item had no name or a value that is not text, and was ignored.');
    // No Origin was readable: the request's initiator is unknown, so it is none of CORS's business.
    expect(analysis.exchanges).toEqual([]);
  });

  it('timings too large for any request (1e308 in two phases) are read as not recorded: the JSON report still matches its schema', () => {
    const huge = entry('https://api.example/x', { time: undefined, timings: { blocked: 1e308, dns: 1e308, connect: 1, send: 1, wait: 1, receive: 1 } });
    const years = entry('https://api.example/y', { time: 1e300, timings: { send: 1, wait: 5, receive: 4 } });
    const analysis = analyzeHar(har([huge, years]));
    const x = analysis.exchanges.find((e) => e.url === 'https://api.example/x');
    const y = analysis.exchanges.find((e) => e.url === 'https://api.example/y');
    // As an entry without timings: its events at its start; `time`, when it holds a duration, still ends it.
    expect(x?.startTime).toBe(Date.parse('2026-01-01T00:00:00.000Z'));
    expect(x?.endTime).toBe(x?.startTime);
    expect(y?.endTime).toBe((y?.startTime ?? 0) + 10);
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../docs/report.schema.json'), 'utf8')) as JsonSchema;
    expect(validateJson(JSON.parse(JSON.stringify(jsonReport(analysis.exchanges))), schema)).toEqual([]);
  });

  it('a file cut in the middle of its entries: the complete ones are read, and the report says so', () => {
    const text = har([entry('https://api.example/1'), entry('https://api.example/2'), entry('https://api.example/3')]);
    const cut = text.slice(0, text.indexOf('https://api.example/3') + 10);
    const analysis = analyzeHar(cut);
    expect(analysis.exchanges.map((e) => e.url)).toEqual(['https://api.example/1', 'https://api.example/2']);
    expect(analysis.warnings).toContain('The file ends before the HAR does: it looks truncated. The 2 complete entries before the cut were read; one cut off at the end was left out.');
  });

  it('a file cut just after an entry', () => {
    const text = har([entry('https://api.example/1')]);
    expect(text.endsWith('}]}}')).toBe(true);
    const analysis = analyzeHar(text.slice(0, -3));
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.warnings[0]).toMatch(/looks truncated/);
  });

  it('an entry that is not valid JSON inside a well-formed file is skipped', () => {
    const text = `{"log": {"entries": [${JSON.stringify(entry('https://api.example/1'))}, {"request": tru}, ${JSON.stringify(entry('https://api.example/2'))}]}}`;
    const analysis = analyzeHar(text);
    expect(analysis.skipped).toEqual([{ index: 1, reason: 'the entry is not valid JSON' }]);
    expect(analysis.exchanges).toHaveLength(2);
  });

  it('a structural mistake after some entries: those are read, the rest is not, and the report says where', () => {
    const text = `{"log": {"entries": [${JSON.stringify(entry('https://api.example/1'))} ${JSON.stringify(entry('https://api.example/2'))}]}}`;
    const analysis = analyzeHar(text);
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.warnings[0]).toMatch(/^Reading stopped early: This file is not valid JSON \(expected "," or "\]" between entries at character \d+\)/);
  });

  it('a bad property name after some entries: those are read, as for any structural mistake', () => {
    const text = `{"log": {"entries": [${JSON.stringify(entry('https://api.example/1'))}], "bad\\q": 1}}`;
    const analysis = analyzeHar(text);
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.warnings[0]).toMatch(/^Reading stopped early: This file is not valid JSON \(a property name that is not a valid JSON string at character \d+\)/);
    // The same when the name is cut between two chunks.
    const reader = new HarReader();
    const cut = text.indexOf('"bad') + 3;
    reader.push(text.slice(0, cut));
    reader.push(text.slice(cut));
    expect(reader.finish()).toEqual(analysis);
  });

  it('text after the end of the HAR', () => {
    const analysis = analyzeHar(`${har([entry('https://api.example/1')])} trailing`);
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.warnings[0]).toMatch(/more text after the end of the HAR object/);
  });

  it('a byte-order mark, and the bare log of getHAR() as text', () => {
    const bare = JSON.stringify({ version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries: [entry('https://api.example/1')] });
    const analysis = analyzeHar(`\uFEFF${bare}`);
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.source.recorder).toBe('chrome-devtools');
  });

  it('strings full of escapes, brackets and quotes do not confuse the scanner', () => {
    const tricky = '\\"}]{[\\\\"\u2028\ud83d\ude00';
    const analysis = analyzeHar(har([entry('https://api.example/1', { comment: tricky, response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }], content: { text: `{"a": "${tricky}"}` } } })]));
    expect(analysis.exchanges).toHaveLength(1);
    expect(analysis.skipped).toEqual([]);
  });

  it('lists at most 1,000 skipped entries and counts the rest', () => {
    const analysis = analyzeHar(har(Array.from({ length: 1005 }, () => 0)));
    expect(analysis.skipped).toHaveLength(1000);
    expect(analysis.warnings).toContain('1005 entries were skipped; the first 1000 are listed.');
  });
});

// A loaded machine (two cores shared by a whole test run) makes these take ten times longer.
describe('reading in chunks', { timeout: 120_000 }, () => {
  const text = readFixture(devtoolsHarPath);
  const whole = analyzeHar(text);

  const inChunks = (sizes: readonly number[]): HarAnalysis => {
    const reader = new HarReader();
    let at = 0;
    for (const size of sizes) {
      reader.push(text.slice(at, at + size));
      at += size;
    }
    reader.push(text.slice(at));
    return reader.finish();
  };

  it('gives the same analysis however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 400 }), (sizes) => {
        expect(inChunks(sizes)).toEqual(whole);
      }),
      { numRuns: 12 },
    );
  });

  it('one character at a time', () => {
    expect(inChunks(Array.from({ length: Math.min(text.length, 40_000) }, () => 1))).toEqual(whole);
  });

  it('from an async stream, reporting progress', async () => {
    const seen: number[] = [];
    async function* chunks(): AsyncGenerator<string> {
      for (let i = 0; i < text.length; i += 65_536) yield text.slice(i, i + 65_536);
    }
    const analysis = await analyzeHarStream(chunks(), { onProgress: (p) => seen.push(p.characters) });
    expect(analysis).toEqual(whole);
    expect(seen.at(-1)).toBe(text.length);
  });
});
