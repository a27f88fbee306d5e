import { describe, expect, it } from 'vitest';
import { cpuBusyPercent, perCoreBusyPercent } from './cpu-usage';

const t = (idle: number, kernel: number, user: number) => ({ idle: BigInt(idle), kernel: BigInt(kernel), user: BigInt(user) });

describe('cpuBusyPercent', () => {
  it('shows nothing on first sighting', () => {
    expect(cpuBusyPercent(undefined, t(10, 20, 5))).toBeNull();
  });
  it('counts idle inside kernel time', () => {
    // 100 ticks elapsed: kernel 60 of which idle 50, user 40 -> busy = 10 + 40 = 50 of 100.
    expect(cpuBusyPercent(t(0, 0, 0), t(50, 60, 40))).toBe(50);
  });
  it('is 0 when fully idle and 100 when never idle', () => {
    expect(cpuBusyPercent(t(0, 0, 0), t(100, 100, 0))).toBe(0);
    expect(cpuBusyPercent(t(0, 0, 0), t(0, 30, 70))).toBe(100);
  });
  it('refuses a wrapped or reset counter instead of inventing a rate', () => {
    expect(cpuBusyPercent(t(100, 200, 100), t(50, 300, 150))).toBeNull();
    expect(cpuBusyPercent(t(100, 200, 100), t(100, 200, 100))).toBeNull();
    expect(cpuBusyPercent(t(0, 0, 0), t(80, 50, 10))).toBeNull();
  });
  it('keeps precision with counters beyond 2^53', () => {
    const base = 2n ** 60n;
    const prev = { idle: base, kernel: base, user: base };
    const cur = { idle: base + 25n, kernel: base + 50n, user: base + 50n };
    expect(cpuBusyPercent(prev, cur)).toBe(75);
  });
});

describe('perCoreBusyPercent', () => {
  it('computes each core', () => {
    expect(perCoreBusyPercent([t(0, 0, 0), t(0, 0, 0)], [t(10, 10, 0), t(0, 5, 5)])).toEqual([0, 100]);
  });
  it('gives nothing when the core count changed or there is no previous reading', () => {
    expect(perCoreBusyPercent(undefined, [t(1, 2, 3)])).toEqual([]);
    expect(perCoreBusyPercent([t(0, 0, 0)], [t(1, 2, 3), t(1, 2, 3)])).toEqual([]);
  });
});
