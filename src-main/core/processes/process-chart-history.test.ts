import { describe, expect, it } from 'vitest';
import { ProcessChartSample, type ProcessRowValue } from '../../../src-preload/contract/schemas';
import { BYTES_PER_PROCESS, ProcessChartHistory } from './process-chart-history';

const row = (pid: number, createTime: string, cpuPercent: number | null, workingSetBytes = 4096) => ({ pid, createTime, cpuPercent, workingSetBytes, privateBytes: null }) as unknown as ProcessRowValue;

describe('ProcessChartHistory', () => {
  it('records a process only once its charts asked, and answers what it kept the next time', () => {
    const history = new ProcessChartHistory();
    const running = new Map([['100:5', row(100, '5', 12.5)], ['200:6', row(200, '6', 1)]]);
    const find = (pid: number, createTime: string) => running.get(`${pid}:${createTime}`);
    history.add(find, 1000);
    expect(history.watch({ pid: 100, createTime: '5' })).toEqual([]);
    history.add(find, 2000);
    history.add(find, 3000);
    const kept = history.watch({ pid: 100, createTime: '5' });
    expect(kept).toEqual([
      { time: 2000, cpuPercent: 12.5, workingSetBytes: 4096, privateBytes: null },
      { time: 3000, cpuPercent: 12.5, workingSetBytes: 4096, privateBytes: null },
    ]);
    expect(kept.every((s) => ProcessChartSample.safeParse(s).success)).toBe(true);
    expect(history.size).toBe(1);
  });

  it('forgets a process that exited, and one whose PID now names another process', () => {
    const history = new ProcessChartHistory();
    const running = new Map([['100:5', row(100, '5', null)]]);
    history.watch({ pid: 100, createTime: '5' });
    running.clear();
    running.set('100:9', row(100, '9', 3));
    history.add((pid, createTime) => running.get(`${pid}:${createTime}`), 1000);
    expect(history.size).toBe(0);
  });

  it('keeps the most recently asked few, so its memory stays bounded', () => {
    const history = new ProcessChartHistory(2);
    const find = (pid: number, createTime: string) => row(pid, createTime, 1);
    history.watch({ pid: 1, createTime: '1' });
    history.watch({ pid: 2, createTime: '2' });
    history.add(find, 1000);
    history.watch({ pid: 1, createTime: '1' }); // asked again: now the most recent
    history.watch({ pid: 3, createTime: '3' });
    expect(history.size).toBe(2);
    expect(history.watch({ pid: 1, createTime: '1' })).toHaveLength(1);
    expect(history.watch({ pid: 2, createTime: '2' })).toEqual([]); // was dropped, starts over
    expect(BYTES_PER_PROCESS).toBe(38_400);
  });
});

describe('ProcessChartHistory: the first answer', () => {
  it('starts with the row of the last tick, so main\'s history begins where the view\'s own does', () => {
    const history = new ProcessChartHistory();
    expect(history.watch({ pid: 7, createTime: '1' }, { time: 500, row: row(7, '1', 9) })).toEqual([{ time: 500, cpuPercent: 9, workingSetBytes: 4096, privateBytes: null }]);
    // Asked again: what was kept, not a second copy of the last tick.
    expect(history.watch({ pid: 7, createTime: '1' }, { time: 500, row: row(7, '1', 9) })).toHaveLength(1);
    expect(new ProcessChartHistory().watch({ pid: 8, createTime: '1' }, { time: 500, row: undefined })).toEqual([]);
  });
});
