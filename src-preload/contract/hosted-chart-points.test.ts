import { describe, expect, it } from 'vitest';
import { hostedChartPoint, hostedEventKey, isHostedGap, mergeHostedEvents, type HostedChartStatus } from './hosted-chart-points';

const status = (cpuMs: number | null, over: Partial<HostedChartStatus> = {}): HostedChartStatus => ({
  restarts: 1,
  liveness: null,
  job: { activeProcesses: 2, userTimeMs: cpuMs, kernelTimeMs: cpuMs === null ? null : 0, peakJobMemoryBytes: 4096 },
  limitHits: [],
  ...over,
});

describe('hosted chart points', () => {
  it('turns CPU time between two statuses into a percent of the machine', () => {
    const first = hostedChartPoint(undefined, 1000, status(100), 2);
    expect(first).toMatchObject({ time: 1000, cpuPercent: null, cpuTimeMs: 100, restarts: 1, limitHits: 0, activeProcesses: 2, peakJobMemoryBytes: 4096, probeFailures: null });
    expect(hostedChartPoint(first, 2000, status(700), 2).cpuPercent).toBe(30);
  });

  it('draws no rate across a restart (the new job starts from 0) nor across a gap', () => {
    const before = hostedChartPoint(undefined, 1000, status(5000), 1);
    expect(hostedChartPoint(before, 2000, status(10), 1).cpuPercent).toBeNull();
    const gap = hostedChartPoint(before, 2000, null, 1);
    expect(hostedChartPoint(gap, 3000, status(6000), 1).cpuPercent).toBeNull();
  });

  it('makes every figure unknown when there is no status: a gap, never zeros', () => {
    const gap = hostedChartPoint(undefined, 5, null, 4);
    expect(gap).toEqual({ time: 5, cpuPercent: null, peakJobMemoryBytes: null, activeProcesses: null, restarts: null, probeFailures: null, limitHits: null, cpuTimeMs: null });
    expect(isHostedGap(gap)).toBe(true);
    expect(isHostedGap(hostedChartPoint(undefined, 5, status(0, { restarts: 0 }), 4))).toBe(false);
  });

  it('counts liveness failures in a row and limit hits', () => {
    const p = hostedChartPoint(undefined, 1, status(null, { liveness: { consecutiveFailures: 3 }, limitHits: [{}, {}] }), 1);
    expect(p).toMatchObject({ probeFailures: 3, limitHits: 2, cpuTimeMs: null });
  });
});

describe('hosted events', () => {
  const e = (at: string, kind = 'restarting', detail = 'in 1 s') => ({ at, kind, detail });

  it('adds only events not held yet, oldest first, and returns the same array when nothing is new', () => {
    const held = mergeHostedEvents([], [e('2026-12-02T21:00:02.000Z'), e('2026-12-02T21:00:01.000Z', 'exited', 'code 3')]);
    expect(held.map((x) => x.kind)).toEqual(['exited', 'restarting']);
    expect(mergeHostedEvents(held, [e('2026-12-02T21:00:02.000Z')])).toBe(held);
    expect(hostedEventKey(e('a', 'b', 'c'))).toBe('a|b|c');
  });

  it('keeps the newest `max` and leaves out an event whose time cannot be read', () => {
    const many = Array.from({ length: 30 }, (_, i) => e(new Date(Date.UTC(2026, 11, 2, 21, 0, i)).toISOString()));
    const held = mergeHostedEvents([], [...many, e('not a time')], 25);
    expect(held).toHaveLength(25);
    expect(held[0]?.at).toBe(many[5]?.at);
    expect(held.some((x) => x.at === 'not a time')).toBe(false);
  });
});
