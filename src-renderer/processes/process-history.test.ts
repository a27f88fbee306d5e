import { describe, expect, it } from 'vitest';
import { appendPoint, historyPoint } from './process-history';
import { testRow } from './test-processes';

describe('process history', () => {
  it('appends points in time order, ignoring repeats of a tick, and keeps at most max', () => {
    const row = testRow(3, { cpuPercent: 4 });
    let points = appendPoint([], historyPoint(row, 1000));
    const same = appendPoint(points, historyPoint(row, 1000));
    expect(same).toBe(points);
    points = appendPoint(points, historyPoint({ ...row, cpuPercent: 9 }, 2000));
    expect(points.map((p) => [p.time, p.cpuPercent])).toEqual([
      [1000, 4],
      [2000, 9],
    ]);
    points = appendPoint(points, historyPoint(row, 3000), 2);
    expect(points.map((p) => p.time)).toEqual([2000, 3000]);
  });
});

describe("main's kept samples (processes:history)", () => {
  it('joins them with the points the view gathered, each time once, oldest first', async () => {
    const { mergeKept } = await import('./process-history');
    const own = [
      { time: 1000, cpuPercent: 1, workingSetBytes: 10, privateBytes: null },
      { time: 4000, cpuPercent: 4, workingSetBytes: 40, privateBytes: null },
    ];
    const kept = [
      { time: 2000, cpuPercent: 2, workingSetBytes: 20, privateBytes: null },
      { time: 3000, cpuPercent: 3, workingSetBytes: 30, privateBytes: null },
      { time: 4000, cpuPercent: 4, workingSetBytes: 40, privateBytes: null },
    ];
    expect(mergeKept(kept, own).map((p) => p.time)).toEqual([1000, 2000, 3000, 4000]);
    expect(mergeKept(kept, own, 2).map((p) => p.time)).toEqual([3000, 4000]);
  });
});
