import { describe, expect, it } from 'vitest';
import type { Exchange } from '../capture/exchange';
import { snapshotMessages } from './snapshot-pages';

const list = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `1:${i}` }) as unknown as Exchange);

describe('snapshotMessages', () => {
  it('sends the newest page first, then older pages, each oldest first, counting down what remains', () => {
    const messages = snapshotMessages(1, list(7), { evicted: 3, preserveLog: true }, 3);
    expect(messages.map((m) => [m.type, 'exchanges' in m ? m.exchanges.map((e) => e.id) : [], 'remaining' in m ? m.remaining : null])).toEqual([
      ['snapshot', ['1:4', '1:5', '1:6'], 4],
      ['snapshot-page', ['1:1', '1:2', '1:3'], 1],
      ['snapshot-page', ['1:0'], 0],
    ]);
    expect(messages[0]).toMatchObject({ tabId: 1, evicted: 3, preserveLog: true });
  });

  it('sends one empty snapshot for an empty tab', () => {
    expect(snapshotMessages(2, [], { evicted: 0, preserveLog: false })).toEqual([
      expect.objectContaining({ type: 'snapshot', tabId: 2, exchanges: [], remaining: 0 }),
    ]);
  });
});
