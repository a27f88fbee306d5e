/**
 * The selected process's CPU and memory history for the details charts, accumulated from the ticks seen
 * while it is selected (main keeps no per-process history). Pure, so it is unit tested.
 */
import type { ProcessRowValue } from '../../src-preload/contract/schemas';

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
