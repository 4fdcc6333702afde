import { describe, expect, it } from 'vitest';
import { simpleRangeProblem } from './simple-range-header-value';

describe('simpleRangeProblem', () => {
  it.each(['bytes=0-', 'bytes=5-10', 'bytes=7-7', 'bytes=0-0', 'bytes=00-01', 'bytes=9223372036854775806-', 'bytes=00009223372036854775806-', 'bytes=009-10', 'bytes=5-0010'])('%s is simple', (v) =>
    expect(simpleRangeProblem(v)).toBeNull(),
  );
  it.each([
    ['BYTES=0-', 'unit'],
    ['Bytes=0-', 'unit'],
    ['bytes 0-1', 'unit'],
    ['', 'unit'],
    ['bytes=abc-def', 'syntax'],
    ['bytes=0-1,2-3', 'syntax'],
    ['bytes= 0-1', 'syntax'],
    ['bytes=0 -1', 'syntax'],
    ['bytes=-', 'syntax'],
    ['bytes=-500', 'suffix'],
    ['bytes=10-5', 'start-after-end'],
    ['bytes=010-9', 'start-after-end'],
    ['bytes=9223372036854775807-', 'too-large'],
    ['bytes=0-99999999999999999999', 'too-large'],
    ['bytes=0009223372036854775807-', 'too-large'],
    ['bytes=0-00009223372036854775807', 'too-large'],
  ] as const)('%j: %s', (v, problem) => expect(simpleRangeProblem(v)).toBe(problem));
});
