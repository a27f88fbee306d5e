/**
 * Per-job chart history: main's ten minutes (jobs:history, asked when the charts mount, so they keep their
 * past across tab switches) followed by the successive jobs:changed ticks: the CPU time rate (the change in user + kernel time over the change in wall time, as a percent of the machine) and
 * memory (the members' working sets summed; the job's peak committed memory). Bounded per job; jobs
 * that leave take their history with them. Pure, so it is unit tested.
 */
import type { JobChartSampleValue, JobEventValue, JobRowValue } from '../../src-preload/contract/job-schemas';

/** One tick of one job. */
export interface JobPoint {
  readonly time: number;
  /** Percent of all logical processors over the last interval; null on the first tick or after a reset. */
  readonly cpuPercent: number | null;
  /** Sum of the members' working sets; null when main read none of them. */
  readonly workingSetBytes: number | null;
  /** Peak committed memory of the job so far (JOBOBJECT_EXTENDED_LIMIT_INFORMATION.PeakJobMemoryUsed); null when unknown (a gap). */
  readonly peakJobMemoryBytes: number | null;
  /** Total user + kernel CPU time so far, the base for the next point's rate. */
  readonly cpuTimeMs: number | null;
}

/** Ten minutes at the fastest refresh (0.5 s), as main keeps (core/jobs/job-chart-history.ts). */
export const MAX_JOB_POINTS = 1200;

/** The event kinds that mean a limit was hit: chart markers. */
export const LIMIT_EVENT_KINDS: ReadonlySet<JobEventValue['kind']> = new Set([
  'activeProcessLimit',
  'processMemoryLimit',
  'jobMemoryLimit',
  'endOfJobTime',
  'endOfProcessTime',
  'notificationLimit',
]);

/** The point for `job` at `time`, its CPU rate measured against `previous`. */
export function jobPoint(job: JobRowValue, time: number, logicalProcessors: number, previous: JobPoint | undefined): JobPoint {
  const acc = job.accounting;
  // Unknown CPU times (the system does not report them) leave a gap, never a rate of 0.
  const cpuTimeMs = acc && acc.userTimeMs !== null && acc.kernelTimeMs !== null ? acc.userTimeMs + acc.kernelTimeMs : null;
  const sizes = job.members.map((m) => m.workingSetBytes).filter((b): b is number => b !== null);
  const sample: JobChartSampleValue = {
    time,
    cpuTimeMs,
    workingSetBytes: sizes.length > 0 ? sizes.reduce((a, b) => a + b, 0) : null,
    peakJobMemoryBytes: acc ? acc.peakJobMemoryBytes : null,
  };
  return pointFromSample(sample, logicalProcessors, previous);
}

/** The point for one sample main kept (jobs:history), its CPU rate measured against `previous`. */
export function pointFromSample(sample: JobChartSampleValue, logicalProcessors: number, previous: JobPoint | undefined): JobPoint {
  const { time, cpuTimeMs } = sample;
  let cpuPercent: number | null = null;
  const before = previous?.cpuTimeMs ?? null;
  if (cpuTimeMs !== null && before !== null && previous !== undefined && time > previous.time) {
    const used = cpuTimeMs - before;
    // Less CPU time than before: the job was recreated under the same name; start over.
    if (used >= 0) cpuPercent = Math.min(100, (used / (time - previous.time) / Math.max(1, logicalProcessors)) * 100);
  }
  return { time, cpuPercent, workingSetBytes: sample.workingSetBytes, peakJobMemoryBytes: sample.peakJobMemoryBytes, cpuTimeMs };
}

/**
 * Appends a point unless one at the same or a later time is already there (a snapshot can repeat a
 * tick); keeps the newest `max`. Returns the same array when nothing is added.
 */
export function appendJobPoint(points: readonly JobPoint[], point: JobPoint, max = MAX_JOB_POINTS): readonly JobPoint[] {
  const last = points[points.length - 1];
  if (last && point.time <= last.time) return points;
  const next = points.length >= max ? points.slice(points.length - max + 1) : points.slice();
  next.push(point);
  return next;
}

/**
 * Main learns that the system does not report CPU times or peaks only once a member proves it (a tick or
 * two after launch): the figures before it were not real zeros either, so they become gaps too.
 */
export function forgetUnreported(points: readonly JobPoint[], job: JobRowValue): readonly JobPoint[] {
  const unreported = job.accounting?.unreported;
  if (!unreported) return points;
  const cpu = unreported.userTimeMs !== undefined || unreported.kernelTimeMs !== undefined;
  const peak = unreported.peakJobMemoryBytes !== undefined;
  if (!points.some((p) => (cpu && p.cpuTimeMs !== null) || (peak && p.peakJobMemoryBytes !== null))) return points;
  return points.map((p) => ({
    ...p,
    cpuPercent: cpu ? null : p.cpuPercent,
    cpuTimeMs: cpu ? null : p.cpuTimeMs,
    peakJobMemoryBytes: peak ? null : p.peakJobMemoryBytes,
  }));
}

/** Every job's history, by job name. */
export class JobHistory {
  private readonly byJob = new Map<string, readonly JobPoint[]>();

  constructor(private readonly max = MAX_JOB_POINTS) {}

  /** Adds one tick of the whole job list; jobs not in it lose their history. */
  add(jobs: readonly JobRowValue[], time: number, logicalProcessors: number): void {
    const names = new Set<string>();
    for (const job of jobs) {
      names.add(job.name);
      const points = forgetUnreported(this.byJob.get(job.name) ?? [], job);
      this.byJob.set(job.name, appendJobPoint(points, jobPoint(job, time, logicalProcessors, points[points.length - 1]), this.max));
    }
    for (const name of [...this.byJob.keys()]) if (!names.has(name)) this.byJob.delete(name);
  }

  /**
   * Main's history of one job (jobs:history) in place of what this view gathered, followed by the points
   * it gathered after main's newest (ticks that arrived while the answer was on its way). Returns false
   * when the job is no longer listed (it left while the answer was on its way): nothing is kept for it.
   */
  load(name: string, samples: readonly JobChartSampleValue[], logicalProcessors: number): boolean {
    const own = this.byJob.get(name);
    if (!own) return false;
    const points: JobPoint[] = [];
    for (const sample of samples.slice(-this.max)) {
      const previous = points[points.length - 1];
      if (previous && sample.time <= previous.time) continue;
      points.push(pointFromSample(sample, logicalProcessors, previous));
    }
    const newest = points[points.length - 1]?.time ?? Number.NEGATIVE_INFINITY;
    let merged: readonly JobPoint[] = points;
    // Rates again against main's points: the first tick this view saw had no previous one here.
    for (const p of own) if (p.time > newest) merged = appendJobPoint(merged, pointFromSample(p, logicalProcessors, merged[merged.length - 1]), this.max);
    this.byJob.set(name, merged);
    return true;
  }

  /** The points of one job, oldest first (the same array until a tick adds one). */
  points(name: string): readonly JobPoint[] {
    return this.byJob.get(name) ?? NO_POINTS;
  }

  /** How many jobs have history. */
  get size(): number {
    return this.byJob.size;
  }
}

const NO_POINTS: readonly JobPoint[] = [];

/** The limit events of one job within [from, to]: where the charts put markers. */
export function limitMarkers(events: readonly JobEventValue[], job: string, from: number, to: number): JobEventValue[] {
  return events.filter((e) => e.job === job && LIMIT_EVENT_KINDS.has(e.kind) && e.time >= from && e.time <= to);
}
