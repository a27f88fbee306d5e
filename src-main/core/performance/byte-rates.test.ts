import { describe, expect, it } from 'vitest';
import { bytesPerSecond } from './byte-rates';

const counters = (entries: [string, number, number][]) => new Map(entries.map(([id, a, b]) => [id, [BigInt(a), BigInt(b)] as const]));

describe('bytesPerSecond', () => {
  it('has no rate from a single reading or a zero interval', () => {
    expect(bytesPerSecond(undefined, counters([['eth0', 10, 20]]), 1000)).toBeNull();
    expect(bytesPerSecond(counters([['eth0', 0, 0]]), counters([['eth0', 10, 20]]), 0)).toBeNull();
  });

  it('sums the per-device deltas over the interval, in bytes per second', () => {
    const before = counters([['eth0', 1000, 5000], ['wifi', 0, 0]]);
    const after = counters([['eth0', 3000, 5500], ['wifi', 1000, 0]]);
    expect(bytesPerSecond(before, after, 2000)).toEqual([1500, 250]);
  });

  it('leaves out a device seen in only one reading, and one whose counter went backwards', () => {
    const before = counters([['eth0', 1000, 1000], ['gone', 5, 5], ['reset', 9_000_000, 9_000_000]]);
    const after = counters([['eth0', 2000, 1500], ['new', 7_000_000_000, 7_000_000_000], ['reset', 10, 10]]);
    expect(bytesPerSecond(before, after, 1000)).toEqual([1000, 500]);
  });

  it('says a real zero when the devices moved nothing', () => {
    expect(bytesPerSecond(counters([['eth0', 10, 10]]), counters([['eth0', 10, 10]]), 1000)).toEqual([0, 0]);
  });
});
