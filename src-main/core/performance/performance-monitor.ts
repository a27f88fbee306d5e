import type { PerformanceSampleValue } from '../../../src-preload/contract/schemas';
import type { CpuTimes, SystemProbe } from '../system/system-probe';
import { cpuBusyPercent, perCoreBusyPercent } from './cpu-usage';
import { SampleHistory } from './sample-history';

/** Ten minutes of history, as the Performance view shows. */
export const HISTORY_MS = 10 * 60 * 1000;
export const HISTORY_MAX_SAMPLES = 1200;

/**
 * Turns cumulative system counters into Performance samples: three Win32 calls per tick
 * (GetSystemTimes, one NtQuerySystemInformation for every core, GlobalMemoryStatusEx), nothing spawned.
 */
export class PerformanceMonitor {
  private previousTotal: CpuTimes | undefined;
  private previousCores: CpuTimes[] | undefined;
  private perCoreAvailable = true;
  private readonly history = new SampleHistory<PerformanceSampleValue>(HISTORY_MS, HISTORY_MAX_SAMPLES);

  constructor(
    private readonly probe: SystemProbe,
    private readonly onPerCoreError: (err: unknown) => void = () => {},
  ) {}

  /** Reads the counters once and records the sample. */
  sample(now: number = Date.now()): PerformanceSampleValue {
    const total = this.probe.getSystemTimes();
    const cores = this.readCores();
    const memory = this.probe.getMemoryStatus();
    const sample: PerformanceSampleValue = {
      time: now,
      cpuPercent: cpuBusyPercent(this.previousTotal, total),
      cpuPerCore: cores ? perCoreBusyPercent(this.previousCores, cores) : [],
      memory: { ...memory },
    };
    this.previousTotal = total;
    this.previousCores = cores;
    this.history.add(sample);
    return sample;
  }

  /** Samples recorded so far, oldest first. */
  samples(): PerformanceSampleValue[] {
    return this.history.toArray();
  }

  // Per-core figures are a bonus: if the query fails once (an unusual kernel), log it and stop asking,
  // rather than failing the whole tick every second.
  private readCores(): CpuTimes[] | undefined {
    if (!this.perCoreAvailable) return undefined;
    try {
      return this.probe.getProcessorTimes();
    } catch (err) {
      this.perCoreAvailable = false;
      this.onPerCoreError(err);
      return undefined;
    }
  }
}
