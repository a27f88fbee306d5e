/**
 * The Performance view's words: the current values, the text alternatives of the charts, and what the
 * view says while it has nothing to show. Pure, so each sentence is unit tested.
 */
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import { formatBytes, formatDuration, formatPercent, NO_VALUE, percentOf } from '../lib/format';
import type { HistoryStatus } from './history';

/** The current values as the summary shows them, plus the raw numbers for data attributes. */
export interface CurrentValues {
  readonly cpuText: string;
  readonly cpuPercent: number | null;
  readonly physicalInUseText: string;
  readonly physicalInUseBytes: number | null;
  readonly committedText: string;
  readonly committedBytes: number | null;
  readonly logicalProcessorsText: string;
  /** What follows the count: " samples over 2 min 5 s", " sample". */
  readonly sampleCountDetail: string;
  readonly sampleCount: number;
  readonly lastSampleTime: number | null;
}

/** What the summary shows for these samples; "—" wherever there is no reading (never a fake 0). */
export function currentValues(samples: readonly PerformanceSampleValue[]): CurrentValues {
  const newest = samples[samples.length - 1];
  const oldest = samples[0];
  const count = samples.length;
  const unit = count === 1 ? ' sample' : ' samples';
  if (!newest || !oldest) {
    return {
      cpuText: NO_VALUE,
      cpuPercent: null,
      physicalInUseText: NO_VALUE,
      physicalInUseBytes: null,
      committedText: NO_VALUE,
      committedBytes: null,
      logicalProcessorsText: NO_VALUE,
      sampleCountDetail: unit,
      sampleCount: 0,
      lastSampleTime: null,
    };
  }
  const m = newest.memory;
  const inUse = Math.max(0, m.totalPhysicalBytes - m.availablePhysicalBytes);
  const inUsePercent = percentOf(inUse, m.totalPhysicalBytes);
  return {
    cpuText: formatPercent(newest.cpuPercent),
    cpuPercent: newest.cpuPercent,
    physicalInUseText: `${formatBytes(inUse)} of ${formatBytes(m.totalPhysicalBytes)}${inUsePercent === null ? '' : ` (${Math.round(inUsePercent)}%)`}`,
    physicalInUseBytes: inUse,
    committedText: `${formatBytes(m.committedBytes)} of ${formatBytes(m.commitLimitBytes)} limit`,
    committedBytes: m.committedBytes,
    logicalProcessorsText: newest.cpuPerCore.length > 0 ? String(newest.cpuPerCore.length) : NO_VALUE,
    sampleCountDetail: count > 1 ? `${unit} over ${formatDuration(newest.time - oldest.time)}` : unit,
    sampleCount: count,
    lastSampleTime: newest.time,
  };
}

/** Average and peak of the readings present (nulls skipped); null when there are none. */
export function stats(values: readonly (number | null)[]): { average: number; peak: number } | null {
  let sum = 0;
  let count = 0;
  let peak = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    count++;
    peak = Math.max(peak, v);
  }
  return count === 0 ? null : { average: sum / count, peak };
}

function spanText(samples: readonly PerformanceSampleValue[]): string {
  const first = samples[0];
  const last = samples[samples.length - 1];
  return first && last ? formatDuration(last.time - first.time) : formatDuration(0);
}

/** The CPU chart's text alternative: now, average and peak over the span shown. */
export function describeCpu(samples: readonly PerformanceSampleValue[]): string {
  const s = stats(samples.map((x) => x.cpuPercent));
  const now = samples[samples.length - 1]?.cpuPercent ?? null;
  if (!s) return 'No CPU reading yet: the first reading needs two samples.';
  return `CPU now ${formatPercent(now)}; over the last ${spanText(samples)}: average ${formatPercent(s.average)}, peak ${formatPercent(s.peak)}.`;
}

/** The memory chart's text alternative: physical in use and committed, now and at peak. */
export function describeMemory(samples: readonly PerformanceSampleValue[]): string {
  const newest = samples[samples.length - 1];
  if (!newest) return 'No memory reading yet.';
  const used = samples.map((x) => Math.max(0, x.memory.totalPhysicalBytes - x.memory.availablePhysicalBytes));
  const committed = samples.map((x) => x.memory.committedBytes);
  const m = newest.memory;
  return (
    `Physical memory in use now ${formatBytes(used[used.length - 1])} of ${formatBytes(m.totalPhysicalBytes)}, ` +
    `peak ${formatBytes(Math.max(...used))}; committed now ${formatBytes(m.committedBytes)} of ` +
    `${formatBytes(m.commitLimitBytes)} limit, peak ${formatBytes(Math.max(...committed))}; over the last ${spanText(samples)}.`
  );
}

/** What the view says about its state, or null when the charts speak for themselves. */
export function statusMessage(status: HistoryStatus, sampleCount: number, paused: boolean): string | null {
  if (status === 'loading') return 'Loading the last ten minutes of history…';
  if (paused) return 'Paused: no new samples until you press Resume.';
  if (sampleCount === 0) return 'Waiting for the first sample…';
  return null;
}
