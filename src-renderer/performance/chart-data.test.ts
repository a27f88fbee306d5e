import { describe, expect, it } from 'vitest';
import { coreCount, sparklinePath, thinByTime, toCpuPoints, toMemoryPoints } from './chart-data';
import { sample, series } from './test-samples';

const T0 = 1_700_000_000_000;

describe('thinByTime', () => {
  it('returns the same array when it is already small enough', () => {
    const samples = series(T0, 600, 1000);
    expect(thinByTime(samples)).toBe(samples);
  });

  it('thins ten minutes at 0.5 s to about 600 points and keeps the newest', () => {
    const samples = series(T0, 1200, 500);
    const thinned = thinByTime(samples);
    expect(thinned.length).toBeLessThanOrEqual(601);
    expect(thinned.length).toBeGreaterThanOrEqual(599);
    expect(thinned[thinned.length - 1]).toBe(samples[samples.length - 1]);
  });

  it('chooses the same samples after the window slides by one, so lines do not shimmer', () => {
    const samples = series(T0, 1201, 500);
    const before = new Set(thinByTime(samples.slice(0, 1200)).slice(0, -1));
    const after = thinByTime(samples.slice(1, 1201));
    // The oldest bucket is cut short by the window edge, and the newest sample is always kept: in between,
    // every chosen sample was chosen before.
    const middle = after.slice(1, -1);
    expect(middle.length).toBeGreaterThan(590);
    for (const s of middle) expect(before.has(s)).toBe(true);
  });
});

describe('toCpuPoints and coreCount', () => {
  it('maps total and per-core readings, null where a reading is missing', () => {
    const samples = [sample(T0, null, { cores: [] }), sample(T0 + 1000, 42, { cores: [40, 44] })];
    expect(coreCount(samples)).toBe(2);
    expect(toCpuPoints(samples, 2)).toEqual([
      { time: T0, total: null, c0: null, c1: null },
      { time: T0 + 1000, total: 42, c0: 40, c1: 44 },
    ]);
  });

  it('reuses a sample\'s point on later ticks, and rebuilds it when the core lines change', () => {
    const samples = [sample(T0, 5, { cores: [1, 2] }), sample(T0 + 1000, 6, { cores: [3, 4] })];
    const first = toCpuPoints(samples, 2);
    const again = toCpuPoints([...samples, sample(T0 + 2000, 7, { cores: [5, 6] })], 2);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    expect(toCpuPoints(samples, 1)[0]).toEqual({ time: T0, total: 5, c0: 1 });
    expect(toMemoryPoints(samples)[1]).toBe(toMemoryPoints(samples.slice(1))[0]);
  });

  it('adds no per-core keys when no core lines are drawn', () => {
    expect(toCpuPoints([sample(T0, 5, { cores: [1, 2, 3] })], 0)).toEqual([{ time: T0, total: 5 }]);
  });
});

describe('toMemoryPoints', () => {
  it('charts physical in use as total minus available, and commit figures, in bytes', () => {
    const GB = 1024 ** 3;
    const [point] = toMemoryPoints([sample(T0, 1, { totalGb: 16, availableGb: 6, committedGb: 9, limitGb: 20 })]);
    expect(point).toEqual({ time: T0, physicalUsedBytes: 10 * GB, committedBytes: 9 * GB, commitLimitBytes: 20 * GB });
  });
});

describe('sparklinePath', () => {
  it('draws 100 % at the top and 0 % at the bottom across the box', () => {
    const d = sparklinePath(
      [
        { time: 0, value: 0 },
        { time: 50, value: 100 },
      ],
      0,
      100,
      200,
      40,
    );
    expect(d).toBe('M0.0 40.0L100.0 0.0');
  });

  it('breaks the line at a missing reading and clamps out-of-range values', () => {
    const d = sparklinePath(
      [
        { time: 0, value: 150 },
        { time: 10, value: null },
        { time: 20, value: -5 },
      ],
      0,
      20,
      20,
      10,
    );
    expect(d).toBe('M0.0 0.0M20.0 10.0');
  });

  it('is empty for a zero-length span', () => {
    expect(sparklinePath([{ time: 0, value: 1 }], 5, 5, 10, 10)).toBe('');
  });
});
