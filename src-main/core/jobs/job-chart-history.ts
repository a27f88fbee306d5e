/**
 * Each job's chart history, kept in main so a job's charts keep their past when the admin leaves the Jobs
 * tab and comes back (the renderer asks with jobs:history when the charts mount, then appends what every
 * jobs:changed tick already carries). Fed from the rows the job manager builds each tick: no read of its own.
 *
 * Memory is fixed per job: a ring of MAX_JOB_SAMPLES samples (ten minutes at the fastest refresh, 0.5 s) of
 * four float64 columns, BYTES_PER_JOB = 1,200 x 4 x 8 = 38,400 bytes, allocated when the job is first seen
 * and dropped with the job. Samples older than ten minutes are dropped too, so a slower refresh keeps fewer.
 */
import type { JobChartSampleValue, JobRowValue } from '../../../src-preload/contract/job-schemas';

/** Ten minutes, as the Performance history. */
export const JOB_HISTORY_MS = 10 * 60 * 1000;
/** Ten minutes at the fastest refresh interval (0.5 s). */
export const MAX_JOB_SAMPLES = 1200;
const COLUMNS = 4;
/** What one job's ring costs, whatever its age. */
export const BYTES_PER_JOB = MAX_JOB_SAMPLES * COLUMNS * Float64Array.BYTES_PER_ELEMENT;

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

const TIME = 0;
const CPU = 1;
const WORKING_SET = 2;
const PEAK = 3;

/** A fixed ring of samples, oldest first, as four interleaved float64 columns (NaN for null). */
export class SampleRing {
  private readonly cells: Float64Array;
  private start = 0;
  private count = 0;

  constructor(private readonly capacity = MAX_JOB_SAMPLES) {
    this.cells = new Float64Array(capacity * COLUMNS);
  }

  /** Appends a sample newer than the newest (an older or equal time is a repeated tick: ignored), then drops what is older than `maxAgeMs`. */
  push(sample: JobChartSampleValue, maxAgeMs = JOB_HISTORY_MS): void {
    if (this.count > 0 && sample.time <= this.timeAt(this.count - 1)) return;
    if (this.count === this.capacity) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
    const base = ((this.start + this.count) % this.capacity) * COLUMNS;
    this.cells[base + TIME] = sample.time;
    this.cells[base + CPU] = sample.cpuTimeMs ?? Number.NaN;
    this.cells[base + WORKING_SET] = sample.workingSetBytes ?? Number.NaN;
    this.cells[base + PEAK] = sample.peakJobMemoryBytes ?? Number.NaN;
    this.count++;
    while (this.count > 1 && this.timeAt(0) < sample.time - maxAgeMs) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
  }

  /**
   * Main learns that the system does not report CPU times or peaks only once a member proves it (a tick or
   * two after launch): the figures before it were not real zeros either, so they become gaps too.
   */
  forget(cpu: boolean, peak: boolean): void {
    for (let i = 0; i < this.count; i++) {
      const base = ((this.start + i) % this.capacity) * COLUMNS;
      if (cpu) this.cells[base + CPU] = Number.NaN;
      if (peak) this.cells[base + PEAK] = Number.NaN;
    }
  }

  /** The samples, oldest first. */
  toArray(): JobChartSampleValue[] {
    const out: JobChartSampleValue[] = new Array<JobChartSampleValue>(this.count);
    for (let i = 0; i < this.count; i++) {
      const base = ((this.start + i) % this.capacity) * COLUMNS;
      out[i] = {
        time: this.cells[base + TIME] as number,
        cpuTimeMs: orNull(this.cells[base + CPU] as number),
        workingSetBytes: orNull(this.cells[base + WORKING_SET] as number),
        peakJobMemoryBytes: orNull(this.cells[base + PEAK] as number),
      };
    }
    return out;
  }

  get size(): number {
    return this.count;
  }

  private timeAt(i: number): number {
    return this.cells[((this.start + i) % this.capacity) * COLUMNS + TIME] as number;
  }
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Every job's ring, by job name; a job that leaves the list takes its history with it. */
export class JobChartHistory {
  private readonly rings = new Map<string, SampleRing>();

  /** One tick of the whole job list (the rows jobs:changed carries). */
  add(jobs: readonly JobRowValue[], time: number): void {
    const names = new Set<string>();
    for (const job of jobs) {
      names.add(job.name);
      let ring = this.rings.get(job.name);
      if (!ring) this.rings.set(job.name, (ring = new SampleRing()));
      const unreported = job.accounting?.unreported;
      const cpuUnreported = unreported?.userTimeMs !== undefined || unreported?.kernelTimeMs !== undefined;
      const peakUnreported = unreported?.peakJobMemoryBytes !== undefined;
      if (cpuUnreported || peakUnreported) ring.forget(cpuUnreported, peakUnreported);
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
