/**
 * The selected process's CPU and memory history for the details charts: what main kept of it
 * (processes:history; main keeps the charts of the few processes whose details were opened, so they survive
 * a tab switch) joined with the ticks seen while it is selected. Pure, so it is unit tested.
 */
import type { ProcessChartSampleValue, ProcessRowValue } from '../../src-preload/contract/schemas';

/** One point: tick time, CPU % (null when main has no reading yet) and memory in bytes (private bytes null where not reported: a gap). */
export interface HistoryPoint {
  readonly time: number;
  readonly cpuPercent: number | null;
  readonly workingSetBytes: number;
  readonly privateBytes: number | null;
}

/** Ten minutes at the fastest refresh (0.5 s), as the Performance view keeps. */
export const MAX_HISTORY_POINTS = 1200;

/** The point for a row at a tick. */
export function historyPoint(row: ProcessRowValue, time: number): HistoryPoint {
  return { time, cpuPercent: row.cpuPercent, workingSetBytes: row.workingSetBytes, privateBytes: row.privateBytes };
}

/**
 * Appends a point unless one with the same or a later time is already there (the store notifies for
 * every change, and a resync can repeat a tick). Returns the same array when nothing is added.
 */
export function appendPoint(points: readonly HistoryPoint[], point: HistoryPoint, max = MAX_HISTORY_POINTS): readonly HistoryPoint[] {
  const last = points[points.length - 1];
  if (last && point.time <= last.time) return points;
  const next = points.length >= max ? points.slice(points.length - max + 1) : points.slice();
  next.push(point);
  return next;
}

/**
 * Main's kept samples joined with the points this view gathered: each time once, oldest first. Main's
 * samples start when the charts first asked, the view's own may go back further (it was selected before)
 * or run newer (ticks that arrived while the answer was on its way); both are kept.
 */
export function mergeKept(kept: readonly ProcessChartSampleValue[], own: readonly HistoryPoint[], max = MAX_HISTORY_POINTS): readonly HistoryPoint[] {
  const byTime = new Map<number, HistoryPoint>();
  for (const p of own) byTime.set(p.time, p);
  for (const s of kept) byTime.set(s.time, { time: s.time, cpuPercent: s.cpuPercent, workingSetBytes: s.workingSetBytes, privateBytes: s.privateBytes });
  const merged = [...byTime.values()].sort((a, b) => a.time - b.time);
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}
