/**
 * How numbers read in the console. Memory uses binary units labelled KB/MB/GB, as Task Manager and
 * Resource Monitor do, so our figures match what an admin sees in Windows' own tools.
 */

/** Shown wherever a value does not exist yet (the first CPU sample, a missing reading): never a fake 0. */
export const NO_VALUE = '—';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** "12.3%" with one decimal; "—" for null (no reading yet) or a non-finite number. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return `${value.toFixed(1)}%`;
}

/** "5.2 GB", "812 MB", "0 bytes": three significant figures at most, binary units. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return NO_VALUE;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} bytes`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** Bytes as GB (binary) for chart axes and series. */
export function bytesToGigabytes(bytes: number): number {
  return bytes / 1024 ** 3;
}

/** "part of whole" as a percent, null when the whole is zero (nothing to divide by). */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local wall-clock time "14:03:09", 24-hour, as chart ticks and "last sample" show it. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** A refresh interval as the select shows it: "0.5 s", "1 s", "10 s". */
export function formatInterval(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** A span of time in words: "45 s", "2 min 5 s", "10 min". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** CPU time as Task Manager's Details tab shows it: "0:01:23" (hours:minutes:seconds), "—" when unknown. */
export function formatCpuTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return NO_VALUE;
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  return `${hours}:${pad2(Math.floor(totalSeconds / 60) % 60)}:${pad2(totalSeconds % 60)}`;
}

/** Local date and time "2024-05-01 14:03:09"; "—" for 0 (the Idle and System processes have no start time). */
export function formatDateTime(epochMs: number): string {
  if (!Number.isFinite(epochMs) || epochMs <= 0) return NO_VALUE;
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${formatClock(epochMs)}`;
}

/** A throughput: "812 KB/s", "1.25 MB/s", "0 bytes/s"; "—" when unknown. */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  const bytes = formatBytes(bytesPerSecond);
  return bytes === NO_VALUE ? NO_VALUE : `${bytes}/s`;
}

/** Time since boot as Task Manager's "Up time" reads it: days:hours:minutes:seconds, "3:04:05:06". */
export function formatUptime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return NO_VALUE;
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  return `${days}:${pad2(Math.floor(totalSeconds / 3600) % 24)}:${pad2(Math.floor(totalSeconds / 60) % 60)}:${pad2(totalSeconds % 60)}`;
}

/** A count with thousands separators as Windows shows it: "1,234". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return Math.round(value).toLocaleString('en-US');
}
