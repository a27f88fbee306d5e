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
