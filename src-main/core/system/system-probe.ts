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

/** Physical memory and commit charge, in bytes (loadPercent is Windows' own 0-100 figure). */
export interface MemoryStatus {
  loadPercent: number;
  totalPhysicalBytes: number;
  availablePhysicalBytes: number;
  /** Commit charge: ullTotalPageFile - ullAvailPageFile (despite the names, these are the commit limit and what is left of it). */
  committedBytes: number;
  commitLimitBytes: number;
}

/** Which machine and which Windows this is. */
export interface SystemIdentity {
  computerName: string;
  windowsVersion: { major: number; minor: number; build: number };
  /** Every active logical processor, over all processor groups. */
  logicalProcessors: number;
  totalPhysicalBytes: number;
  /** Wine's version when running under Wine (ntdll exports wine_get_version), null on Windows. */
  wineVersion: string | null;
}

/** One network interface's cumulative byte counters (MIB_IF_ROW2 InOctets / OutOctets). */
export interface InterfaceOctets {
  /** Stable while the interface exists (its LUID): rates are taken per interface, so one appearing or going away is no jump. */
  id: string;
  receivedBytes: bigint;
  sentBytes: bigint;
}

/** One physical disk's cumulative byte counters (DISK_PERFORMANCE BytesRead / BytesWritten). */
export interface DiskBytes {
  id: string;
  readBytes: bigint;
  writtenBytes: bigint;
}

export interface SystemProbe {
  getSystemTimes(): CpuTimes;
  /** One entry per logical processor, from a single query. */
  getProcessorTimes(): CpuTimes[];
  getMemoryStatus(): MemoryStatus;
  getSystemIdentity(): SystemIdentity;
  /** Milliseconds since the system started. */
  getUptimeMs(): number;
  /** Every interface but loopback and filter interfaces (which would count an adapter's bytes twice). */
  getInterfaceOctets(): InterfaceOctets[];
  /** Every physical disk; throws (a Win32Error) when the disk counters cannot be read. */
  getDiskBytes(): DiskBytes[];
}
