/**
 * How a hosted service's status pushes become chart points and timeline events, as pure functions both sides
 * use: main records them for the services whose details were opened last (services:hostedHistory), the
 * details add the pushes that follow. One rule on both sides is what lets the details merge main's history
 * with their own points by time without a seam. No zod here.
 */

/** The host's event on its status line (CONTRACT.md): when, what, and in words. */
export interface HostedEventLine {
  readonly at: string;
  readonly kind: string;
  readonly detail: string;
}

/** What the charts need of one status line (a part of HostedStatusValue, so tests and both sides share it). */
export interface HostedChartStatus {
  readonly restarts: number;
  readonly liveness: { readonly consecutiveFailures: number } | null;
  readonly job: {
    readonly activeProcesses: number | null;
    readonly userTimeMs: number | null;
    readonly kernelTimeMs: number | null;
    readonly peakJobMemoryBytes: number | null;
  } | null;
  readonly limitHits: readonly unknown[];
}

/**
 * One point on a hosted service's charts. Every figure is null on a gap (the host was not running or did not
 * answer: unknown, never 0); a job figure is null too where the system does not report it.
 */
export interface HostedChartPoint {
  readonly time: number;
  /** Percent of all logical processors since the previous point; null when unknown, on the first, or after a gap. */
  readonly cpuPercent: number | null;
  /** Peak committed memory of the job (the host's peakJobMemoryBytes). */
  readonly peakJobMemoryBytes: number | null;
  readonly activeProcesses: number | null;
  /** Restarts so far (the host's count). */
  readonly restarts: number | null;
  /** Liveness failures in a row; null when no liveness probe is set. */
  readonly probeFailures: number | null;
  /** Limit hits the host reports (its newest 20 at most). */
  readonly limitHits: number | null;
  /** User + kernel time so far, the base of the next rate. */
  readonly cpuTimeMs: number | null;
}

/** Ten minutes of pushes at the host's once-a-second accounting rate (state changes come between, as they happen). */
export const MAX_HOSTED_POINTS = 600;
/** The timeline keeps this many events (the host sends the newest 20 with each status). */
export const MAX_HOSTED_EVENTS = 500;

/** True for a point that stands for "no status from the host" (drawn as a gap). */
export function isHostedGap(point: HostedChartPoint): boolean {
  return point.restarts === null;
}

/** A point the host answered for: its counts are known (only a gap has them null). */
export type HeardPoint = HostedChartPoint & { readonly restarts: number; readonly limitHits: number };

/** True for a point the host answered for (the counts typed as known). */
export function isHeardPoint(point: HostedChartPoint): point is HeardPoint {
  return !isHostedGap(point);
}

/**
 * The figures that become gaps, in the points already kept, once main learns the system does not report them:
 * it learns that job CPU times or peaks are unreported only once a member proves it (a status or two after the
 * start), so the figures kept before were not real zeros either. Main's history and the details both apply it.
 */
export function figuresToForget(unreported: { readonly userTimeMs?: string; readonly kernelTimeMs?: string; readonly peakJobMemoryBytes?: string }): ('cpuTimeMs' | 'cpuPercent' | 'peakJobMemoryBytes')[] {
  const figures: ('cpuTimeMs' | 'cpuPercent' | 'peakJobMemoryBytes')[] = [];
  if (unreported.userTimeMs !== undefined || unreported.kernelTimeMs !== undefined) figures.push('cpuTimeMs', 'cpuPercent');
  if (unreported.peakJobMemoryBytes !== undefined) figures.push('peakJobMemoryBytes');
  return figures;
}

/**
 * The point for a push at `time`: the status's figures, its CPU time rate against `previous` (the point
 * before it), or a gap when `status` is null (the host is not running or did not answer).
 */
export function hostedChartPoint(previous: HostedChartPoint | undefined, time: number, status: HostedChartStatus | null, logicalProcessors: number): HostedChartPoint {
  if (status === null) return { time, cpuPercent: null, peakJobMemoryBytes: null, activeProcesses: null, restarts: null, probeFailures: null, limitHits: null, cpuTimeMs: null };
  const job = status.job;
  const cpuTimeMs = job && job.userTimeMs !== null && job.kernelTimeMs !== null ? job.userTimeMs + job.kernelTimeMs : null;
  let cpuPercent: number | null = null;
  // A restarted program is a new job whose CPU time starts again from 0: no rate across that drop.
  if (cpuTimeMs !== null && previous?.cpuTimeMs != null && time > previous.time && cpuTimeMs >= previous.cpuTimeMs) {
    cpuPercent = Math.min(100, ((cpuTimeMs - previous.cpuTimeMs) / (time - previous.time) / Math.max(1, logicalProcessors)) * 100);
  }
  return {
    time,
    cpuPercent,
    peakJobMemoryBytes: job?.peakJobMemoryBytes ?? null,
    activeProcesses: job?.activeProcesses ?? null,
    restarts: status.restarts,
    probeFailures: status.liveness ? status.liveness.consecutiveFailures : null,
    limitHits: status.limitHits.length,
    cpuTimeMs,
  };
}

/** The key that tells one host event from another (the host repeats its newest 20 with every status). */
export function hostedEventKey(e: HostedEventLine): string {
  return `${e.at}|${e.kind}|${e.detail}`;
}

/**
 * `held` with the events of `incoming` it does not have yet, oldest first, at most `max`; the same array
 * when nothing is new. An event whose time cannot be read is left out (it could not be placed on a chart).
 */
export function mergeHostedEvents<E extends HostedEventLine>(held: readonly E[], incoming: readonly E[], max = MAX_HOSTED_EVENTS): readonly E[] {
  const known = new Set(held.map(hostedEventKey));
  const added: E[] = [];
  for (const e of incoming) {
    const key = hostedEventKey(e);
    if (!Number.isFinite(Date.parse(e.at)) || known.has(key)) continue;
    known.add(key);
    added.push(e);
  }
  if (added.length === 0) return held;
  return [...held, ...added].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-max);
}
