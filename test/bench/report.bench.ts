/**
 * Export time of the report layer for 2,000 diagnosed exchanges (a mix of passing and failing
 * requests, preflights, credentials, tracing headers and a few large or hostile values): the
 * Markdown report, the JSON report serialized, both with the default redaction, plus the
 * per-endpoint preflight analysis and curl for every exchange. Target: each export well under 500 ms.
 *
 *   npx tsx test/bench/report.bench.ts
 */
import { pathToFileURL } from 'node:url';
import type { Exchange } from '../../src/capture/exchange';
import { curlCommands, jsonReport, markdownReport, preflightEndpoints } from '../../src/report/index';
import { allowCredentials, allowHeaders, allowMethods, allowOrigin, answer, API, exchange, maxAge, varyOrigin } from '../../src/report/test-exchanges';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

/** `n` diagnosed exchanges, eight kinds in turn. */
export function syntheticExchanges(n: number): Exchange[] {
  const out: Exchange[] = [];
  for (let i = 0; i < n; i++) {
    const url = `${API}/v1/items/${i % 97}?page=${i % 13}&_=${i}`;
    const startTime = i * 20;
    switch (i % 8) {
      case 0:
        out.push(exchange({ url, startTime, response: answer(200, allowOrigin, varyOrigin, ['Content-Type', 'application/json']) }));
        break;
      case 1:
        out.push(
          exchange({
            method: 'POST',
            url,
            startTime,
            headers: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${jwt}`]],
            cookie: `session=${i.toString(16).padStart(32, 'a')}`,
            preflight: answer(204, allowOrigin, allowMethods('POST'), allowHeaders('content-type, authorization'), allowCredentials, maxAge(600)),
            response: answer(200, ['Access-Control-Allow-Origin', '*'], ['Set-Cookie', `session=${i}; HttpOnly`]),
          }),
        );
        break;
      case 2:
        out.push(exchange({ method: 'PUT', url, startTime, headers: [['X-Api-Key', `key-${i}`], ['Content-Type', 'application/json']], preflight: answer(204) }));
        break;
      case 3:
        out.push(exchange({ url, startTime, headers: [['X-Request-Id', `req-${i}`]], preflight: answer(204, allowOrigin, allowHeaders('x-request-id')), response: answer(200, allowOrigin) }));
        break;
      case 4:
        out.push(exchange({ url, startTime, response: answer(500, ['Content-Type', 'text/html']) }));
        break;
      case 5:
        out.push(exchange({ method: 'DELETE', url, startTime, preflight: answer(204, allowOrigin, allowMethods('GET, POST')) }));
        break;
      case 6:
        out.push(exchange({ method: 'PUT', url, startTime, preflight: 'cached', cacheMaxAge: 600, response: answer(200, allowOrigin, varyOrigin) }));
        break;
      default:
        out.push(
          exchange({
            url,
            startTime,
            headers: [['X-Debug', `${'<script>`|'.repeat(200)}\u0000\r\n${'v'.repeat(8000)}`]],
            preflight: answer(204, allowOrigin, allowHeaders('x-debug')),
            response: answer(200, ['Access-Control-Allow-Origin', 'https://other.example'], ['X-Echo', '```'.repeat(100)]),
          }),
        );
    }
  }
  return out;
}

/** Median wall time and median CPU time (user + system) of `runs` runs of `op`, in ms, after one warm-up. */
function timeMs(op: () => unknown, runs = 7): { wall: number; cpu: number } {
  let sink = 0;
  sink += String(op()).length;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    sink += String(op()).length;
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  if (sink < 0) console.log(sink);
  const median = (xs: number[]): number => Math.round((xs.sort((a, b) => a - b)[runs >> 1] ?? 0) * 10) / 10;
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * Milliseconds to export 2,000 synthetic exchanges, per format: wall time, and CPU time (which a
 * busy machine inflates less).
 */
export async function benchReports(): Promise<Record<string, number>> {
  const exchanges = syntheticExchanges(2000);
  const options = { generatedAt: '2026-01-01T00:00:00.000Z', source: 'bench' };
  const ops: Record<string, () => unknown> = {
    'report.markdown': () => markdownReport(exchanges, options),
    'report.json': () => JSON.stringify(jsonReport(exchanges, options)),
    'report.json (kept)': () => JSON.stringify(jsonReport(exchanges, { ...options, keepCredentials: true })),
    'report.endpoints': () => preflightEndpoints(exchanges),
    'report.curl': () => exchanges.map((e) => curlCommands(e).request).join('\n'),
  };
  const results: Record<string, number> = {};
  for (const [name, op] of Object.entries(ops)) {
    const { wall, cpu } = timeMs(op);
    results[`${name} ms (2,000)`] = wall;
    results[`${name} cpu ms (2,000)`] = cpu;
  }
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchReports();
  for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(36)} ${value.toLocaleString('en-US')}`);
}
