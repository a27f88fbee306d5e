import type { CpuTimes } from '../system/system-probe';

/**
 * Busy % between two cumulative readings: (kernel - idle + user) / (kernel + user) over the interval.
 * GetSystemTimes and SystemProcessorPerformanceInformation both count idle inside kernel time.
 * Returns null when there is no previous reading or the counters went backwards (a wrap or a reset),
 * so a rate is never shown from a single or inconsistent pair of readings.
 */
export function cpuBusyPercent(previous: CpuTimes | undefined, current: CpuTimes): number | null {
  if (!previous) return null;
  const idle = current.idle - previous.idle;
  const kernel = current.kernel - previous.kernel;
  const user = current.user - previous.user;
  if (idle < 0n || kernel < 0n || user < 0n || idle > kernel) return null;
  const total = kernel + user;
  if (total === 0n) return null;
  const busy = total - idle;
  // Scale in bigint first (two decimals) so large counters keep their precision.
  const percent = Number((busy * 10_000n) / total) / 100;
  return Math.min(100, Math.max(0, percent));
}

/** Busy % per logical processor; empty when the processor count changed between readings. */
export function perCoreBusyPercent(previous: readonly CpuTimes[] | undefined, current: readonly CpuTimes[]): number[] {
  if (!previous || previous.length !== current.length) return [];
  const result: number[] = [];
  for (let i = 0; i < current.length; i++) {
    const value = cpuBusyPercent(previous[i], current[i] as CpuTimes);
    if (value === null) return [];
    result.push(value);
  }
  return result;
}
