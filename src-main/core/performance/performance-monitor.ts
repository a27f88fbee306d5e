import type { PerformanceSampleValue } from '../../../src-preload/contract/schemas';
import type { UnreportablePerformanceField } from '../../../src-preload/contract/performance-fields';
import { MAX_REASON_LENGTH, notReportedBy, type UnknownReasons } from '../../../src-preload/contract/unknown';
import type { CpuTimes, SystemProbe } from '../system/system-probe';
import { bytesPerSecond, type DeviceCounters } from './byte-rates';
import { cpuBusyPercent, perCoreBusyPercent } from './cpu-usage';
import { SampleHistory } from './sample-history';

/** Ten minutes of history, as the Performance view shows. */
export const HISTORY_MS = 10 * 60 * 1000;
export const HISTORY_MAX_SAMPLES = 1200;

/** Process, thread and handle totals of one process snapshot (the process table's, same tick). */
export interface SnapshotTotals {
  processes: number;
  threads: number;
  handles: number;
}

/** Monotonic milliseconds: rates are taken over the real interval, whatever the wall clock does. */
export type MillisecondClock = () => number;

/**
 * Turns cumulative system counters into Performance samples, nothing spawned. Win32 calls per tick:
 * GetSystemTimes, one NtQuerySystemInformation for every core, GlobalMemoryStatusEx, GetTickCount64,
 * GetIfTable2 (+ FreeMibTable), and one DeviceIoControl per physical disk (none once the disks have
 * failed to answer, as under Wine). Process, thread and handle totals come from the process table's
 * snapshot of the same tick, not from a second one.
 */
export class PerformanceMonitor {
  private previousTotal: CpuTimes | undefined;
  private previousCores: CpuTimes[] | undefined;
  private perCoreAvailable = true;
  private previousNetwork: { counters: DeviceCounters; at: number } | undefined;
  private previousDisks: { counters: DeviceCounters; at: number } | undefined;
  /** Why network / disk figures are not read any more (set on their first failure; they are not asked again). */
  private networkUnreported: string | undefined;
  private diskUnreported: string | undefined;
  private reasons: UnknownReasons<UnreportablePerformanceField> = {};
  private readonly history = new SampleHistory<PerformanceSampleValue>(HISTORY_MS, HISTORY_MAX_SAMPLES);

  constructor(
    private readonly probe: SystemProbe,
    private readonly onPerCoreError: (err: unknown) => void = () => {},
    private readonly platform: { underWine: boolean } = { underWine: false },
    private readonly clock: MillisecondClock = () => performance.now(),
  ) {}

  /** Reads the counters once and records the sample; `totals` are the process table's for this tick. */
  sample(now: number = Date.now(), totals?: SnapshotTotals): PerformanceSampleValue {
    const total = this.probe.getSystemTimes();
    const cores = this.readCores();
    const memory = this.probe.getMemoryStatus();
    const uptimeMs = Math.max(0, Math.floor(this.probe.getUptimeMs()));
    const at = this.clock();
    const network = this.readNetwork(at);
    const disk = this.readDisks(at);
    const reasons = this.currentReasons();
    const sample: PerformanceSampleValue = {
      time: now,
      cpuPercent: cpuBusyPercent(this.previousTotal, total),
      cpuPerCore: cores ? perCoreBusyPercent(this.previousCores, cores) : [],
      memory: { ...memory },
      uptimeMs,
      processCount: totals?.processes ?? null,
      threadCount: totals?.threads ?? null,
      handleCount: totals && reasons.handleCount === undefined ? totals.handles : null,
      diskReadBytesPerSec: disk?.[0] ?? null,
      diskWriteBytesPerSec: disk?.[1] ?? null,
      networkReceivedBytesPerSec: network?.[0] ?? null,
      networkSentBytesPerSec: network?.[1] ?? null,
      unreported: reasons,
    };
    this.previousTotal = total;
    this.previousCores = cores;
    this.history.add(sample);
    return sample;
  }

  /**
   * Samples recorded so far, oldest first; only the newest keeps its `unreported` reasons (the view reads
   * them from the newest sample, and the same map on 1,200 samples would be most of the answer).
   */
  samples(): PerformanceSampleValue[] {
    const all = this.history.toArray();
    return all.map((s, i) => {
      if (i === all.length - 1) return s;
      const { unreported: _dropped, ...rest } = s;
      return rest;
    });
  }

  /** The same map object while nothing changes, so history samples share it rather than each holding a copy. */
  private currentReasons(): UnknownReasons<UnreportablePerformanceField> {
    const next: UnknownReasons<UnreportablePerformanceField> = {};
    // Wine 8 fills each process's HandleCount with its handle table's capacity, not a count (see the README's Wine section).
    if (this.platform.underWine) next.handleCount = "Wine reports each process's handle-table capacity, not its handle count";
    if (this.diskUnreported) next.diskReadBytesPerSec = next.diskWriteBytesPerSec = this.diskUnreported;
    if (this.networkUnreported) next.networkReceivedBytesPerSec = next.networkSentBytesPerSec = this.networkUnreported;
    const same = Object.keys(next).length === Object.keys(this.reasons).length && Object.entries(next).every(([k, v]) => this.reasons[k as UnreportablePerformanceField] === v);
    if (!same) this.reasons = next;
    return this.reasons;
  }

  private readNetwork(at: number): [number, number] | null {
    if (this.networkUnreported) return null;
    try {
      const counters: DeviceCounters = new Map(this.probe.getInterfaceOctets().map((i) => [i.id, [i.receivedBytes, i.sentBytes] as const]));
      const rates = bytesPerSecond(this.previousNetwork?.counters, counters, at - (this.previousNetwork?.at ?? at));
      this.previousNetwork = { counters, at };
      return rates;
    } catch (err) {
      this.networkUnreported = this.failureReason('network counters', err);
      return null;
    }
  }

  private readDisks(at: number): [number, number] | null {
    if (this.diskUnreported) return null;
    try {
      const counters: DeviceCounters = new Map(this.probe.getDiskBytes().map((d) => [d.id, [d.readBytes, d.writtenBytes] as const]));
      const rates = bytesPerSecond(this.previousDisks?.counters, counters, at - (this.previousDisks?.at ?? at));
      this.previousDisks = { counters, at };
      return rates;
    } catch (err) {
      this.diskUnreported = this.failureReason('disk counters', err);
      return null;
    }
  }

  // A counter source that fails once (Wine's ERROR_NOT_SUPPORTED for disks, no rights) fails every tick:
  // the figure is shown as unknown with the failure as its reason and the call is not made again.
  private failureReason(what: string, err: unknown): string {
    const detail = err instanceof Error ? err.message : String(err);
    return `${notReportedBy(what, this.platform.underWine)}: ${detail}`.slice(0, MAX_REASON_LENGTH);
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
