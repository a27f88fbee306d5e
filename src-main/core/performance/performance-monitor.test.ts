import { describe, expect, it } from 'vitest';
import type { CpuTimes, DiskBytes, InterfaceOctets, SystemProbe } from '../system/system-probe';
import { PerformanceMonitor } from './performance-monitor';
import { PerformanceSample } from '../../../src-preload/contract/schemas';

interface Extra {
  uptimeMs?: number;
  network?: () => InterfaceOctets[];
  disks?: () => DiskBytes[];
}

function probeDouble(readings: { total: CpuTimes; cores: CpuTimes[] }[], coresFail = false, extra: Extra = {}): SystemProbe & { calls: number; diskCalls: number } {
  let i = 0;
  const probe = {
    calls: 0,
    diskCalls: 0,
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
    getUptimeMs() {
      return extra.uptimeMs ?? 5_000;
    },
    getInterfaceOctets() {
      return extra.network ? extra.network() : [];
    },
    getDiskBytes() {
      probe.diskCalls++;
      return extra.disks ? extra.disks() : [];
    },
  };
  return probe;
}
const t = (idle: number, kernel: number, user: number): CpuTimes => ({ idle: BigInt(idle), kernel: BigInt(kernel), user: BigInt(user) });

describe('PerformanceMonitor', () => {
  it('samples with three CPU and memory calls per tick and no CPU % on the first', () => {
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

  it('turns network and disk counters into bytes per second over the monotonic interval, with uptime and the snapshot totals', () => {
    let tick = 0;
    const network = () => [{ id: 'eth0', receivedBytes: BigInt(tick * 3000), sentBytes: BigInt(tick * 1000) }];
    const disks = () => [
      { id: 'PhysicalDrive0', readBytes: BigInt(tick * 8192), writtenBytes: 0n },
      { id: 'PhysicalDrive1', readBytes: 0n, writtenBytes: BigInt(tick * 4096) },
    ];
    let monotonic = 0;
    const monitor = new PerformanceMonitor(probeDouble([{ total: t(0, 0, 0), cores: [] }], false, { uptimeMs: 123_456.7, network, disks }), undefined, { underWine: false }, () => monotonic);
    const first = monitor.sample(1000, { processes: 3, threads: 30, handles: 300 });
    expect(first.networkReceivedBytesPerSec).toBeNull();
    expect(first.diskReadBytesPerSec).toBeNull();
    expect(first.uptimeMs).toBe(123_456);
    expect([first.processCount, first.threadCount, first.handleCount]).toEqual([3, 30, 300]);
    expect(first.unreported).toEqual({});
    tick = 2;
    monotonic = 2000; // the wall clock says 1 s, the real interval was 2 s
    const second = monitor.sample(2000, { processes: 4, threads: 31, handles: 310 });
    expect([second.networkReceivedBytesPerSec, second.networkSentBytesPerSec]).toEqual([3000, 1000]);
    expect([second.diskReadBytesPerSec, second.diskWriteBytesPerSec]).toEqual([8192, 4096]);
    expect(PerformanceSample.safeParse(second).success).toBe(true);
  });

  it('has no totals before the process table has a snapshot', () => {
    const s = new PerformanceMonitor(probeDouble([{ total: t(0, 0, 0), cores: [] }])).sample(1);
    expect([s.processCount, s.threadCount, s.handleCount]).toEqual([null, null, null]);
  });

  it('shows disk figures as unknown with the failure as the reason, and stops asking', () => {
    const probe = probeDouble([{ total: t(0, 0, 0), cores: [] }], false, {
      disks: () => {
        throw new Error('DeviceIoControl(IOCTL_DISK_PERFORMANCE) failed: error 50');
      },
    });
    const monitor = new PerformanceMonitor(probe, undefined, { underWine: true });
    monitor.sample(1);
    const s = monitor.sample(2);
    expect(s.diskReadBytesPerSec).toBeNull();
    expect(s.unreported?.diskReadBytesPerSec).toBe('Wine does not report disk counters: DeviceIoControl(IOCTL_DISK_PERFORMANCE) failed: error 50');
    expect(s.unreported?.diskWriteBytesPerSec).toBe(s.unreported?.diskReadBytesPerSec);
    expect(s.unreported?.networkReceivedBytesPerSec).toBeUndefined();
    expect(probe.diskCalls).toBe(1);
    expect(PerformanceSample.safeParse(s).success).toBe(true);
  });

  it("under Wine, shows the handle total as unknown (Wine's figure is a capacity) but keeps processes and threads", () => {
    const s = new PerformanceMonitor(probeDouble([{ total: t(0, 0, 0), cores: [] }]), undefined, { underWine: true }).sample(1, { processes: 8, threads: 40, handles: 4096 });
    expect([s.processCount, s.threadCount, s.handleCount]).toEqual([8, 40, null]);
    expect(s.unreported?.handleCount).toMatch(/^Wine reports .*capacity/);
  });

  it('keeps the reasons only on the newest sample of the history answer', () => {
    const probe = probeDouble([{ total: t(0, 0, 0), cores: [] }], false, {
      disks: () => {
        throw new Error('no disks');
      },
    });
    const monitor = new PerformanceMonitor(probe);
    monitor.sample(1);
    monitor.sample(2);
    monitor.sample(3);
    const history = monitor.samples();
    expect(history.map((s) => s.unreported !== undefined)).toEqual([false, false, true]);
    expect(history[2]?.unreported?.diskReadBytesPerSec).toBe('This system does not report disk counters: no disks');
  });
});
