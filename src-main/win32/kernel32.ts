/**
 * kernel32.dll bindings. Each entry names the MSDN page it follows; Wine deviations are noted where
 * they matter to us. Raw bindings only: callers check results and raise Win32Error.
 */
import koffi from 'koffi';
import { lazyBindings } from './libraries';
import { FILETIME, MEMORYSTATUSEX, PERFORMANCE_INFORMATION, SECURITY_ATTRIBUTES } from './structs';
import { BOOL, DWORD, HANDLE, LPCWSTR, PVOID, WORD, stdcall } from './types';
import type { Pointer } from './types';

/** A FILETIME as koffi copies it out. */
export interface FileTime {
  dwLowDateTime: number;
  dwHighDateTime: number;
}

/** MEMORYSTATUSEX as koffi copies it in and out (dwLength must be set going in). */
export interface MemoryStatusEx {
  dwLength: number;
  dwMemoryLoad?: number;
  ullTotalPhys?: number | bigint;
  ullAvailPhys?: number | bigint;
  ullTotalPageFile?: number | bigint;
  ullAvailPageFile?: number | bigint;
  ullTotalVirtual?: number | bigint;
  ullAvailVirtual?: number | bigint;
  ullAvailExtendedVirtual?: number | bigint;
}

/** PERFORMANCE_INFORMATION as koffi copies it out: sizes in pages of PageSize bytes. */
export interface PerformanceInformation {
  cb: number;
  CommitTotal: number;
  CommitLimit: number;
  CommitPeak: number;
  PhysicalTotal: number;
  PhysicalAvailable: number;
  SystemCache: number;
  KernelTotal: number;
  KernelPaged: number;
  KernelNonpaged: number;
  PageSize: number;
  HandleCount: number;
  ProcessCount: number;
  ThreadCount: number;
}

/** SECURITY_ATTRIBUTES going in. */
export interface SecurityAttributes {
  nLength: number;
  lpSecurityDescriptor: Pointer;
  bInheritHandle: number;
}

