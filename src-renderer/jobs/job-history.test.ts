import { describe, expect, it } from 'vitest';
import { JobAlerts } from './job-alerts';
import { appendJobPoint, JobHistory, jobPoint, limitMarkers, pointFromSample, type JobPoint } from './job-history';
import { testAccounting, testEvent, testJob } from './test-jobs';

const point = (time: number): JobPoint => ({ time, cpuPercent: null, workingSetBytes: null, peakJobMemoryBytes: null, cpuTimeMs: null });

describe('jobPoint', () => {
  it('turns CPU time between ticks into a percent of the machine', () => {
    const first = jobPoint(testJob('a', { accounting: testAccounting({ userTimeMs: 1000, kernelTimeMs: 0 }) }), 10_000, 4, undefined);
    expect(first.cpuPercent).toBeNull();
    // 2,000 ms of CPU in 1,000 ms of wall time on 4 processors = half the machine.
    const next = jobPoint(testJob('a', { accounting: testAccounting({ userTimeMs: 2500, kernelTimeMs: 500 }) }), 11_000, 4, first);
    expect(next.cpuPercent).toBe(50);
    expect(next.cpuTimeMs).toBe(3000);
  });

  it('starts over when CPU time goes down (a job recreated under the same name) and has no rate without accounting', () => {
    const before = jobPoint(testJob('a', { accounting: testAccounting({ userTimeMs: 5000 }) }), 1000, 1, undefined);
    expect(jobPoint(testJob('a', { accounting: testAccounting({ userTimeMs: 10 }) }), 2000, 1, before).cpuPercent).toBeNull();
    const none = jobPoint(testJob('a', { accounting: null }), 3000, 1, before);
    expect(none).toMatchObject({ cpuPercent: null, cpuTimeMs: null, peakJobMemoryBytes: null });
  });

  it('leaves a gap (null, never a rate of 0 or a peak of 0) where the system does not report CPU times or peaks', () => {
    const wine = testAccounting({ userTimeMs: null, kernelTimeMs: null, peakJobMemoryBytes: null, unreported: { userTimeMs: 'Wine does not report job CPU times', kernelTimeMs: 'Wine does not report job CPU times', peakJobMemoryBytes: 'Wine does not report job peak memory' } });
    const first = jobPoint(testJob('a', { accounting: wine }), 1000, 1, undefined);
    const next = jobPoint(testJob('a', { accounting: wine }), 2000, 1, first);
    expect(next).toMatchObject({ cpuPercent: null, cpuTimeMs: null, peakJobMemoryBytes: null });
  });

  it('turns the zeros charted before main learned the system does not report CPU times or peaks into gaps too', () => {
    const history = new JobHistory();
    history.add([testJob('a', { accounting: testAccounting() })], 1000, 1);
    history.add([testJob('a', { accounting: testAccounting() })], 2000, 1);
    expect(history.points('a')[1]).toMatchObject({ cpuPercent: 0, peakJobMemoryBytes: 0 });
    const unknown = testAccounting({ userTimeMs: null, kernelTimeMs: null, peakJobMemoryBytes: null, unreported: { userTimeMs: 'Wine does not report job CPU times', peakJobMemoryBytes: 'Wine does not report job peak memory' } });
    history.add([testJob('a', { accounting: unknown })], 3000, 1);
    expect(history.points('a').map((p) => [p.cpuPercent, p.peakJobMemoryBytes])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('sums the working sets main read, null when it read none', () => {
    const members = [
      { pid: 1, createTime: '1', name: 'a.exe', cpuPercent: null, workingSetBytes: 100 },
      { pid: 2, createTime: '2', name: 'b.exe', cpuPercent: null, workingSetBytes: null },
      { pid: 3, createTime: '3', name: 'c.exe', cpuPercent: null, workingSetBytes: 50 },
    ];
    expect(jobPoint(testJob('a', { members }), 1, 1, undefined).workingSetBytes).toBe(150);
    expect(jobPoint(testJob('a', { members: [] }), 1, 1, undefined).workingSetBytes).toBeNull();
  });
});

describe('history bounds', () => {
  it('keeps the newest points up to the bound and ignores repeated ticks', () => {
    let points: readonly JobPoint[] = [];
    for (let t = 1; t <= 25; t++) points = appendJobPoint(points, point(t), 10);
    expect(points).toHaveLength(10);
    expect(points[0]?.time).toBe(16);
    expect(points[9]?.time).toBe(25);
    expect(appendJobPoint(points, point(25), 10)).toBe(points);
  });

  it('keeps one series per job and drops jobs that left', () => {
    const h = new JobHistory(3);
    for (let t = 1; t <= 5; t++) h.add([testJob('a'), testJob('b')], t * 1000, 1);
    expect(h.points('a').map((p) => p.time)).toEqual([3000, 4000, 5000]);
    h.add([testJob('b')], 6000, 1);
    expect(h.size).toBe(1);
    expect(h.points('a')).toEqual([]);
    expect(h.points('b')).toHaveLength(3);
  });
});

describe('limitMarkers', () => {
  it('marks only limit events of the job within the span', () => {
    const events = [
      testEvent(1, 'a', 'jobMemoryLimit'),
      testEvent(2, 'a', 'newProcess'),
      testEvent(3, 'b', 'activeProcessLimit'),
      testEvent(4, 'a', 'endOfJobTime'),
      testEvent(9, 'a', 'processMemoryLimit'),
    ];
    expect(limitMarkers(events, 'a', 1000, 5000).map((e) => e.id)).toEqual([1, 4]);
  });
});

describe('JobAlerts', () => {
  it('passes each important event once, in order', () => {
    const alerts = new JobAlerts();
    const tick = [testEvent(1, 'a', 'newProcess'), testEvent(2, 'a', 'jobMemoryLimit', { important: true }), testEvent(3, 'a', 'abnormalExitProcess', { important: true })];
    expect(alerts.take(tick).map((e) => e.id)).toEqual([2, 3]);
    expect(alerts.take([...tick, testEvent(4, 'a', 'activeProcessZero', { important: true })]).map((e) => e.id)).toEqual([4]);
  });
});

describe("main's history (jobs:history)", () => {
  const kept = (time: number, cpuTimeMs: number | null) => ({ time, cpuTimeMs, workingSetBytes: 100, peakJobMemoryBytes: 200 });

  it('turns kept samples into points, the CPU rate between consecutive ones', () => {
    const first = pointFromSample(kept(1000, 0), 2, undefined);
    expect(first.cpuPercent).toBeNull();
    expect(pointFromSample(kept(2000, 1000), 2, first)).toEqual({ time: 2000, cpuPercent: 50, workingSetBytes: 100, peakJobMemoryBytes: 200, cpuTimeMs: 1000 });
  });

  it("puts main's past before what this view gathered, keeps the view's newer ticks and re-rates the first of them", () => {
    const history = new JobHistory();
    // The view (just mounted) saw two ticks; the first has no rate here.
    history.add([testJob('a', { accounting: testAccounting({ userTimeMs: 3000, kernelTimeMs: 0 }) })], 4000, 1);
    history.add([testJob('a', { accounting: testAccounting({ userTimeMs: 3500, kernelTimeMs: 0 }) })], 5000, 1);
    expect(history.points('a')[0]?.cpuPercent).toBeNull();
    expect(history.load('a', [kept(1000, 0), kept(2000, 1000), kept(3000, 2000), kept(4000, 3000)], 1)).toBe(true);
    const points = history.points('a');
    expect(points.map((p) => p.time)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(points.map((p) => p.cpuPercent)).toEqual([null, 100, 100, 100, 50]);
  });

  it('keeps nothing for a job that left while the answer was on its way', () => {
    const history = new JobHistory();
    expect(history.load('gone', [kept(1000, 0)], 1)).toBe(false);
    expect(history.points('gone')).toEqual([]);
  });
});
