import { describe, expect, it } from 'vitest';
import type { HostedStatusValue } from '../../../src-preload/contract/hosted-schemas';
import { HostedStatusChanged } from '../../../src-preload/contract/hosted-schemas';
import { hostedChartPoint } from '../../../src-preload/contract/hosted-chart-points';
import { applyHostedStatus, jobAccountingRows, mergeHostedHistory, nextRestartText, NO_HOSTED_VIEW, probeText } from './hosted-status';
import { testHostedStatus } from './test-hosted';

const push = (time: number, status: HostedStatusValue | null, unavailable: string | null = null, unreported = {}) => HostedStatusChanged.parse({ name: 'NodeApi', time, status, unavailable, unreported });

describe('the hosted view', () => {
  it('turns CPU time between pushes into a rate of the machine, a gap when the host does not report it', () => {
    let view = applyHostedStatus(NO_HOSTED_VIEW, push(1000, testHostedStatus({ job: { ...testHostedStatus().job!, userTimeMs: 100, kernelTimeMs: 0 } })), 2);
    view = applyHostedStatus(view, push(2000, testHostedStatus({ job: { ...testHostedStatus().job!, userTimeMs: 600, kernelTimeMs: 100 } })), 2);
    expect(view.points.map((p) => p.cpuPercent)).toEqual([null, 30]);
    view = applyHostedStatus(view, push(3000, testHostedStatus({ job: { ...testHostedStatus().job!, userTimeMs: null } })), 2);
    expect(view.points[2]?.cpuPercent).toBeNull();
    expect(view.points[2]?.peakJobMemoryBytes).toBeNull();
  });

  it('keeps the host’s events across pushes, once each, oldest first', () => {
    const e1 = { at: '2026-12-02T21:00:01.000Z', kind: 'started' as const, detail: 'PID 10' };
    const e2 = { at: '2026-12-02T21:00:02.000Z', kind: 'exited' as const, detail: 'code 3' };
    let view = applyHostedStatus(NO_HOSTED_VIEW, push(1, testHostedStatus({ events: [e1] })), 1);
    view = applyHostedStatus(view, push(2, testHostedStatus({ events: [e1, e2] })), 1);
    expect(view.events.map((e) => e.kind)).toEqual(['started', 'exited']);
  });

  it('says why there is no status rather than showing zeros, and keeps the history with a gap where the host was not', () => {
    let view = applyHostedStatus(NO_HOSTED_VIEW, push(1, testHostedStatus()), 1);
    view = applyHostedStatus(view, push(2, null, 'no answer on \\\\.\\pipe\\admin-console-host-NodeApi: the host is not running'), 1);
    expect(view.status).toBeNull();
    expect(view.unavailable).toMatch(/not running/);
    expect(view.points).toHaveLength(2);
    expect(view.points[0]?.restarts).toBe(1);
    // Every figure of the gap is unknown: no 0 restarts, no 0 limit hits, no 0 processes.
    expect(view.points[1]).toEqual({ time: 2, cpuPercent: null, peakJobMemoryBytes: null, activeProcesses: null, restarts: null, probeFailures: null, limitHits: null, cpuTimeMs: null });
    expect(view.events.length).toBe(3);
    // The host back: its figures again, and no CPU rate across the gap.
    view = applyHostedStatus(view, push(3, testHostedStatus()), 1);
    expect(view.points.map((p) => p.restarts)).toEqual([1, null, 1]);
    expect(view.points[2]?.cpuPercent).toBeNull();
  });

  it('words the next restart, probes and unknown accounting', () => {
    expect(nextRestartText('2026-12-02T21:00:05.000Z', Date.parse('2026-12-02T21:00:00.800Z'))).toBe('in 4.2 s');
    expect(nextRestartText(null, 0)).toBeNull();
    expect(nextRestartText('2026-12-02T21:00:05.000Z', Date.parse('2026-12-02T21:00:06.000Z'), () => '21:00:05')).toBe('due now (21:00:05)');
    expect(probeText({ kind: 'http', ok: false, at: 'x', detail: 'HTTP 503', consecutiveFailures: 2 }, String)).toBe('Failed: http HTTP 503, 2 in a row');
    expect(probeText(null, String)).toMatch(/^Not set/);
    const rows = jobAccountingRows({ activeProcesses: 2, totalProcesses: 5, userTimeMs: null, kernelTimeMs: 5, peakProcessMemoryBytes: null, peakJobMemoryBytes: null });
    expect(rows.find((r) => r.label === 'User CPU time')).toEqual({ label: 'User CPU time', field: 'userTimeMs', value: '—', reason: 'the service host did not report it' });
    expect(rows.find((r) => r.label === 'Processes now')).toEqual({ label: 'Processes now', field: 'activeProcesses', value: '2', reason: null });
    expect(jobAccountingRows(null)).toEqual([{ label: 'Job accounting', field: null, value: '—', reason: 'the service host did not report its job accounting' }]);
  });

  it("keeps main's reasons for the job figures the system leaves 0, and shows them as not reported, never 0", () => {
    const job = { activeProcesses: 1, totalProcesses: 1, userTimeMs: null, kernelTimeMs: null, peakProcessMemoryBytes: null, peakJobMemoryBytes: null };
    const reasons = { userTimeMs: 'Wine does not report job CPU times', kernelTimeMs: 'Wine does not report job CPU times', peakJobMemoryBytes: 'Wine does not report job peak memory' };
    const view = applyHostedStatus(NO_HOSTED_VIEW, push(1, testHostedStatus({ job }), null, reasons), 2);
    expect(view.unreported).toEqual(reasons);
    const rows = jobAccountingRows(view.status?.job ?? null, view.unreported);
    expect(rows.find((r) => r.field === 'userTimeMs')).toEqual({ label: 'User CPU time', field: 'userTimeMs', value: '—', reason: 'Wine does not report job CPU times' });
    expect(rows.find((r) => r.field === 'peakJobMemoryBytes')?.reason).toBe('Wine does not report job peak memory');
    expect(rows.find((r) => r.field === 'peakProcessMemoryBytes')?.reason).toBe('the service host did not report it');
    expect(view.points[0]?.cpuTimeMs).toBeNull();
    // The host gone: no status, so no reasons either.
    expect(applyHostedStatus(view, push(2, null, 'The service host has ended (the service is stopped).'), 2).unreported).toEqual({});
  });

  it("puts main's kept history before the pushes: each time once, main's point where both have it, events once", () => {
    const job = (cpuMs: number) => ({ ...testHostedStatus().job!, userTimeMs: cpuMs, kernelTimeMs: 0 });
    // Main heard the host at 1000, 2000 and 3000 (while the admin was on another tab for the last two).
    const p1 = hostedChartPoint(undefined, 1000, testHostedStatus({ job: job(100) }), 2);
    const p2 = hostedChartPoint(p1, 2000, testHostedStatus({ job: job(500) }), 2);
    const p3 = hostedChartPoint(p2, 3000, testHostedStatus({ job: job(900) }), 2);
    const old = { at: '2026-12-02T20:59:00.000Z', kind: 'limit-hit' as const, detail: 'memory' };
    const kept = { points: [p1, p2, p3], events: [old, ...testHostedStatus().events] };
    // The details opened again: main sent its latest status (3000) at once, then one more came (4000)
    // before the history's answer.
    let view = applyHostedStatus(NO_HOSTED_VIEW, push(3000, testHostedStatus({ job: job(900) })), 2);
    view = applyHostedStatus(view, push(4000, testHostedStatus({ job: job(1300) })), 2);
    expect(view.points.map((p) => p.cpuPercent)).toEqual([null, 20]);
    view = mergeHostedHistory(view, kept);
    expect(view.points.map((p) => p.time)).toEqual([1000, 2000, 3000, 4000]);
    // At 3000 the view had no point before, so no rate; main had one.
    expect(view.points.map((p) => p.cpuPercent)).toEqual([null, 20, 20, 20]);
    expect(view.events.map((e) => e.kind)).toEqual(['limit-hit', 'exited', 'restarting', 'started']);
    expect(view.status?.job?.userTimeMs).toBe(1300);
    // The next push goes on from there; an empty history leaves the view as it was.
    view = applyHostedStatus(view, push(5000, testHostedStatus({ job: job(1700) })), 2);
    expect(view.points).toHaveLength(5);
    expect(mergeHostedHistory(view, { points: [], events: [] })).toBe(view);
  });

  it("keeps main's gaps: a time the host was not running stays unknown after the merge", () => {
    const p1 = hostedChartPoint(undefined, 1000, testHostedStatus(), 2);
    const gap = hostedChartPoint(p1, 2000, null, 2);
    const view = mergeHostedHistory(applyHostedStatus(NO_HOSTED_VIEW, push(3000, testHostedStatus()), 2), { points: [p1, gap], events: [] });
    expect(view.points.map((p) => p.restarts)).toEqual([1, null, 1]);
  });
});

describe('figures the system turns out not to report', () => {
  it('become gaps in the points drawn before main knew (they were not real zeros)', () => {
    const zero = { ...testHostedStatus().job!, userTimeMs: 0, kernelTimeMs: 0, peakJobMemoryBytes: 0 };
    let view = applyHostedStatus(NO_HOSTED_VIEW, push(1000, testHostedStatus({ job: zero })), 2);
    view = applyHostedStatus(view, push(2000, testHostedStatus({ job: zero })), 2);
    expect(view.points.map((p) => p.cpuPercent)).toEqual([null, 0]);
    const reason = 'Wine does not report job CPU times';
    view = applyHostedStatus(view, push(3000, testHostedStatus({ job: { ...zero, userTimeMs: null, kernelTimeMs: null } }), null, { userTimeMs: reason, kernelTimeMs: reason }), 2);
    expect(view.points.map((p) => [p.cpuPercent, p.cpuTimeMs])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    // Peak memory was not said to be unreported: kept.
    expect(view.points.map((p) => p.peakJobMemoryBytes)).toEqual([0, 0, 0]);
  });
});
