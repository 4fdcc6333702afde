import { describe, expect, it } from 'vitest';
import { EndedRequests } from '../../../src/capture/ended-requests';

describe('EndedRequests', () => {
  it('remembers the most recent keys up to its capacity, forgetting the oldest first', () => {
    const ended = new EndedRequests(3);
    for (const key of ['a', 'b', 'c']) ended.add(key);
    expect(['a', 'b', 'c'].map((k) => ended.has(k))).toEqual([true, true, true]);
    ended.add('b');
    ended.add('d');
    expect(['a', 'b', 'c', 'd'].map((k) => ended.has(k))).toEqual([false, true, true, true]);
    ended.add('e');
    ended.add('f');
    expect(['b', 'c', 'd', 'e', 'f'].map((k) => ended.has(k))).toEqual([false, false, true, true, true]);
  });
});
