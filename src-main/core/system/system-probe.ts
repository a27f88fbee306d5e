/**
 * What the core needs from the machine for the Performance view. The Win32 layer implements it
 * (src-main/win32/system.ts `win32SystemProbe`); unit tests pass doubles.
 */

/** Cumulative CPU times in 100-ns units. `kernel` includes `idle` (GetSystemTimes, MSDN). */
export interface CpuTimes {
  idle: bigint;
  kernel: bigint;
  user: bigint;
}

export interface MemoryStatus {
  loadPercent: number;
  totalPhysicalBytes: number;
  availablePhysicalBytes: number;
  committedBytes: number;
  commitLimitBytes: number;
}

export interface SystemIdentity {
  computerName: string;
  windowsVersion: { major: number; minor: number; build: number };
  logicalProcessors: number;
  totalPhysicalBytes: number;
  wineVersion: string | null;
}

export interface SystemProbe {
  getSystemTimes(): CpuTimes;
  /** One entry per logical processor, from a single query. */
  getProcessorTimes(): CpuTimes[];
  getMemoryStatus(): MemoryStatus;
  getSystemIdentity(): SystemIdentity;
}
