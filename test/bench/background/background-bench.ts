import { sessionPersistence } from '../../../extension/platform/session-persistence';
import { CaptureService, type Persistence } from '../../../src/capture/capture-service';
import { diagnose } from '../../../src/capture/diagnose';
import type { Exchange } from '../../../src/capture/exchange';
import { PairingEngine } from '../../../src/capture/pairing-engine';
import { parseWebRequestDetails } from '../../../src/capture/parse-web-request-details';
import { persistedKeys } from '../../../src/capture/persisted-state';
import { webRequestEventKinds, type WebRequestEvent } from '../../../src/capture/web-request-event';
import { percentile, spread, type Spread } from '../support/stats';
import { fakeSessionArea } from './fake-session-area';
import { syntheticStream, type StreamEvent } from './synthetic-stream';
import { encodeExchange } from '../../../src/capture/stored-exchange';

export interface BackgroundOptions {
  readonly exchanges: number;
  readonly persistExchanges: number;
  readonly log: (line: string) => void;
  /** Exchanges run through the pipeline before anything is timed (5,000 unless given). */
  readonly warmUpExchanges?: number;
}

export interface BackgroundResults {
  readonly exchanges: number;
  readonly events: number;
  readonly otherRequests: number;
  /** Parse + pairing + classification + verdict + store, persistence a no-op: exchanges per wall second. */
  readonly exchangesPerSecond: Spread;
  /** The same per second of this process's CPU time (steadier on a shared machine). */
  readonly exchangesPerCpuSecond: number;
  /** Microseconds per exchange of each stage, each measured alone on the first `stageExchanges` of the stream (medians of 3). */
  readonly stageExchanges: number;
  readonly stagesUs: { readonly parse: number; readonly pairing: number; readonly diagnose: number; readonly storeAndBudget: number };
  /** Bytes per settled exchange as persisted (key + JSON, without diagnosis), over the stream. */
  readonly storedBytes: { readonly mean: number; readonly p95: number; readonly max: number; readonly byShape: Readonly<Record<string, number>>; readonly withDiagnosisMean: number };
  readonly persistence: PersistenceFigures;
}

export interface PersistenceFigures {
  readonly exchanges: number;
  /** Microseconds per exchange, events delivered one per task: persistence a no-op, then the real batcher over a fake storage.session. */
  readonly usPerExchangeWithout: number;
  readonly usPerExchangeWith: number;
  readonly writesPerExchange: number;
  readonly bytesSerializedPerExchange: number;
}

const noPersistence: Persistence = { set: () => undefined, remove: () => undefined };

function parse(event: StreamEvent): WebRequestEvent | undefined {
  return parseWebRequestDetails(webRequestEventKinds[event.event], event.details);
}

