/**
 * The Performance view's words: the current values, the text alternatives of the charts, and what the
 * view says while it has nothing to show. Pure, so each sentence is unit tested.
 */
import type { PerformanceSampleValue } from '../../src-preload/contract/schemas';
import type { UnreportablePerformanceField } from '../../src-preload/contract/performance-fields';
import { formatBytes, formatCount, formatDuration, formatPercent, formatRate, formatUptime, NO_VALUE, percentOf } from '../lib/format';
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
  readonly uptimeText: string;
  readonly uptimeMs: number | null;
  /** Processes, threads, handles, disk and network rates: text, raw number and why it is unknown. */
  readonly figures: Readonly<Record<SummaryFigure, Figure>>;
}

/** A figure beside CPU and memory: its text, its raw number, and why it is unknown (null when reported). */
export interface Figure {
  readonly text: string;
  readonly value: number | null;
  readonly reason: string | null;
}

/** The counts and rates the summary shows beside CPU and memory, in the order it shows them. */
export const SUMMARY_FIGURES = [
  'processCount',
  'threadCount',
  'handleCount',
  'diskReadBytesPerSec',
  'diskWriteBytesPerSec',
  'networkReceivedBytesPerSec',
  'networkSentBytesPerSec',
] as const;
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

/** Why `field` is null in the newest sample, when the system does not report it. */
export function unreportedReason(newest: PerformanceSampleValue | undefined, field: UnreportablePerformanceField): string | null {
  return newest?.unreported?.[field] ?? null;
}

function figuresOf(newest: PerformanceSampleValue | undefined): Record<SummaryFigure, Figure> {
  const figure = (field: SummaryFigure, format: (v: number | null) => string): Figure => {
    const value = newest ? newest[field] : null;
    const reason = field === 'processCount' || field === 'threadCount' ? null : unreportedReason(newest, field);
    return { text: format(value), value, reason: value === null ? reason : null };
  };
  return {
    processCount: figure('processCount', formatCount),
    threadCount: figure('threadCount', formatCount),
    handleCount: figure('handleCount', formatCount),
    diskReadBytesPerSec: figure('diskReadBytesPerSec', formatRate),
    diskWriteBytesPerSec: figure('diskWriteBytesPerSec', formatRate),
    networkReceivedBytesPerSec: figure('networkReceivedBytesPerSec', formatRate),
    networkSentBytesPerSec: figure('networkSentBytesPerSec', formatRate),
  };
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
      uptimeText: NO_VALUE,
      uptimeMs: null,
      figures: figuresOf(undefined),
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
    uptimeText: formatUptime(newest.uptimeMs),
    uptimeMs: newest.uptimeMs,
    figures: figuresOf(newest),
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

/**
 * A throughput chart's text alternative ("Disk: read now 1.00 MB/s, peak 3.00 MB/s; written now ..."), or
 * why there is none when the system does not report it.
 */
export function describeThroughput(
  samples: readonly PerformanceSampleValue[],
  what: string,
  series: readonly { readonly field: UnreportablePerformanceField; readonly name: string }[],
): string {
  const newest = samples[samples.length - 1];
  const unknown = series.map((s) => unreportedReason(newest, s.field)).find((r) => r !== null);
  if (unknown) return `No ${what} figures: ${unknown}.`;
  const parts: string[] = [];
  for (const s of series) {
    const st = stats(samples.map((x) => x[s.field]));
    if (!st) continue;
    parts.push(`${s.name} now ${formatRate(newest?.[s.field] ?? null)}, average ${formatRate(st.average)}, peak ${formatRate(st.peak)}`);
  }
  if (parts.length === 0) return `No ${what} reading yet: a rate needs two samples.`;
  return `${what[0]?.toUpperCase() ?? ''}${what.slice(1)}: ${parts.join('; ')}; over the last ${spanText(samples)}.`;
}

/** What the view says about its state, or null when the charts speak for themselves. */
export function statusMessage(status: HistoryStatus, sampleCount: number, paused: boolean): string | null {
  if (status === 'loading') return 'Loading the last ten minutes of history…';
  if (paused) return 'Paused: no new samples until you press Resume.';
  if (sampleCount === 0) return 'Waiting for the first sample…';
  return null;
}
