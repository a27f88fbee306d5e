import { describe, expect, it } from 'vitest';
import { tallyHungWindows, type TopLevelWindow } from './hung-windows';

const w = (pid: number, over: Partial<TopLevelWindow> = {}): TopLevelWindow => ({ pid, visible: true, owned: false, hung: true, ...over });

describe('tallyHungWindows (Task Manager rule)', () => {
  it('counts the hung visible unowned top-level windows per process', () => {
    expect([...tallyHungWindows([w(10), w(10), w(20), w(30, { hung: false })])]).toEqual([
      [10, 2],
      [20, 1],
    ]);
  });

  it('skips hidden and owned windows (a hung dialog or tool window alone does not make its process Not responding)', () => {
    expect(tallyHungWindows([w(10, { visible: false }), w(20, { owned: true })]).size).toBe(0);
  });

  it('skips a window whose process id could not be read (0)', () => {
    expect(tallyHungWindows([w(0)]).size).toBe(0);
  });
});
