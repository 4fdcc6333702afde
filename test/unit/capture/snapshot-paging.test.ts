/**
 * A panel that subscribes gets the newest page at once and the older pages one per task; what
 * happens to the tab meanwhile must leave it with the tab's list, exactly.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CaptureService } from '../../../src/capture/capture-service';
import type { BackgroundMessage, PanelMessage } from '../../../src/protocol/messages';
import { PanelClient } from '../../../src/protocol/panel-client';
import { transportPair, type Transport } from '../../../src/protocol/transport';
import { parseFixtureEvents, replay } from './replay-events';
import { SequenceBuilder } from './sequence-builder';

const TAB = 7;

function finishedGets(from: number, count: number) {
  const sequence = new SequenceBuilder(undefined, undefined, TAB);
  for (let i = from; i < from + count; i += 1) sequence.start(String(i), 'GET', `/y/${i}`).finish(String(i), 'GET', `/y/${i}`);
  return parseFixtureEvents(sequence.events);
}

/** A panel on `service` over an in-memory port; `afterSnapshot` runs right after the newest page is sent. */
function panelOn(service: CaptureService, afterSnapshot: () => void): PanelClient {
  const [panelSide, backgroundSide] = transportPair<unknown, PanelMessage>() as unknown as [Transport<unknown, PanelMessage>, Transport<PanelMessage, BackgroundMessage>];
  backgroundSide.onMessage((message) => {
    if (message.type !== 'subscribe') return;
    service.subscribe(message.tabId, (sent) => backgroundSide.send(sent));
    afterSnapshot();
  });
  return new PanelClient(() => panelSide, TAB);
}

describe('snapshot pages', () => {
  it('a request evicted while its page was still to be sent, then settled, reaches the panel', async () => {
    const sequence = new SequenceBuilder(undefined, undefined, TAB);
    for (let i = 1; i <= 900; i += 1) {
      sequence.start(String(i), 'GET', `/x/${i}`);
      // Request 50 is a long poll: still in flight.
      if (i === 50) sequence.send(String(i), 'GET', `/x/${i}`);
      else sequence.finish(String(i), 'GET', `/x/${i}`);
    }
    const { service } = replay(sequence.events, { limit: 900 });
    const answer = parseFixtureEvents(new SequenceBuilder(undefined, undefined, TAB).respond('50', 'GET', '/x/50').complete('50', 'GET', '/x/50').events);
    // Right after the newest page: 100 requests evict the 100 oldest, the long poll among them, which then ends.
    const client = panelOn(service, () => [...finishedGets(3001, 100), ...answer].forEach((event) => service.ingest(event)));
    await vi.waitFor(() => expect(client.data.evicted).toBeGreaterThanOrEqual(100));
    await vi.waitFor(() => expect(client.data.exchanges.map((e) => e.id)).toEqual(service.exchanges(TAB).map((e) => e.id)));
    expect(service.exchanges(TAB).some((e) => e.url.endsWith('/x/50') && e.state === 'complete')).toBe(true);
    client.close();
  });
});
