import { describe, expect, it } from 'vitest';
import type { CpuTimes, SystemProbe } from '../system/system-probe';
import { PerformanceMonitor } from './performance-monitor';
import { PerformanceSample } from '../../../src-preload/contract/schemas';

function probeDouble(readings: { total: CpuTimes; cores: CpuTimes[] }[], coresFail = false): SystemProbe & { calls: number } {
  let i = 0;
  const probe = {
    calls: 0,
    getSystemTimes() {
      probe.calls++;
      return (readings[i] ?? readings[readings.length - 1])!.total;
    },
    getProcessorTimes() {
      probe.calls++;
      if (coresFail) throw new Error('NtQuerySystemInformation failed');
      return (readings[i] ?? readings[readings.length - 1])!.cores;
    },
    getMemoryStatus() {
      probe.calls++;
      i++; // the last call of a tick moves the double on to the next reading
      return { loadPercent: 40, totalPhysicalBytes: 8e9, availablePhysicalBytes: 4.8e9, committedBytes: 5e9, commitLimitBytes: 12e9 };
    },
    getSystemIdentity() {
      throw new Error('not used');
    },
  };
  return probe;
}
const t = (idle: number, kernel: number, user: number): CpuTimes => ({ idle: BigInt(idle), kernel: BigInt(kernel), user: BigInt(user) });

describe('PerformanceMonitor', () => {
  it('samples with three probe calls per tick and no CPU % on the first', () => {
    const probe = probeDouble([
      { total: t(0, 0, 0), cores: [t(0, 0, 0), t(0, 0, 0)] },
      { total: t(50, 60, 40), cores: [t(25, 30, 20), t(25, 30, 20)] },
    ]);
    const monitor = new PerformanceMonitor(probe);
    const first = monitor.sample(1000);
    expect(first.cpuPercent).toBeNull();
    expect(first.cpuPerCore).toEqual([]);
    expect(probe.calls).toBe(3);
    const second = monitor.sample(2000);
    expect(second.cpuPercent).toBe(50);
    expect(second.cpuPerCore).toEqual([50, 50]);
    expect(probe.calls).toBe(6);
    expect(PerformanceSample.safeParse(second).success).toBe(true);
    expect(monitor.samples().map((s) => s.time)).toEqual([1000, 2000]);
  });

  it('keeps the total when the per-core query fails, reports it once and stops asking', () => {
    const errors: unknown[] = [];
    const probe = probeDouble([{ total: t(0, 0, 0), cores: [] }, { total: t(10, 20, 20), cores: [] }], true);
    const monitor = new PerformanceMonitor(probe, (e) => errors.push(e));
    monitor.sample(1);
    const s = monitor.sample(2);
    expect(s.cpuPercent).toBe(75);
    expect(s.cpuPerCore).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});
