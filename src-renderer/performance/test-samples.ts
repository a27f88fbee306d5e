/**
 * Builds PerformanceSample values for unit tests (test doubles stay in tests; the product never shows
 * made-up samples).
 */
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';

const GB = 1024 ** 3;

/** A sample at `time` with the given CPU readings and memory in GB. */
export function sample(
  time: number,
  cpuPercent: number | null = 10,
  options: { cores?: number[]; totalGb?: number; availableGb?: number; committedGb?: number; limitGb?: number; extra?: Partial<PerformanceSampleValue> } = {},
): PerformanceSampleValue {
  const totalGb = options.totalGb ?? 16;
  const availableGb = options.availableGb ?? 10;
  return {
    time,
    cpuPercent,
    cpuPerCore: options.cores ?? [],
    memory: {
      loadPercent: Math.round(((totalGb - availableGb) / totalGb) * 100),
      totalPhysicalBytes: totalGb * GB,
      availablePhysicalBytes: availableGb * GB,
      committedBytes: (options.committedGb ?? 8) * GB,
      commitLimitBytes: (options.limitGb ?? 24) * GB,
    },
    uptimeMs: 3_600_000 + time,
    processCount: 120,
    threadCount: 1_500,
    handleCount: 45_000,
    diskReadBytesPerSec: 2048,
    diskWriteBytesPerSec: 1024,
    networkReceivedBytesPerSec: 4096,
    networkSentBytesPerSec: 512,
    unreported: {},
    ...options.extra,
  };
}

/** `count` samples `stepMs` apart starting at `start`. */
export function series(start: number, count: number, stepMs: number): PerformanceSampleValue[] {
  return Array.from({ length: count }, (_, i) => sample(start + i * stepMs, i === 0 ? null : i % 100));
}
