/**
 * Turns samples into what the charts draw. Pure and memoized by the caller on the samples array, so a
 * chart only recomputes when a sample arrives. Recharts costs grow with points x series, so points are
 * thinned to what a chart's width can show and per-core lines are capped.
 */
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';

/** More points than this gain nothing on a chart a few hundred pixels wide. */
export const MAX_CHART_POINTS = 600;

/** A small-multiple sparkline is ~120 px wide: more points than pixels are wasted work. */
export const MAX_SPARKLINE_POINTS = 120;

/** Up to this many logical processors get a thin line on the CPU chart; more get small multiples. */
export const MAX_CORE_LINES = 8;

/** One point of the CPU chart: `total` and `c0`..`cN` are busy %, null where there is no reading. */
export interface CpuPoint {
  readonly time: number;
  readonly total: number | null;
  readonly [core: `c${number}`]: number | null;
}

/** One point of the memory chart, in bytes. */
export interface MemoryPoint {
  readonly time: number;
  readonly physicalUsedBytes: number;
  readonly committedBytes: number;
  readonly commitLimitBytes: number;
}

/**
 * Keeps at most about `maxPoints` samples over `windowMs`: the first sample of each time bucket, plus
 * the newest. Buckets are fixed to the clock (not to the first sample), so as the window slides the
 * same samples stay chosen and the lines do not shimmer from tick to tick.
 */
export function thinByTime<T extends { readonly time: number }>(
  samples: readonly T[],
  maxPoints = MAX_CHART_POINTS,
  windowMs = 10 * 60 * 1000,
): readonly T[] {
  if (samples.length <= maxPoints) return samples;
  const bucketMs = windowMs / maxPoints;
  const kept: T[] = [];
  let lastBucket = Number.NEGATIVE_INFINITY;
  for (const sample of samples) {
    const bucket = Math.floor(sample.time / bucketMs);
    if (bucket !== lastBucket) {
      kept.push(sample);
      lastBucket = bucket;
    }
  }
  const newest = samples[samples.length - 1];
  if (newest && kept[kept.length - 1] !== newest) kept.push(newest);
  return kept;
}

/** How many logical processors the samples report (the widest per-core array seen). */
export function coreCount(samples: readonly PerformanceSampleValue[]): number {
  let count = 0;
  for (const s of samples) count = Math.max(count, s.cpuPerCore.length);
  return count;
}

// Samples never change once received, so each one's chart point is built once and reused on every later
// tick: a tick then allocates one point per chart instead of 600 (garbage was the largest per-tick cost).
const cpuPointCache = new WeakMap<PerformanceSampleValue, { readonly coreLines: number; readonly point: CpuPoint }>();
const memoryPointCache = new WeakMap<PerformanceSampleValue, MemoryPoint>();
const throughputPointCache = new WeakMap<PerformanceSampleValue, ThroughputPoint>();

/** One point of the disk and network charts, bytes per second; null where there is no reading (a gap). */
export interface ThroughputPoint {
  readonly time: number;
  readonly diskReadBytesPerSec: number | null;
  readonly diskWriteBytesPerSec: number | null;
  readonly networkReceivedBytesPerSec: number | null;
  readonly networkSentBytesPerSec: number | null;
}

/** The disk and network charts' points (one object per sample, shared by both charts). */
export function toThroughputPoints(samples: readonly PerformanceSampleValue[]): ThroughputPoint[] {
  return samples.map((s) => {
    let point = throughputPointCache.get(s);
    if (!point) {
      point = {
        time: s.time,
        diskReadBytesPerSec: s.diskReadBytesPerSec,
        diskWriteBytesPerSec: s.diskWriteBytesPerSec,
        networkReceivedBytesPerSec: s.networkReceivedBytesPerSec,
        networkSentBytesPerSec: s.networkSentBytesPerSec,
      };
      throughputPointCache.set(s, point);
    }
    return point;
  });
}

function cpuPoint(s: PerformanceSampleValue, coreLines: number): CpuPoint {
  const cached = cpuPointCache.get(s);
  if (cached && cached.coreLines === coreLines) return cached.point;
  const point: Record<string, number | null> = { time: s.time, total: s.cpuPercent };
  for (let i = 0; i < coreLines; i++) point[`c${i}`] = s.cpuPerCore[i] ?? null;
  const built = point as unknown as CpuPoint;
  cpuPointCache.set(s, { coreLines, point: built });
  return built;
}

/** The CPU chart's points; per-core keys only for the first `coreLines` processors. */
export function toCpuPoints(samples: readonly PerformanceSampleValue[], coreLines: number): CpuPoint[] {
  return samples.map((s) => cpuPoint(s, coreLines));
}

/** The memory chart's points: physical in use (total - available), committed and the commit limit. */
export function toMemoryPoints(samples: readonly PerformanceSampleValue[]): MemoryPoint[] {
  return samples.map((s) => {
    let point = memoryPointCache.get(s);
    if (!point) {
      point = {
        time: s.time,
        physicalUsedBytes: Math.max(0, s.memory.totalPhysicalBytes - s.memory.availablePhysicalBytes),
        committedBytes: s.memory.committedBytes,
        commitLimitBytes: s.memory.commitLimitBytes,
      };
      memoryPointCache.set(s, point);
    }
    return point;
  });
}

/**
 * An SVG path for one processor's small-multiple sparkline: busy % over [start, end] in a width x height
 * box, 100 % at the top. Gaps (no reading) break the line. Drawn as a raw path, not a Recharts chart,
 * because 16-64 small charts would cost far more than the one they sit under.
 */
export function sparklinePath(
  points: readonly { readonly time: number; readonly value: number | null }[],
  start: number,
  end: number,
  width: number,
  height: number,
): string {
  const span = end - start;
  if (!(span > 0)) return '';
  let d = '';
  let penDown = false;
  for (const p of points) {
    if (p.value === null) {
      penDown = false;
      continue;
    }
    const x = ((p.time - start) / span) * width;
    const y = height - (Math.min(100, Math.max(0, p.value)) / 100) * height;
    d += `${penDown ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    penDown = true;
  }
  return d;
}
