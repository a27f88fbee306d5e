import { describe, expect, it } from 'vitest';
import { JobChartSample } from '../../../src-preload/contract/job-schemas';
import { testAccounting, testJob } from '../../../src-renderer/jobs/test-jobs';
import { BYTES_PER_JOB, JOB_HISTORY_MS, JobChartHistory, jobChartSample, MAX_JOB_SAMPLES, SampleRing } from './job-chart-history';

const sample = (time: number, cpuTimeMs: number | null = time) => ({ time, cpuTimeMs, workingSetBytes: 1000, peakJobMemoryBytes: null });
const member = (pid: number, workingSetBytes: number | null) => ({ pid, createTime: String(pid), name: `p${pid}.exe`, cpuPercent: null, workingSetBytes });

describe('jobChartSample', () => {
  it('sums CPU times and the working sets main read; null (a gap) where it read none or the system does not report', () => {
    const job = testJob('a', { accounting: testAccounting({ userTimeMs: 700, kernelTimeMs: 300, peakJobMemoryBytes: 5000 }), members: [member(1, 100), member(2, null), member(3, 50)] });
    expect(jobChartSample(job, 10)).toEqual({ time: 10, cpuTimeMs: 1000, workingSetBytes: 150, peakJobMemoryBytes: 5000 });
    const unknown = testJob('b', { accounting: testAccounting({ userTimeMs: null }), members: [member(1, null)] });
    expect(jobChartSample(unknown, 10)).toEqual({ time: 10, cpuTimeMs: null, workingSetBytes: null, peakJobMemoryBytes: 0 });
    expect(jobChartSample(testJob('c', { accounting: null }), 10)).toMatchObject({ cpuTimeMs: null, peakJobMemoryBytes: null });
    expect(JobChartSample.safeParse(jobChartSample(job, 10)).success).toBe(true);
  });
});

describe('SampleRing', () => {
  it('keeps samples oldest first, nulls as nulls, and ignores a repeated or older tick', () => {
    const ring = new SampleRing(4);
    ring.push(sample(1000, null));
    ring.push(sample(2000));
    ring.push(sample(2000, 5));
    ring.push(sample(1500));
    expect(ring.toArray()).toEqual([sample(1000, null), sample(2000)]);
  });

  it('is bounded by count: the oldest go first when full', () => {
    const ring = new SampleRing(3);
    for (let t = 1; t <= 5; t++) ring.push(sample(t * 1000));
    expect(ring.toArray().map((s) => s.time)).toEqual([3000, 4000, 5000]);
    expect(ring.size).toBe(3);
  });

  it('is bounded by age: nothing older than ten minutes before the newest sample', () => {
    const ring = new SampleRing(MAX_JOB_SAMPLES);
    for (let t = 0; t <= 15 * 60; t += 5) ring.push(sample(t * 1000));
    const times = ring.toArray().map((s) => s.time);
    expect(times[0]).toBe(15 * 60 * 1000 - JOB_HISTORY_MS);
    expect(times[times.length - 1]).toBe(15 * 60 * 1000);
    expect(times).toHaveLength(121);
  });

  it('holds ten minutes at the fastest refresh (0.5 s) in its fixed 38,400 bytes', () => {
    expect(BYTES_PER_JOB).toBe(38_400);
    const ring = new SampleRing();
    for (let i = 0; i <= 1300; i++) ring.push(sample(i * 500));
    expect(ring.size).toBe(MAX_JOB_SAMPLES);
    expect(ring.toArray()[0]?.time).toBe((1300 - MAX_JOB_SAMPLES + 1) * 500);
  });

  it('turns earlier CPU times and peaks into gaps once they prove unreported', () => {
    const ring = new SampleRing(4);
    ring.push({ time: 1, cpuTimeMs: 0, workingSetBytes: 10, peakJobMemoryBytes: 0 });
    ring.forget(true, true);
    expect(ring.toArray()).toEqual([{ time: 1, cpuTimeMs: null, workingSetBytes: 10, peakJobMemoryBytes: null }]);
  });
});

describe('JobChartHistory', () => {
  it('keeps a ring per job from the tick rows, and drops the ring of a job that left', () => {
    const history = new JobChartHistory();
    history.add([testJob('a'), testJob('b')], 1000);
    history.add([testJob('a'), testJob('b')], 2000);
    expect(history.samples('a').map((s) => s.time)).toEqual([1000, 2000]);
    history.add([testJob('a')], 3000);
    expect(history.size).toBe(1);
    expect(history.samples('b')).toEqual([]);
    expect(history.samples('nobody')).toEqual([]);
  });

  it('forgets the zeros recorded before main learned the system does not report CPU times', () => {
    const history = new JobChartHistory();
    history.add([testJob('a')], 1000);
    const wine = testAccounting({ userTimeMs: null, kernelTimeMs: null, unreported: { userTimeMs: 'Wine does not report job CPU times', kernelTimeMs: 'Wine does not report job CPU times' } });
    history.add([testJob('a', { accounting: wine })], 2000);
    expect(history.samples('a').map((s) => s.cpuTimeMs)).toEqual([null, null]);
    expect(history.samples('a').map((s) => s.peakJobMemoryBytes)).toEqual([0, 0]);
  });
});
