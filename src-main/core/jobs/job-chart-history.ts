/**
 * Each job's chart history, kept in main so a job's charts keep their past when the admin leaves the Jobs
 * tab and comes back (the renderer asks with jobs:history when the charts mount, then appends what every
 * jobs:changed tick already carries). Fed from the rows the job manager builds each tick: no read of its own.
 *
 * Memory is fixed per job: a ring (live/sample-ring.ts) of 1,200 samples (ten minutes at the fastest refresh,
 * 0.5 s) of four float64 columns, BYTES_PER_JOB = 38,400 bytes, allocated when the job is first seen and
 * dropped with the job. Samples older than ten minutes are dropped too, so a slower refresh keeps fewer.
 */
import type { JobChartSampleValue, JobRowValue } from '../../../src-preload/contract/job-schemas';
import { ringBytes, SampleRing } from '../live/sample-ring';

/** The ring's value columns: what a job's charts draw. */
const JOB_COLUMNS = ['cpuTimeMs', 'workingSetBytes', 'peakJobMemoryBytes'] as const;
/** What one job's ring costs, whatever its age: 1,200 x 4 x 8 = 38,400 bytes. */
export const BYTES_PER_JOB = ringBytes(JOB_COLUMNS.length);

/**
 * One tick of one job as the charts need it: total CPU time (the rate is taken between samples, in the
 * renderer), the members' working sets summed, the job's peak committed memory. Null (a gap, never 0) where
 * the system does not report it or main read none.
 */
export function jobChartSample(job: JobRowValue, time: number): JobChartSampleValue {
  const acc = job.accounting;
  const cpuTimeMs = acc && acc.userTimeMs !== null && acc.kernelTimeMs !== null ? acc.userTimeMs + acc.kernelTimeMs : null;
  let workingSetBytes: number | null = null;
  for (const m of job.members) if (m.workingSetBytes !== null) workingSetBytes = (workingSetBytes ?? 0) + m.workingSetBytes;
  return { time, cpuTimeMs, workingSetBytes, peakJobMemoryBytes: acc ? acc.peakJobMemoryBytes : null };
}

/** Every job's ring, by job name; a job that leaves the list takes its history with it. */
export class JobChartHistory {
  private readonly rings = new Map<string, SampleRing<(typeof JOB_COLUMNS)[number]>>();

  /** One tick of the whole job list (the rows jobs:changed carries). */
  add(jobs: readonly JobRowValue[], time: number): void {
    const names = new Set<string>();
    for (const job of jobs) {
      names.add(job.name);
      let ring = this.rings.get(job.name);
      if (!ring) this.rings.set(job.name, (ring = new SampleRing(JOB_COLUMNS)));
      const unreported = job.accounting?.unreported;
      const cpuUnreported = unreported?.userTimeMs !== undefined || unreported?.kernelTimeMs !== undefined;
      const peakUnreported = unreported?.peakJobMemoryBytes !== undefined;
      // Main learns that the system does not report CPU times or peaks only once a member proves it (a tick
      // or two after launch): the figures before it were not real zeros either, so they become gaps too.
      if (cpuUnreported) ring.forget(['cpuTimeMs']);
      if (peakUnreported) ring.forget(['peakJobMemoryBytes']);
      ring.push(jobChartSample(job, time));
    }
    for (const name of [...this.rings.keys()]) if (!names.has(name)) this.rings.delete(name);
  }

  /** One job's samples, oldest first; empty for a job with none (or not managed). */
  samples(name: string): JobChartSampleValue[] {
    return this.rings.get(name)?.toArray() ?? [];
  }

  /** How many jobs have a ring. */
  get size(): number {
    return this.rings.size;
  }
}
