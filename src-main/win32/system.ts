/**
 * The machine as the Performance view and the About box see it: CPU times (total and per logical
 * processor), memory, and who this machine is. Exposed to the core as `win32SystemProbe`.
 */
import koffi from 'koffi';
import type { FileTime, GroupAffinity, MemoryStatusEx } from './kernel32';
import { ALL_PROCESSOR_GROUPS, ComputerNameDnsHostname, kernel32 } from './kernel32';
import type { RtlOsVersionInfo } from './ntdll';
import { STATUS_INFO_LENGTH_MISMATCH, SystemProcessorPerformanceInformation, ntdll } from './ntdll';
import { MEMORYSTATUSEX, RTL_OSVERSIONINFOW, SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION } from './structs';
import { PhysicalDiskCounters, getInterfaceOctets, getUptimeMs } from './throughput';
import { Win32Error, ntSuccess } from './win32-error';
import type { CpuTimes, MemoryStatus, SystemIdentity, SystemProbe } from '../core/system/system-probe';

// The shapes are the core's (the probe it consumes); the Win32 layer fills them.
export type { CpuTimes, DiskBytes, InterfaceOctets, MemoryStatus, SystemIdentity, SystemProbe } from '../core/system/system-probe';

function fileTimeTo100ns(t: FileTime): bigint {
  return (BigInt(t.dwHighDateTime >>> 0) << 32n) | BigInt(t.dwLowDateTime >>> 0);
}

/** System-wide CPU times (GetSystemTimes), summed over all processors. */
export function getSystemTimes(): CpuTimes {
  const idle = {} as FileTime;
  const kernel = {} as FileTime;
  const user = {} as FileTime;
  if (!kernel32().GetSystemTimes(idle, kernel, user)) throw Win32Error.fromLastError('GetSystemTimes');
  return { idle: fileTimeTo100ns(idle), kernel: fileTimeTo100ns(kernel), user: fileTimeTo100ns(user) };
}

const PROCESSOR_ENTRY_SIZE = koffi.sizeof(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION);
const IDLE_OFFSET = koffi.offsetof(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, 'IdleTime');
const KERNEL_OFFSET = koffi.offsetof(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, 'KernelTime');
const USER_OFFSET = koffi.offsetof(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, 'UserTime');

/** Reused between ticks so a refresh is one call and no allocation; grown only on a length mismatch. */
let processorBuffer: Buffer | undefined;

/** The processor group the calling thread runs in (GetThreadGroupAffinity) and its active processor count. */
export function currentProcessorGroup(): { group: number; activeProcessors: number } {
  const k32 = kernel32();
  const affinity = {} as GroupAffinity;
  if (!k32.GetThreadGroupAffinity(k32.GetCurrentThread(), affinity)) throw Win32Error.fromLastError('GetThreadGroupAffinity');
  const activeProcessors = k32.GetActiveProcessorCount(affinity.Group);
  if (activeProcessors === 0) throw Win32Error.fromLastError('GetActiveProcessorCount');
  return { group: affinity.Group, activeProcessors };
}

/**
 * CPU times per logical processor of the calling thread's processor group only, from one
 * NtQuerySystemInformation(SystemProcessorPerformanceInformation) call: as many entries as
 * currentProcessorGroup().activeProcessors. Windows puts at most 64 processors in a group and may
 * split them unevenly (2 x 48 for 96), so on a machine with several groups this is fewer than
 * SystemIdentity.logicalProcessors, and which group it is depends on where the thread was scheduled.
 */
export function getProcessorTimes(): CpuTimes[] {
  const nt = ntdll();
  processorBuffer ??= Buffer.alloc(PROCESSOR_ENTRY_SIZE * currentProcessorGroup().activeProcessors);
  const returned: [number] = [0];
  let status = nt.NtQuerySystemInformation(SystemProcessorPerformanceInformation, processorBuffer, processorBuffer.length, returned);
  if (status === STATUS_INFO_LENGTH_MISMATCH && returned[0] > processorBuffer.length) {
    processorBuffer = Buffer.alloc(returned[0]);
    status = nt.NtQuerySystemInformation(SystemProcessorPerformanceInformation, processorBuffer, processorBuffer.length, returned);
  }
  if (!ntSuccess(status)) throw Win32Error.fromNtStatus('NtQuerySystemInformation', status);
  const count = Math.floor(returned[0] / PROCESSOR_ENTRY_SIZE);
  const times: CpuTimes[] = new Array<CpuTimes>(count);
  for (let i = 0; i < count; i++) {
    const base = i * PROCESSOR_ENTRY_SIZE;
    times[i] = {
      idle: processorBuffer.readBigInt64LE(base + IDLE_OFFSET),
      kernel: processorBuffer.readBigInt64LE(base + KERNEL_OFFSET),
      user: processorBuffer.readBigInt64LE(base + USER_OFFSET),
    };
  }
  return times;
}

