/**
 * Every struct the Win32 layer binds, with field names exactly as mingw-w64's headers spell them, so
 * the layout test (struct-layout.win32.test.ts) can compare each size, alignment and field offset with
 * native/layout-probe.c. Add a struct here and to the probe together, or that test fails.
 */
import koffi from 'koffi';
import type { TypeObject } from 'koffi';
import { BOOL, DWORD, LONGLONG, PVOID, SIZE_T, ULONG, WCHAR } from './types';

/** FILETIME (minwinbase.h): 100-ns units split in two DWORDs, so it is only 4-byte aligned. */
export const FILETIME = koffi.struct({
  dwLowDateTime: DWORD,
  dwHighDateTime: DWORD,
});

/** MEMORYSTATUSEX (sysinfoapi.h): dwLength must be set to the struct size before GlobalMemoryStatusEx. */
export const MEMORYSTATUSEX = koffi.struct({
  dwLength: DWORD,
  dwMemoryLoad: DWORD,
  ullTotalPhys: koffi.types.uint64,
  ullAvailPhys: koffi.types.uint64,
  ullTotalPageFile: koffi.types.uint64,
  ullAvailPageFile: koffi.types.uint64,
  ullTotalVirtual: koffi.types.uint64,
  ullAvailVirtual: koffi.types.uint64,
  ullAvailExtendedVirtual: koffi.types.uint64,
});

/**
 * SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION (winternl.h), one per logical processor from
 * NtQuerySystemInformation(SystemProcessorPerformanceInformation). mingw-w64 and the SDK call the
 * tail "Reserved": Reserved1 is DpcTime and InterruptTime, Reserved2 is InterruptCount (ntddk.h).
 * KernelTime includes IdleTime.
 */
export const SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION = koffi.struct({
  IdleTime: LONGLONG,
  KernelTime: LONGLONG,
  UserTime: LONGLONG,
  Reserved1: koffi.array(LONGLONG, 2),
  Reserved2: ULONG,
});

/** RTL_OSVERSIONINFOW (winnt.h, same layout as OSVERSIONINFOW) for RtlGetVersion. */
export const RTL_OSVERSIONINFOW = koffi.struct({
  dwOSVersionInfoSize: ULONG,
  dwMajorVersion: ULONG,
  dwMinorVersion: ULONG,
  dwBuildNumber: ULONG,
  dwPlatformId: ULONG,
  szCSDVersion: koffi.array(WCHAR, 128, 'String'),
});

/** SECURITY_ATTRIBUTES (minwinbase.h): how CreateDirectoryW receives the admin-only descriptor. */
export const SECURITY_ATTRIBUTES = koffi.struct({
  nLength: DWORD,
  lpSecurityDescriptor: PVOID,
  bInheritHandle: BOOL,
});

/**
 * PERFORMANCE_INFORMATION (psapi.h) for K32GetPerformanceInfo: commit figures in pages, an
 * independent reading of what GlobalMemoryStatusEx reports in bytes.
 */
export const PERFORMANCE_INFORMATION = koffi.struct({
  cb: DWORD,
  CommitTotal: SIZE_T,
  CommitLimit: SIZE_T,
  CommitPeak: SIZE_T,
  PhysicalTotal: SIZE_T,
  PhysicalAvailable: SIZE_T,
  SystemCache: SIZE_T,
  KernelTotal: SIZE_T,
  KernelPaged: SIZE_T,
  KernelNonpaged: SIZE_T,
  PageSize: SIZE_T,
  HandleCount: DWORD,
  ProcessCount: DWORD,
  ThreadCount: DWORD,
});

/** Every struct we bind, by its SDK name: the layout test checks each against the mingw-w64 headers. */
export const boundStructs: Readonly<Record<string, TypeObject>> = Object.freeze({
  FILETIME,
  MEMORYSTATUSEX,
  SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION,
  RTL_OSVERSIONINFOW,
  SECURITY_ATTRIBUTES,
  PERFORMANCE_INFORMATION,
});
