import { describe, expect, it } from 'vitest';
import { descendantsFirst, isChildOf } from './process-tree';

const n = (pid: number, parentPid: number, createTime: number) => ({ pid, parentPid, createTime: BigInt(createTime) });

describe('descendantsFirst', () => {
  it('orders every process after all of its descendants', () => {
    const root = n(10, 1, 100);
    const all = [root, n(11, 10, 110), n(12, 10, 120), n(13, 11, 130), n(14, 13, 140), n(99, 1, 50)];
    const order = descendantsFirst(root, all).map((p) => p.pid);
    expect(order).toEqual([14, 13, 11, 12, 10]);
    for (const p of all.filter((x) => order.includes(x.pid))) {
      for (const c of all.filter((x) => isChildOf(x, p))) expect(order.indexOf(c.pid)).toBeLessThan(order.indexOf(p.pid));
    }
  });

  it('does not let a recycled parent PID adopt older strangers', () => {
    // PID 10 was reused at t=200 by the root; process 20 (t=150) was the child of the old PID 10.
    const root = n(10, 1, 200);
    const stranger = n(20, 10, 150);
    const realChild = n(21, 10, 250);
    expect(descendantsFirst(root, [root, stranger, realChild]).map((p) => p.pid)).toEqual([21, 10]);
  });

  it('survives a parent-PID cycle and the Idle process naming itself', () => {
    const a = n(1, 2, 10);
    const b = n(2, 1, 10);
    expect(descendantsFirst(a, [a, b]).map((p) => p.pid)).toEqual([2, 1]);
    const idle = n(0, 0, 0);
    expect(descendantsFirst(idle, [idle, n(4, 0, 0)]).map((p) => p.pid)).toEqual([4, 0]);
  });
});
