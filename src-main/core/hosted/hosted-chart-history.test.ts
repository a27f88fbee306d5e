import { describe, expect, it } from 'vitest';
import { MAX_HOSTED_EVENTS, MAX_HOSTED_POINTS } from '../../../src-preload/contract/hosted-chart-points';
import { HostedHistory } from '../../../src-preload/contract/hosted-schemas';
import { BYTES_PER_HOSTED, HostedChartHistory, WATCHED_HOSTED } from './hosted-chart-history';
import { contractStatus } from './test-hosted';

const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 21, 0, 0) + s * 1000).toISOString();

describe('HostedChartHistory', () => {
  it('costs a fixed 38,400 bytes of points per service, for at most 4 services', () => {
    expect(BYTES_PER_HOSTED).toBe(600 * 8 * 8);
    expect(WATCHED_HOSTED).toBe(4);
  });

  it('records the pushes of a kept service as points, its CPU rate against the point before', () => {
    const history = new HostedChartHistory(2);
    history.keep('Web');
    history.record('web', 1000, contractStatus({ job: { ...contractStatus().job!, userTimeMs: 100, kernelTimeMs: 0 } }));
    history.record('WEB', 2000, contractStatus({ job: { ...contractStatus().job!, userTimeMs: 600, kernelTimeMs: 100 } }));
    // A repeated or older time (a push seen twice) adds no point; its events are kept all the same.
    history.record('web', 2000, contractStatus({ events: [{ at: at(9), kind: 'limit-hit', detail: 'memory' }] }));
    expect(history.history('web').events.map((e) => e.kind)).toEqual(['limit-hit', 'restarting']);
    const kept = history.history('web');
    expect(kept.points.map((p) => [p.time, p.cpuPercent, p.restarts, p.limitHits])).toEqual([
      [1000, null, 2, 1],
      [2000, 30, 2, 1],
    ]);
    expect(HostedHistory.parse(kept)).toEqual(kept);
  });

  it('ignores services it does not keep, and answers empty for them', () => {
    const history = new HostedChartHistory(1);
    history.record('web', 1, contractStatus());
    expect(history.history('web')).toEqual({ points: [], events: [] });
    expect(history.has('web')).toBe(false);
  });

  it('shows the host not running as a gap: every figure unknown, not zero', () => {
    const history = new HostedChartHistory(1);
    history.keep('web');
    history.record('web', 1, contractStatus());
    history.record('web', 2, null);
    history.record('web', 3, contractStatus({ restarts: 3 }));
    const points = history.history('web').points;
    expect(points.map((p) => p.restarts)).toEqual([2, null, 3]);
    expect(Object.entries(points[1]!).filter(([k, v]) => k !== 'time' && v !== null)).toEqual([]);
  });

  it('keeps the last 4 services opened; the oldest falls out and is named so its pipe can be let go', () => {
    const history = new HostedChartHistory(1);
    for (const name of ['a', 'b', 'c', 'd']) expect(history.keep(name)).toEqual([]);
    history.record('a', 1, contractStatus());
    // Opening 'a' again makes it the most recent: 'b' is the oldest now.
    expect(history.keep('A')).toEqual([]);
    expect(history.keep('e')).toEqual(['b']);
    expect(history.names()).toEqual(['c', 'd', 'a', 'e']);
    expect(history.history('a').points).toHaveLength(1);
    expect(history.history('b').points).toEqual([]);
    history.drop('c');
    expect(history.names()).toEqual(['d', 'a', 'e']);
    history.clear();
    expect(history.names()).toEqual([]);
  });

  it('holds at most 600 points and ten minutes', () => {
    const history = new HostedChartHistory(1);
    history.keep('web');
    for (let i = 1; i <= MAX_HOSTED_POINTS + 50; i++) history.record('web', i * 100, contractStatus());
    const points = history.history('web').points;
    expect(points).toHaveLength(MAX_HOSTED_POINTS);
    expect(points[0]?.time).toBe(5100);
    history.record('web', 5100 + 11 * 60 * 1000, contractStatus());
    expect(history.history('web').points).toHaveLength(1);
  });

  it("keeps the host's events beyond the 20 each status carries, once each, bounded", () => {
    const history = new HostedChartHistory(1);
    history.keep('web');
    for (let push = 0; push < 30; push++) {
      const events = Array.from({ length: 20 }, (_, i) => ({ at: at(push * 20 + i), kind: 'restarting' as const, detail: `restart ${push * 20 + i}` }));
      history.record('web', push + 1, contractStatus({ events }));
      // The same newest 20 again with the next status: not kept twice.
      history.record('web', push + 1.5, contractStatus({ events }));
    }
    const events = history.history('web').events;
    expect(events).toHaveLength(MAX_HOSTED_EVENTS);
    expect(events.at(-1)?.detail).toBe('restart 599');
    expect(events[0]?.detail).toBe('restart 100');
  });
});

describe('HostedChartHistory and figures the system does not report', () => {
  it('turns the CPU figures and peaks kept before into gaps once main knows they are not reported', () => {
    const history = new HostedChartHistory(1);
    history.keep('web');
    const zero = { ...contractStatus().job!, userTimeMs: 0, kernelTimeMs: 0, peakJobMemoryBytes: 0 };
    history.record('web', 1000, contractStatus({ job: zero }));
    history.record('web', 2000, contractStatus({ job: zero }));
    expect(history.history('web').points.map((p) => p.cpuPercent)).toEqual([null, 0]);
    const unknownJob = { ...zero, userTimeMs: null, kernelTimeMs: null, peakJobMemoryBytes: null };
    history.record('web', 3000, contractStatus({ job: unknownJob }), { userTimeMs: 'Wine does not report job CPU times', peakJobMemoryBytes: 'Wine does not report job peak memory' });
    const points = history.history('web').points;
    expect(points.map((p) => [p.cpuPercent, p.cpuTimeMs, p.peakJobMemoryBytes])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(points.map((p) => p.activeProcesses)).toEqual([2, 2, 2]);
  });
});
