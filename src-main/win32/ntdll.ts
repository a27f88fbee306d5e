/**
 * ntdll.dll bindings: the native API for what kernel32 only offers in a lossy form (per-processor
 * times, the true Windows version). Wine's wine_get_version export is found through GetProcAddress
 * (system.ts), because koffi throws for a missing export and on Windows it is always missing.
 */
import { lazyBindings } from './libraries';
import { RTL_OSVERSIONINFOW } from './structs';
import { HANDLE, NTSTATUS, PVOID, ULONG, stdcall } from './types';
import type { Pointer } from './types';
import koffi from 'koffi';

/** RTL_OSVERSIONINFOW as koffi copies it in and out (dwOSVersionInfoSize must be set going in). */
export interface RtlOsVersionInfo {
  dwOSVersionInfoSize: number;
  dwMajorVersion?: number;
  dwMinorVersion?: number;
  dwBuildNumber?: number;
  dwPlatformId?: number;
  szCSDVersion?: string;
}

/** The ntdll functions we call, bound on first use. */
export const ntdll = lazyBindings('ntdll.dll', (lib) => ({
  /**
   * "NtQuerySystemInformation function (winternl.h)". Returns an NTSTATUS, not a BOOL, and does not
   * set the last error: failures go through RtlNtStatusToDosError. MSDN warns the classes may change;
   * SystemProcessorPerformanceInformation (8) has been stable since NT 4. It covers the calling
   * thread's processor group only (at most 64 processors).
   */
  NtQuerySystemInformation: stdcall<(infoClass: number, buffer: Buffer, length: number, returnLength: [number]) => number>(
    lib,
    'NtQuerySystemInformation',
    NTSTATUS,
    [koffi.types.int32, PVOID, ULONG, koffi.out(koffi.pointer(ULONG))],
  ),

  /**
   * "NtQueryInformationProcess function (winternl.h)". ProcessBasicInformation (0) gives the PEB
   * address; ProcessCommandLineInformation (60, Windows 8.1+) the command line as a UNICODE_STRING
   * followed by its text, STATUS_INFO_LENGTH_MISMATCH with the size needed when the buffer is too
   * small. Wine 8 answers STATUS_INVALID_INFO_CLASS for 60.
   */
  NtQueryInformationProcess: stdcall<(process: Pointer, infoClass: number, buffer: Buffer, length: number, returnLength: [number]) => number>(
    lib,
    'NtQueryInformationProcess',
    NTSTATUS,
    [HANDLE, koffi.types.int32, PVOID, ULONG, koffi.out(koffi.pointer(ULONG))],
  ),

  /**
   * NtSuspendProcess / NtResumeProcess (undocumented; phnt ntpsapi.h): suspend or resume every thread
   * of the process, counted per thread, so two suspends need two resumes. Need PROCESS_SUSPEND_RESUME.
   */
  NtSuspendProcess: stdcall<(process: Pointer) => number>(lib, 'NtSuspendProcess', NTSTATUS, [HANDLE]),
  NtResumeProcess: stdcall<(process: Pointer) => number>(lib, 'NtResumeProcess', NTSTATUS, [HANDLE]),

  /** "RtlNtStatusToDosError function (winternl.h)": the Win32 error whose FormatMessage text describes a status. */
  RtlNtStatusToDosError: stdcall<(status: number) => number>(lib, 'RtlNtStatusToDosError', ULONG, [NTSTATUS]),

  /**
   * "RtlGetVersion function (wdm.h)": the real version. GetVersionExW lies to processes without a
   * compatibility manifest (Windows 8.1+ reports 6.2). Always returns STATUS_SUCCESS.
   */
  RtlGetVersion: stdcall<(info: RtlOsVersionInfo) => number>(lib, 'RtlGetVersion', NTSTATUS, [
    koffi.inout(koffi.pointer(RTL_OSVERSIONINFOW)),
  ]),
}));

/** SYSTEM_INFORMATION_CLASS.SystemProcessorPerformanceInformation (winternl.h). */
export const SystemProcessorPerformanceInformation = 8;
/** SYSTEM_INFORMATION_CLASS.SystemProcessInformation (winternl.h): every process and its threads. */
export const SystemProcessInformation = 5;
/** PROCESSINFOCLASS values (winternl.h; 29 and 60 from phnt ntpsapi.h). */
export const ProcessBasicInformation = 0;
/** A ULONG: nonzero when the process is critical (RtlSetProcessIsCritical): ending it stops Windows. */
export const ProcessBreakOnTermination = 29;
export const ProcessCommandLineInformation = 60;
/** STATUS_INVALID_INFO_CLASS: this Windows (or Wine) does not know the class. */
export const STATUS_INVALID_INFO_CLASS = 0xc0000003 | 0;
/** STATUS_INFO_LENGTH_MISMATCH: the buffer is too small; ReturnLength says how big it must be. */
export const STATUS_INFO_LENGTH_MISMATCH = 0xc0000004 | 0;
/** STATUS_BUFFER_OVERFLOW: a warning, not a success (NT_SUCCESS is false): the data did not all fit. */
export const STATUS_BUFFER_OVERFLOW = 0x80000005 | 0;
/** STATUS_BUFFER_TOO_SMALL: some classes and Windows versions answer this instead of STATUS_INFO_LENGTH_MISMATCH. */
export const STATUS_BUFFER_TOO_SMALL = 0xc0000023 | 0;