/** The kernel32 functions we call, bound on first use. */
export const kernel32 = lazyBindings('kernel32.dll', (lib) => ({
  /**
   * "GetLastError function (errhandlingapi.h)". koffi saves the thread's last-error value after each
   * call and restores it before the next, so reading it right after a failed call is reliable even
   * with JS in between; after a successful call it is stale (most APIs do not clear it).
   */
  GetLastError: stdcall<() => number>(lib, 'GetLastError', DWORD, []),

  /** "FormatMessageW function (winbase.h)", used FROM_SYSTEM | IGNORE_INSERTS into a caller buffer. */
  FormatMessageW: stdcall<
    (flags: number, source: Pointer, messageId: number, languageId: number, buffer: Buffer, size: number, args: Pointer) => number
  >(lib, 'FormatMessageW', DWORD, [DWORD, PVOID, DWORD, DWORD, PVOID, DWORD, PVOID]),

  /** "LocalFree function (winbase.h)": frees what Convert*SecurityDescriptor* and GetNamedSecurityInfoW allocate. Returns NULL on success. */
  LocalFree: stdcall<(mem: Pointer) => Pointer>(lib, 'LocalFree', PVOID, [PVOID]),

  /** "CloseHandle function (handleapi.h)". A bogus handle fails with ERROR_INVALID_HANDLE (6), also under Wine. */
  CloseHandle: stdcall<(handle: Pointer) => number>(lib, 'CloseHandle', BOOL, [HANDLE]),

  /** "OpenProcess function (processthreadsapi.h)". Returns NULL on failure. Wine has no access checks, so it never fails with 5 there. */
  OpenProcess: stdcall<(access: number, inherit: number, pid: number) => Pointer>(lib, 'OpenProcess', HANDLE, [DWORD, BOOL, DWORD]),

  /** "GetSystemTimes function (processthreadsapi.h)": kernel time includes idle time. */
  GetSystemTimes: stdcall<(idle: FileTime, kernel: FileTime, user: FileTime) => number>(lib, 'GetSystemTimes', BOOL, [
    koffi.out(koffi.pointer(FILETIME)),
    koffi.out(koffi.pointer(FILETIME)),
    koffi.out(koffi.pointer(FILETIME)),
  ]),

  /** "GlobalMemoryStatusEx function (sysinfoapi.h)": dwLength must be set in, hence _Inout_. */
  GlobalMemoryStatusEx: stdcall<(status: MemoryStatusEx) => number>(lib, 'GlobalMemoryStatusEx', BOOL, [
    koffi.inout(koffi.pointer(MEMORYSTATUSEX)),
  ]),

  /**
   * "GetPerformanceInfo function (psapi.h)", exported by kernel32 as K32GetPerformanceInfo since
   * Windows 7 (psapi.dll only forwards to it). Its commit figures cross-check GlobalMemoryStatusEx.
   */
  K32GetPerformanceInfo: stdcall<(info: PerformanceInformation, size: number) => number>(lib, 'K32GetPerformanceInfo', BOOL, [
    koffi.out(koffi.pointer(PERFORMANCE_INFORMATION)),
    DWORD,
  ]),

  /**
   * "GetComputerNameExW function (sysinfoapi.h)". size is in WCHARs: in, the buffer's capacity; out,
   * the length without the terminator, or the needed size (with it) when it fails with ERROR_MORE_DATA.
   */
  GetComputerNameExW: stdcall<(format: number, buffer: Buffer, size: [number]) => number>(lib, 'GetComputerNameExW', BOOL, [
    koffi.types.int32,
    PVOID,
    koffi.inout(koffi.pointer(DWORD)),
  ]),

  /** "GetModuleHandleW function (libloaderapi.h)": ntdll is mapped into every process, so this cannot miss it. */
  GetModuleHandleW: stdcall<(name: string) => Pointer>(lib, 'GetModuleHandleW', HANDLE, [LPCWSTR]),

  /** "GetProcAddress function (libloaderapi.h)": NULL (not an exception, unlike koffi's lookup) when the export is absent. The name is ANSI. */
  GetProcAddress: stdcall<(module: Pointer, name: string) => Pointer>(lib, 'GetProcAddress', PVOID, [HANDLE, koffi.types.str]),

  /** "GetActiveProcessorCount function (winbase.h)": with ALL_PROCESSOR_GROUPS, every group's processors. */
  GetActiveProcessorCount: stdcall<(group: number) => number>(lib, 'GetActiveProcessorCount', DWORD, [WORD]),

  /** "CreateDirectoryW function (fileapi.h)": the descriptor in SECURITY_ATTRIBUTES applies from the first instant. */
  CreateDirectoryW: stdcall<(path: string, attributes: SecurityAttributes | null) => number>(lib, 'CreateDirectoryW', BOOL, [
    LPCWSTR,
    koffi.pointer(SECURITY_ATTRIBUTES),
  ]),

  /** "GetFileAttributesW function (fileapi.h)": INVALID_FILE_ATTRIBUTES (0xFFFFFFFF) on failure. */
  GetFileAttributesW: stdcall<(path: string) => number>(lib, 'GetFileAttributesW', DWORD, [LPCWSTR]),
}));

/** ALL_PROCESSOR_GROUPS (winnt.h) for GetActiveProcessorCount. */
export const ALL_PROCESSOR_GROUPS = 0xffff;
/** COMPUTER_NAME_FORMAT.ComputerNameDnsHostname: the host name, not cut to NetBIOS's 15 characters. */
export const ComputerNameDnsHostname = 1;
/** PROCESS_QUERY_LIMITED_INFORMATION (winnt.h). */
export const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
/** PROCESS_TERMINATE (winnt.h). */
export const PROCESS_TERMINATE = 0x0001;
/** INVALID_FILE_ATTRIBUTES (fileapi.h). */
export const INVALID_FILE_ATTRIBUTES = 0xffff_ffff;
/** FILE_ATTRIBUTE_DIRECTORY and FILE_ATTRIBUTE_REPARSE_POINT (winnt.h). */
export const FILE_ATTRIBUTE_DIRECTORY = 0x10;
export const FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
