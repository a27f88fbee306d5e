import { describe, expect, it } from 'vitest';
import { bytesToGigabytes, formatBytes, formatClock, formatDuration, formatInterval, formatPercent, percentOf } from './format';

describe('formatPercent', () => {
  it('shows one decimal', () => {
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(12.345)).toBe('12.3%');
    expect(formatPercent(100)).toBe('100.0%');
  });

  it('shows "—" when there is no reading, never 0', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('uses binary units with at most three significant figures', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1.00 KB');
    expect(formatBytes(1536 * 1024)).toBe('1.50 MB');
    expect(formatBytes(16 * 1024 ** 3)).toBe('16.0 GB');
    expect(formatBytes(512 * 1024 ** 3)).toBe('512 GB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2.00 TB');
  });

  it('shows "—" for a missing or impossible value', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('small conversions', () => {
  it('converts bytes to GB and parts to percent', () => {
    expect(bytesToGigabytes(3 * 1024 ** 3)).toBe(3);
    expect(percentOf(1, 4)).toBe(25);
    expect(percentOf(1, 0)).toBeNull();
  });

  it('formats the clock as 24-hour local time', () => {
    expect(formatClock(new Date(2024, 0, 2, 9, 5, 7).getTime())).toBe('09:05:07');
    expect(formatClock(new Date(2024, 0, 2, 23, 59, 0).getTime())).toBe('23:59:00');
  });

  it('formats intervals and durations in words an admin reads', () => {
    expect(formatInterval(500)).toBe('0.5 s');
    expect(formatInterval(1000)).toBe('1 s');
    expect(formatInterval(10_000)).toBe('10 s');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(600_000)).toBe('10 min');
    expect(formatDuration(-5)).toBe('0 s');
  });
});

describe('process times', () => {
  it('shows CPU time as h:mm:ss and start times as local date and time', async () => {
    const { formatCpuTime, formatDateTime } = await import('./format');
    expect(formatCpuTime(0)).toBe('0:00:00');
    expect(formatCpuTime(3_723_999)).toBe('1:02:03');
    expect(formatCpuTime(null)).toBe('—');
    expect(formatDateTime(new Date(2024, 4, 1, 14, 3, 9).getTime())).toBe('2024-05-01 14:03:09');
    expect(formatDateTime(0)).toBe('—');
  });
});

describe('performance figures', () => {
  it('formats a throughput in binary units per second, unknown as the dash', async () => {
    const { formatRate } = await import('./format');
    expect(formatRate(0)).toBe('0 bytes/s');
    expect(formatRate(1536)).toBe('1.50 KB/s');
    expect(formatRate(5 * 1024 * 1024)).toBe('5.00 MB/s');
    expect(formatRate(null)).toBe('—');
  });

  it("formats uptime as Task Manager's days:hours:minutes:seconds", async () => {
    const { formatUptime } = await import('./format');
    expect(formatUptime(0)).toBe('0:00:00:00');
    expect(formatUptime(((3 * 24 + 4) * 3600 + 5 * 60 + 6) * 1000 + 999)).toBe('3:04:05:06');
    expect(formatUptime(null)).toBe('—');
  });

  it('formats counts with thousands separators', async () => {
    const { formatCount } = await import('./format');
    expect(formatCount(123_456)).toBe('123,456');
    expect(formatCount(null)).toBe('—');
  });
});
