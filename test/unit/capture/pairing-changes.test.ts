/** What the pairing reports as changed since the last take: the keys CaptureService persists. */
import { describe, expect, it } from 'vitest';
import { PairingEngine } from '../../../src/capture/pairing-engine';
import { parseWebRequestDetails } from '../../../src/capture/parse-web-request-details';
import { webRequestEventKinds } from '../../../src/capture/web-request-event';
import { SequenceBuilder } from './sequence-builder';

function engineOver(s: SequenceBuilder): { engine: PairingEngine; ingest: (from: number, to?: number) => void } {
  const engine = new PairingEngine({ exchange: () => undefined, navigated: () => undefined });
  const ingest = (from: number, to = s.events.length): void => {
    for (const { event, details } of s.events.slice(from, to)) {
      const parsed = parseWebRequestDetails(webRequestEventKinds[event], details);
      if (parsed !== undefined) engine.ingest(parsed);
    }
  };
  return { engine, ingest };
}

describe('pairing changes', () => {
  it('names each changed request and preflight once, in the order first changed, then none', () => {
    const s = new SequenceBuilder().start('1', 'PUT', '/a').preflight('2', '/a', 'PUT', 'x-a').send('1', 'PUT', '/a', { 'X-A': '1' });
    const { engine, ingest } = engineOver(s);
    ingest(0);
    const changes = engine.takeChanges();
    // The preflight was tracked as a request until its headers showed what it is.
    expect(changes.requests).toEqual(['7:1', '7:2']);
    expect(changes.preflights).toEqual(['7:2']);
    expect(changes.preflightCache).toBe(true);
    expect(engine.takeChanges()).toEqual({ requests: [], preflights: [], preflightCache: false });
  });

  it('keeps every key, once, when many change between takes', () => {
    const s = new SequenceBuilder();
    const ids = Array.from({ length: 40 }, (_, i) => String(100 + i));
    for (const id of ids) s.start(id, 'PUT', `/r${id}`);
    for (const id of ids) s.send(id, 'PUT', `/r${id}`);
    const { engine, ingest } = engineOver(s);
    ingest(0);
    expect(engine.takeChanges().requests).toEqual(ids.map((id) => `7:${id}`));
    ingest(0, 3);
    expect(engine.takeChanges().requests).toEqual([]);
    const after = new SequenceBuilder();
    for (const id of ['7', '8', '7']) after.start(id, 'PUT', `/s${id}`).send(id, 'PUT', `/s${id}`);
    const second = engineOver(after);
    second.ingest(0);
    expect(second.engine.takeChanges().requests).toEqual(['7:7', '7:8']);
  });
});
