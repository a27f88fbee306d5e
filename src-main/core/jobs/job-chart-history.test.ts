import { describe, expect, it } from 'vitest';
import { JobChartSample } from '../../../src-preload/contract/job-schemas';
import { testAccounting, testJob } from '../../../src-renderer/jobs/test-jobs';
import { BYTES_PER_JOB, JobChartHistory, jobChartSample } from './job-chart-history';

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

describe('JobChartHistory', () => {
  it('costs a fixed 38,400 bytes per job: ten minutes at 0.5 s of time and three figures', () => {
    expect(BYTES_PER_JOB).toBe(38_400);
  });

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