function globalMemoryStatus(): Required<MemoryStatusEx> {
  const status: MemoryStatusEx = { dwLength: koffi.sizeof(MEMORYSTATUSEX) };
  if (!kernel32().GlobalMemoryStatusEx(status)) throw Win32Error.fromLastError('GlobalMemoryStatusEx');
  return status as Required<MemoryStatusEx>;
}

/** Physical memory and commit charge (GlobalMemoryStatusEx). */
export function getMemoryStatus(): MemoryStatus {
  const s = globalMemoryStatus();
  const commitLimit = Number(s.ullTotalPageFile);
  return {
    loadPercent: s.dwMemoryLoad,
    totalPhysicalBytes: Number(s.ullTotalPhys),
    availablePhysicalBytes: Number(s.ullAvailPhys),
    committedBytes: commitLimit - Number(s.ullAvailPageFile),
    commitLimitBytes: commitLimit,
  };
}

const ERROR_MORE_DATA = 234;

function computerName(): string {
  const k32 = kernel32();
  // DNS host names are at most 63 characters; retry once with the size the call asks for.
  let capacity = 64;
  for (let attempt = 0; attempt < 2; attempt++) {
    const buffer = Buffer.alloc(capacity * 2);
    const size: [number] = [capacity];
    if (k32.GetComputerNameExW(ComputerNameDnsHostname, buffer, size)) return buffer.toString('utf16le', 0, size[0] * 2);
    const error = k32.GetLastError();
    if (error !== ERROR_MORE_DATA) throw Win32Error.fromCode('GetComputerNameExW', error);
    capacity = size[0];
  }
  throw Win32Error.fromCode('GetComputerNameExW', ERROR_MORE_DATA);
}

function windowsVersion(): SystemIdentity['windowsVersion'] {
  const info: RtlOsVersionInfo = { dwOSVersionInfoSize: koffi.sizeof(RTL_OSVERSIONINFOW) };
  const status = ntdll().RtlGetVersion(info);
  if (!ntSuccess(status)) throw Win32Error.fromNtStatus('RtlGetVersion', status);
  return { major: info.dwMajorVersion ?? 0, minor: info.dwMinorVersion ?? 0, build: info.dwBuildNumber ?? 0 };
}

let wine: string | null | undefined;

/**
 * Wine's version, or null on Windows: ntdll's wine_get_version export, found through GetProcAddress
 * (NULL for a missing export). Cached. Safe to base decisions on: ntdll is mapped by the kernel from
 * System32 before any code runs, so nobody can add that export on Windows.
 */
export function wineVersion(): string | null {
  if (wine !== undefined) return wine;
  const k32 = kernel32();
  const address = k32.GetProcAddress(k32.GetModuleHandleW('ntdll.dll'), 'wine_get_version');
  const version: unknown = address ? koffi.call(address, koffi.proto(koffi.types.str, [])) : null;
  return (wine = typeof version === 'string' ? version : null);
}

function logicalProcessorCount(): number {
  const count = kernel32().GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
  if (count === 0) throw Win32Error.fromLastError('GetActiveProcessorCount');
  return count;
}

let identity: SystemIdentity | undefined;

/** Who this machine is. Read once: none of it changes while the console runs. */
export function getSystemIdentity(): SystemIdentity {
  identity ??= {
    computerName: computerName(),
    windowsVersion: windowsVersion(),
    logicalProcessors: logicalProcessorCount(),
    totalPhysicalBytes: Number(globalMemoryStatus().ullTotalPhys),
    wineVersion: wineVersion(),
  };
  return { ...identity, windowsVersion: { ...identity.windowsVersion } };
}

const physicalDisks = new PhysicalDiskCounters();

/** The system probe the core consumes (its SystemProbe interface), backed by Win32. */
export const win32SystemProbe: SystemProbe = {
  getSystemTimes,
  getProcessorTimes,
  getMemoryStatus,
  getSystemIdentity,
  getUptimeMs,
  getInterfaceOctets,
  getDiskBytes: () => physicalDisks.read(),
};