/** Milliseconds (wall and CPU) to run `work` once. */
function timed(work: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function ingestAll(events: readonly StreamEvent[], service: CaptureService): void {
  for (const raw of events) {
    const event = parse(raw);
    if (event !== undefined) service.ingest(event);
  }
}

/** Part 2: the background's pipeline in Node, on a synthetic stream shaped like Chrome's. */
export async function benchBackground(options: BackgroundOptions): Promise<BackgroundResults> {
  options.log(`background: building a stream of ${options.exchanges.toLocaleString('en-US')} exchanges`);
  const stream = syntheticStream({ exchanges: options.exchanges });
  const events = stream.events;
  // Warm-up: the JIT sees every path before anything is timed.
  ingestAll(syntheticStream({ exchanges: options.warmUpExchanges ?? 5000, seed: 2 }).events, new CaptureService(noPersistence));

  options.log('background: throughput');
  // Three runs, median with its spread: one run's figure depends on where garbage collection lands.
  const runs = [1, 2, 3].map(() => timed(() => ingestAll(events, new CaptureService(noPersistence))));
  const perSecond = spread(runs.map((r) => (stream.exchanges * 1000) / r.wall));
  const cpuMs = spread(runs.map((r) => r.cpu)).median;

  options.log('background: stages');
  const sub = syntheticStream({ exchanges: Math.min(options.exchanges, 10_000) });
  const usPerExchange = (work: () => void): number => {
    // One untimed run first: the garbage the previous stage left is collected before timing.
    work();
    const times = [0, 1, 2].map(() => timed(work).wall);
    return (spread(times).median * 1000) / sub.exchanges;
  };
  const parsed = sub.events.map(parse).filter((e): e is WebRequestEvent => e !== undefined);
  const parseUs = usPerExchange(() => {
    for (const raw of sub.events) parse(raw);
  });
  const settled: Exchange[] = [];
  const pairingUs = usPerExchange(() => {
    settled.length = 0;
    const engine = new PairingEngine({ exchange: (e) => void (e.state !== 'pending' && settled.push(e)), navigated: () => undefined });
    for (const event of parsed) engine.ingest(event);
  });
  const diagnoseUs = usPerExchange(() => {
    for (const exchange of settled) diagnose(exchange);
  });
  const serviceUs = usPerExchange(() => {
    const service = new CaptureService(noPersistence);
    for (const event of parsed) service.ingest(event);
  });

  options.log('background: bytes per stored exchange');
  const sizes = settled.map((e) => ({ shape: shapeOf(e), bytes: persistedSize(e), withDiagnosis: JSON.stringify({ ...e, diagnosis: diagnose(e) }).length }));
  const sorted = sizes.map((s) => s.bytes).sort((a, b) => a - b);
  const byShape: Record<string, number> = {};
  for (const shape of new Set(sizes.map((s) => s.shape))) {
    const of = sizes.filter((s) => s.shape === shape);
    byShape[shape] = Math.round(of.reduce((sum, s) => sum + s.bytes, 0) / of.length);
  }

  options.log(`background: persistence, ${options.persistExchanges.toLocaleString('en-US')} exchanges, one event per task`);
  const persistence = await benchPersistence(options.persistExchanges);

  return {
    exchanges: stream.exchanges,
    events: events.length,
    otherRequests: stream.otherRequests,
    exchangesPerSecond: perSecond,
    exchangesPerCpuSecond: Math.round((stream.exchanges * 1000) / cpuMs),
    stageExchanges: sub.exchanges,
    stagesUs: {
      parse: round3(parseUs),
      pairing: round3(pairingUs),
      diagnose: round3(diagnoseUs),
      storeAndBudget: round3(Math.max(0, serviceUs - pairingUs - diagnoseUs)),
    },
    storedBytes: {
      mean: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
      p95: Math.round(percentile(sorted, 95)),
      max: sorted.at(-1) ?? 0,
      byShape,
      withDiagnosisMean: Math.round(sizes.reduce((a, s) => a + s.withDiagnosis, 0) / sizes.length),
    },
    persistence,
  };
}

/**
 * Events delivered one per task, as the browser dispatches them, so the write batcher coalesces
 * what it would in the browser; with the real persistence (extension/platform/session-persistence)
 * over a fake storage.session that serializes every value, and with none.
 */
async function benchPersistence(exchanges: number): Promise<PersistenceFigures> {
  const events = syntheticStream({ exchanges, seed: 3 }).events;
  const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const drive = async (persistence: Persistence): Promise<number> => {
    const service = new CaptureService(persistence);
    const t0 = performance.now();
    for (const raw of events) {
      await nextTask();
      const event = parse(raw);
      if (event !== undefined) service.ingest(event);
    }
    return performance.now() - t0;
  };
  const without: number[] = [];
  const withIt: number[] = [];
  let last = fakeSessionArea();
  for (let round = 0; round < 2; round++) {
    without.push(await drive(noPersistence));
    last = fakeSessionArea();
    const persistence = sessionPersistence(last.area, (error) => {
      throw error;
    });
    const t0 = performance.now();
    await drive(persistence);
    await persistence.idle();
    withIt.push(performance.now() - t0);
  }
  return {
    exchanges,
    usPerExchangeWithout: round3((spread(without).median * 1000) / exchanges),
    usPerExchangeWith: round3((spread(withIt).median * 1000) / exchanges),
    writesPerExchange: round3(last.tally.writes / exchanges),
    bytesSerializedPerExchange: Math.round(last.tally.bytes / exchanges),
  };
}

/** What CaptureService counts against its storage budget for a settled exchange. */
function persistedSize(exchange: Exchange): number {
  const key = persistedKeys.exchange + exchange.id;
  return key.length + encodeExchange(exchange).length;
}

function shapeOf(exchange: Exchange): string {
  const preflight = exchange.preflights.length > 0 ? 'preflighted' : exchange.redirects.length > 0 ? 'redirected' : 'simple';
  return `${preflight} ${exchange.state}`;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
