/**
 * kernel32.dll bindings. Each entry names the MSDN page it follows; Wine deviations are noted where
 * they matter to us. Raw bindings only: callers check results and raise Win32Error.
 */
import koffi from 'koffi';
import { lazyBindings } from './libraries';
import {
  FILETIME,
  GROUP_AFFINITY,
  MEMORYSTATUSEX,
  MODULEENTRY32W,
  PERFORMANCE_INFORMATION,
  PROCESS_INFORMATION,
  SECURITY_ATTRIBUTES,
  STARTUPINFOEXW,
  WIN32_FIND_DATAW,
} from './structs';
import { BOOL, DWORD, HANDLE, LPCWSTR, PVOID, SIZE_T, UINT, VOID, WORD, stdcall } from './types';
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

/** MODULEENTRY32W as koffi copies it in and out (dwSize must be set going in). */
export interface ModuleEntry32W {
  dwSize: number;
  th32ProcessID?: number;
  modBaseAddr?: Pointer;
  modBaseSize?: number;
  szModule?: string;
  szExePath?: string;
}

/** STARTUPINFOW going in: cb set, the rest zero (koffi fills members left out with zeros). */
export interface StartupInfoW {
  cb: number;
  dwFlags?: number;
  wShowWindow?: number;
}

/** STARTUPINFOEXW going in: StartupInfo.cb = sizeof(STARTUPINFOEXW) with EXTENDED_STARTUPINFO_PRESENT. */
export interface StartupInfoExW {
  StartupInfo: StartupInfoW & { hStdInput?: Pointer; hStdOutput?: Pointer; hStdError?: Pointer };
  lpAttributeList: Pointer;
}

/** PROCESS_INFORMATION as CreateProcessW fills it. */
export interface ProcessInformation {
  hProcess: Pointer;
  hThread: Pointer;
  dwProcessId: number;
  dwThreadId: number;
}

/** WIN32_FIND_DATAW as koffi copies it out (the fields we read). */
export interface Win32FindDataW {
  dwFileAttributes: number;
  dwReserved0: number;
  cFileName: string;
}

/** GROUP_AFFINITY as koffi copies it out. */
export interface GroupAffinity {
  Mask: number | bigint;
  Group: number;
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

  /** "GetTickCount64 function (sysinfoapi.h)": milliseconds since the system started (Task Manager's Up time). */
  GetTickCount64: stdcall<() => number | bigint>(lib, 'GetTickCount64', koffi.types.uint64, []),

  /**
   * "DeviceIoControl function (ioapiset.h)", synchronous (no OVERLAPPED): here IOCTL_DISK_PERFORMANCE on a
   * \\.\PhysicalDriveN handle, whose answer is a DISK_PERFORMANCE.
   */
  DeviceIoControl: stdcall<
    (device: Pointer, code: number, input: Pointer, inputSize: number, output: Buffer, outputSize: number, returned: [number], overlapped: Pointer) => number
  >(lib, 'DeviceIoControl', BOOL, [HANDLE, DWORD, PVOID, DWORD, PVOID, DWORD, koffi.out(koffi.pointer(DWORD)), PVOID]),

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

  /** "GetActiveProcessorCount function (winbase.h)": with ALL_PROCESSOR_GROUPS, every group's processors; 0 on failure. */
  GetActiveProcessorCount: stdcall<(group: number) => number>(lib, 'GetActiveProcessorCount', DWORD, [WORD]),

  /** "GetCurrentThread function (processthreadsapi.h)": the pseudo handle (HANDLE)-2, which needs no closing. */
  GetCurrentThread: stdcall<() => Pointer>(lib, 'GetCurrentThread', HANDLE, []),

  /**
   * "GetThreadGroupAffinity function (processtopologyapi.h)": the processor group the thread runs in.
   * A thread runs in one group at a time, and NtQuerySystemInformation's per-processor classes answer
   * for the calling thread's group only.
   */
  GetThreadGroupAffinity: stdcall<(thread: Pointer, affinity: GroupAffinity) => number>(lib, 'GetThreadGroupAffinity', BOOL, [
    HANDLE,
    koffi.out(koffi.pointer(GROUP_AFFINITY)),
  ]),

  /**
   * "GetSystemDirectoryW function (sysinfoapi.h)": System32 as the system knows it (from the kernel's
   * shared data, not from %SystemRoot%). size in WCHARs; returns the length without the terminator,
   * the size needed (with it) when the buffer is too small, 0 on failure.
   */
  GetSystemDirectoryW: stdcall<(buffer: Buffer, size: number) => number>(lib, 'GetSystemDirectoryW', UINT, [PVOID, UINT]),

  /**
   * "GetModuleFileNameW function (libloaderapi.h)": the path the loader mapped a module from. size in
   * WCHARs; a full buffer (return == size) means the path was cut, with ERROR_INSUFFICIENT_BUFFER.
   */
  GetModuleFileNameW: stdcall<(module: Pointer, buffer: Buffer, size: number) => number>(lib, 'GetModuleFileNameW', DWORD, [HANDLE, PVOID, DWORD]),

  /**
   * "LoadLibraryExW function (libloaderapi.h)". With LOAD_LIBRARY_SEARCH_SYSTEM32 and a bare name,
   * only System32 is searched, for the DLL and for its dependencies (never the working directory,
   * the application folder or PATH). NULL on failure (ERROR_MOD_NOT_FOUND, 126, when it is not there).
   */
  LoadLibraryExW: stdcall<(name: string, reserved: Pointer, flags: number) => Pointer>(lib, 'LoadLibraryExW', HANDLE, [LPCWSTR, HANDLE, DWORD]),

  /** "FreeLibrary function (libloaderapi.h)": drops one reference; the module stays mapped while others hold it. */
  FreeLibrary: stdcall<(module: Pointer) => number>(lib, 'FreeLibrary', BOOL, [HANDLE]),

  /** "CreateDirectoryW function (fileapi.h)": the descriptor in SECURITY_ATTRIBUTES applies from the first instant. */
  CreateDirectoryW: stdcall<(path: string, attributes: SecurityAttributes | null) => number>(lib, 'CreateDirectoryW', BOOL, [
    LPCWSTR,
    koffi.pointer(SECURITY_ATTRIBUTES),
  ]),

  /**
   * "CreateFileW function (fileapi.h)", here to open a folder: FILE_FLAG_BACKUP_SEMANTICS is required
   * for a directory, FILE_FLAG_OPEN_REPARSE_POINT opens a link or junction itself rather than its
   * target. INVALID_HANDLE_VALUE on failure.
   */
  CreateFileW: stdcall<
    (path: string, access: number, share: number, attributes: Pointer, disposition: number, flags: number, template: Pointer) => Pointer
  >(lib, 'CreateFileW', HANDLE, [LPCWSTR, DWORD, DWORD, PVOID, DWORD, DWORD, HANDLE]),

  /** "GetFileAttributesW function (fileapi.h)": INVALID_FILE_ATTRIBUTES (0xFFFFFFFF) on failure. Does not follow a link. */
  GetFileAttributesW: stdcall<(path: string) => number>(lib, 'GetFileAttributesW', DWORD, [LPCWSTR]),

  /**
   * "FindFirstFileExW function (fileapi.h)", FindExInfoBasic (no 8.3 name) and FindExSearchNameMatch.
   * Lists a folder without opening its entries, so a link or junction inside is reported (its
   * attributes carry FILE_ATTRIBUTE_REPARSE_POINT, dwReserved0 its tag) and never followed. Returns
   * INVALID_HANDLE_VALUE on failure; the handle is closed with FindClose, not CloseHandle.
   */
  FindFirstFileExW: stdcall<
    (pattern: string, infoLevel: number, data: Win32FindDataW, searchOp: number, filter: Pointer, flags: number) => Pointer
  >(lib, 'FindFirstFileExW', HANDLE, [LPCWSTR, koffi.types.int32, koffi.out(koffi.pointer(WIN32_FIND_DATAW)), koffi.types.int32, PVOID, DWORD]),

  /** "FindNextFileW function (fileapi.h)": FALSE with ERROR_NO_MORE_FILES (18) after the last entry. */
  FindNextFileW: stdcall<(find: Pointer, data: Win32FindDataW) => number>(lib, 'FindNextFileW', BOOL, [
    HANDLE,
    koffi.out(koffi.pointer(WIN32_FIND_DATAW)),
  ]),

  /** "FindClose function (fileapi.h)": closes a FindFirstFileExW handle. */
  FindClose: stdcall<(find: Pointer) => number>(lib, 'FindClose', BOOL, [HANDLE]),

  /**
   * "MoveFileExW function (winbase.h)", flags 0: a rename on the same volume that fails if the new
   * name exists. On a link or junction it renames the link itself, not its target.
   */
  MoveFileExW: stdcall<(from: string, to: string, flags: number) => number>(lib, 'MoveFileExW', BOOL, [LPCWSTR, LPCWSTR, DWORD]),

  /** "GetCurrentProcess function (processthreadsapi.h)": the pseudo handle (HANDLE)-1, which needs no closing. */
  GetCurrentProcess: stdcall<() => Pointer>(lib, 'GetCurrentProcess', HANDLE, []),

  /**
   * "QueryFullProcessImageNameW function (winbase.h)", flags 0 (Win32 path form). size is in WCHARs:
   * in, the capacity; out, the length without the terminator. Needs PROCESS_QUERY_LIMITED_INFORMATION.
   */
  QueryFullProcessImageNameW: stdcall<(process: Pointer, flags: number, buffer: Buffer, size: [number]) => number>(
    lib,
    'QueryFullProcessImageNameW',
    BOOL,
    [HANDLE, DWORD, PVOID, koffi.inout(koffi.pointer(DWORD))],
  ),

  /**
   * "ReadProcessMemory function (memoryapi.h)": the remote address is a bigint. Needs PROCESS_VM_READ.
   * Fails with ERROR_PARTIAL_COPY (299) when part of the range is not readable.
   */
  ReadProcessMemory: stdcall<(process: Pointer, address: bigint, buffer: Buffer, size: number, read: [number]) => number>(
    lib,
    'ReadProcessMemory',
    BOOL,
    [HANDLE, PVOID, PVOID, SIZE_T, koffi.out(koffi.pointer(SIZE_T))],
  ),

  /** "IsProcessInJob function (jobapi.h)": with job NULL, whether the process is in any job at all. */
  IsProcessInJob: stdcall<(process: Pointer, job: Pointer, result: [number]) => number>(lib, 'IsProcessInJob', BOOL, [
    HANDLE,
    HANDLE,
    koffi.out(koffi.pointer(BOOL)),
  ]),

  /**
   * "GetProcessTimes function (processthreadsapi.h)". Under Wine 8 the creation time of another
   * process is right but its kernel and user times are the caller's own (README, "What Wine proves and what waits for Windows").
   */
  GetProcessTimes: stdcall<(process: Pointer, creation: FileTime, exit: FileTime, kernel: FileTime, user: FileTime) => number>(
    lib,
    'GetProcessTimes',
    BOOL,
    [
      HANDLE,
      koffi.out(koffi.pointer(FILETIME)),
      koffi.out(koffi.pointer(FILETIME)),
      koffi.out(koffi.pointer(FILETIME)),
      koffi.out(koffi.pointer(FILETIME)),
    ],
  ),

  /** "TerminateProcess function (processthreadsapi.h)": asynchronous; wait on the handle to see the end. Needs PROCESS_TERMINATE. */
  TerminateProcess: stdcall<(process: Pointer, exitCode: number) => number>(lib, 'TerminateProcess', BOOL, [HANDLE, koffi.types.uint32]),

  /** "SetPriorityClass function (processthreadsapi.h)". Needs PROCESS_SET_INFORMATION. Wine stores the class but does not schedule by it. */
  SetPriorityClass: stdcall<(process: Pointer, priorityClass: number) => number>(lib, 'SetPriorityClass', BOOL, [HANDLE, DWORD]),

  /** "GetPriorityClass function (processthreadsapi.h)": 0 on failure. */
  GetPriorityClass: stdcall<(process: Pointer) => number>(lib, 'GetPriorityClass', DWORD, [HANDLE]),

  /** "SetProcessAffinityMask function (winbase.h)": the mask must be a subset of the system mask. Needs PROCESS_SET_INFORMATION. */
  SetProcessAffinityMask: stdcall<(process: Pointer, mask: bigint) => number>(lib, 'SetProcessAffinityMask', BOOL, [HANDLE, koffi.types.uint64]),

  /** "GetProcessAffinityMask function (winbase.h)": the process's mask and the system's (this processor group). */
  GetProcessAffinityMask: stdcall<(process: Pointer, processMask: [bigint | number], systemMask: [bigint | number]) => number>(
    lib,
    'GetProcessAffinityMask',
    BOOL,
    [HANDLE, koffi.out(koffi.pointer(koffi.types.uint64)), koffi.out(koffi.pointer(koffi.types.uint64))],
  ),

  /** "CreateToolhelp32Snapshot function (tlhelp32.h)": INVALID_HANDLE_VALUE on failure; ERROR_BAD_LENGTH (24) asks for a retry. */
  CreateToolhelp32Snapshot: stdcall<(flags: number, pid: number) => Pointer>(lib, 'CreateToolhelp32Snapshot', HANDLE, [DWORD, DWORD]),

  /** "Module32FirstW function (tlhelp32.h)": dwSize must be set; ERROR_NO_MORE_FILES (18) ends the list. */
  Module32FirstW: stdcall<(snapshot: Pointer, entry: ModuleEntry32W) => number>(lib, 'Module32FirstW', BOOL, [
    HANDLE,
    koffi.inout(koffi.pointer(MODULEENTRY32W)),
  ]),

  /** "Module32NextW function (tlhelp32.h)". */
  Module32NextW: stdcall<(snapshot: Pointer, entry: ModuleEntry32W) => number>(lib, 'Module32NextW', BOOL, [
    HANDLE,
    koffi.inout(koffi.pointer(MODULEENTRY32W)),
  ]),

  /** "WaitForSingleObject function (synchapi.h)": WAIT_OBJECT_0 (0), WAIT_TIMEOUT (258) or WAIT_FAILED (0xFFFFFFFF). */
  WaitForSingleObject: stdcall<(handle: Pointer, milliseconds: number) => number>(lib, 'WaitForSingleObject', DWORD, [HANDLE, DWORD]),

  /** "CreateEventW function (synchapi.h)": manual reset, initially unsignalled here; NULL on failure. */
  CreateEventW: stdcall<(attributes: Pointer, manualReset: number, initialState: number, name: string | null) => Pointer>(
    lib,
    'CreateEventW',
    HANDLE,
    [PVOID, BOOL, BOOL, LPCWSTR],
  ),

  /** "ResumeThread function (processthreadsapi.h)": the previous suspend count, or 0xFFFFFFFF on failure. */
  ResumeThread: stdcall<(thread: Pointer) => number>(lib, 'ResumeThread', DWORD, [HANDLE]),

  /**
   * "CreateProcessW function (processthreadsapi.h)". The startup info is a STARTUPINFOEXW: read as one when
   * creationFlags has EXTENDED_STARTUPINFO_PRESENT, else as its STARTUPINFOW (cb says which). The environment
   * is a UTF-16 block (with CREATE_UNICODE_ENVIRONMENT) or NULL for ours; the command line a writable buffer.
   */
  CreateProcessW: stdcall<
    (
      application: string | null,
      commandLine: Buffer,
      processAttributes: Pointer,
      threadAttributes: Pointer,
      inheritHandles: number,
      creationFlags: number,
      environment: Buffer | null,
      currentDirectory: string | null,
      startupInfo: StartupInfoExW,
      processInformation: ProcessInformation,
    ) => number
  >(lib, 'CreateProcessW', BOOL, [
    LPCWSTR,
    PVOID,
    PVOID,
    PVOID,
    BOOL,
    DWORD,
    PVOID,
    LPCWSTR,
    koffi.pointer(STARTUPINFOEXW),
    koffi.out(koffi.pointer(PROCESS_INFORMATION)),
  ]),

  /**
   * "InitializeProcThreadAttributeList function (processthreadsapi.h)". Called first with a NULL list to
   * learn the size (FALSE with ERROR_INSUFFICIENT_BUFFER, 122), then with a buffer of that size.
   */
  InitializeProcThreadAttributeList: stdcall<(list: Buffer | null, count: number, flags: number, size: [number | bigint]) => number>(
    lib,
    'InitializeProcThreadAttributeList',
    BOOL,
    [PVOID, DWORD, DWORD, koffi.inout(koffi.pointer(SIZE_T))],
  ),

  /**
   * "UpdateProcThreadAttribute function (processthreadsapi.h)". The list keeps a POINTER to `value`, which
   * must therefore outlive the list (until DeleteProcThreadAttributeList).
   */
  UpdateProcThreadAttribute: stdcall<
    (list: Buffer, flags: number, attribute: number, value: Buffer, size: number, previous: Pointer, returnSize: Pointer) => number
  >(lib, 'UpdateProcThreadAttribute', BOOL, [PVOID, DWORD, SIZE_T, PVOID, SIZE_T, PVOID, PVOID]),

  /** "DeleteProcThreadAttributeList function (processthreadsapi.h)". */
  DeleteProcThreadAttributeList: stdcall<(list: Buffer) => void>(lib, 'DeleteProcThreadAttributeList', VOID, [PVOID]),

  /**
   * "CreatePipe function (namedpipeapi.h)": an anonymous pipe, both ends not inheritable with NULL
   * attributes; size is a hint for the buffer (0 = the default).
   */
  CreatePipe: stdcall<(read: [Pointer], write: [Pointer], attributes: Pointer, size: number) => number>(lib, 'CreatePipe', BOOL, [
    koffi.out(koffi.pointer(HANDLE)),
    koffi.out(koffi.pointer(HANDLE)),
    PVOID,
    DWORD,
  ]),

  /** "SetHandleInformation function (handleapi.h)": HANDLE_FLAG_INHERIT makes one handle inheritable. */
  SetHandleInformation: stdcall<(handle: Pointer, mask: number, flags: number) => number>(lib, 'SetHandleInformation', BOOL, [HANDLE, DWORD, DWORD]),

  /**
   * "PeekNamedPipe function (namedpipeapi.h)", here only for the bytes available. Works on anonymous
   * pipes; fails with ERROR_BROKEN_PIPE (109) once every writer has closed AND the pipe is drained.
   */
  PeekNamedPipe: stdcall<(pipe: Pointer, buffer: Pointer, size: number, read: Pointer, available: [number], left: Pointer) => number>(
    lib,
    'PeekNamedPipe',
    BOOL,
    [HANDLE, PVOID, DWORD, PVOID, koffi.out(koffi.pointer(DWORD)), PVOID],
  ),

  /** "ReadFile function (fileapi.h)", synchronous (no OVERLAPPED). Blocks until something can be read, so callers peek first. */
  ReadFile: stdcall<(file: Pointer, buffer: Buffer, size: number, read: [number], overlapped: Pointer) => number>(lib, 'ReadFile', BOOL, [
    HANDLE,
    PVOID,
    DWORD,
    koffi.out(koffi.pointer(DWORD)),
    PVOID,
  ]),

  /**
   * "CreateJobObjectW function (jobapi2.h)". On an existing name it opens that job and succeeds with
   * ERROR_ALREADY_EXISTS (183) as the last error; a non-job object of that name fails it with
   * ERROR_INVALID_HANDLE (6). The handle has JOB_OBJECT_ALL_ACCESS.
   */
  CreateJobObjectW: stdcall<(attributes: Pointer, name: string | null) => Pointer>(lib, 'CreateJobObjectW', HANDLE, [PVOID, LPCWSTR]),

  /** "OpenJobObjectW function (jobapi2.h)": NULL with ERROR_FILE_NOT_FOUND (2) when no job has the name. */
  OpenJobObjectW: stdcall<(access: number, inherit: number, name: string) => Pointer>(lib, 'OpenJobObjectW', HANDLE, [DWORD, BOOL, LPCWSTR]),

  /**
   * "AssignProcessToJobObject function (jobapi2.h)": the process needs PROCESS_SET_QUOTA and
   * PROCESS_TERMINATE. ERROR_ACCESS_DENIED (5) also when the process is in a job this one cannot nest in.
   */
  AssignProcessToJobObject: stdcall<(job: Pointer, process: Pointer) => number>(lib, 'AssignProcessToJobObject', BOOL, [HANDLE, HANDLE]),

  /** "TerminateJobObject function (jobapi2.h)": ends every process in the job with exitCode. */
  TerminateJobObject: stdcall<(job: Pointer, exitCode: number) => number>(lib, 'TerminateJobObject', BOOL, [HANDLE, UINT]),

  /**
   * "SetInformationJobObject function (jobapi2.h)". The information is a struct that depends on the
   * class, so it goes in as a Buffer koffi.encode filled. Wine 8 returns TRUE for every extended limit
   * but applies only kill-on-close and the breakaway flags, and fails CPU rate control with 87 (README, "What Wine proves and what waits for Windows").
   */
  SetInformationJobObject: stdcall<(job: Pointer, infoClass: number, info: Buffer, size: number) => number>(lib, 'SetInformationJobObject', BOOL, [
    HANDLE,
    koffi.types.int32,
    PVOID,
    DWORD,
  ]),

  /**
   * "QueryInformationJobObject function (jobapi2.h)" into a Buffer decoded per class. A process ID list
   * too small for every PID fails with ERROR_MORE_DATA (234). Wine 8 reads extended limits back as zeros
   * and fails BasicAndIoAccounting and UI restrictions with 1.
   */
  QueryInformationJobObject: stdcall<(job: Pointer, infoClass: number, info: Buffer, size: number, returned: [number] | null) => number>(
    lib,
    'QueryInformationJobObject',
    BOOL,
    [HANDLE, koffi.types.int32, PVOID, DWORD, koffi.out(koffi.pointer(DWORD))],
  ),

  /**
   * "CreateIoCompletionPort function (ioapiset.h)": with INVALID_HANDLE_VALUE and no existing port, a new
   * port not tied to a file. NULL on failure.
   */
  CreateIoCompletionPort: stdcall<(file: Pointer, existing: Pointer, key: number | bigint, threads: number) => Pointer>(
    lib,
    'CreateIoCompletionPort',
    HANDLE,
    [HANDLE, HANDLE, SIZE_T, DWORD],
  ),

  /**
   * "GetQueuedCompletionStatus function (ioapiset.h)". For a job's messages, bytes is the
   * JOB_OBJECT_MSG_* code, key the job's completion key and overlapped the PID where the message names a
   * process. FALSE with overlapped NULL and WAIT_TIMEOUT (258) when nothing came in time. Blocks: call it
   * through `.async` only (a synchronous wait would stall the JS thread and koffi's callbacks).
   */
  GetQueuedCompletionStatus: stdcall<(port: Pointer, bytes: [number], key: [number | bigint], overlapped: [Pointer], timeoutMs: number) => number>(
    lib,
    'GetQueuedCompletionStatus',
    BOOL,
    [HANDLE, koffi.out(koffi.pointer(DWORD)), koffi.out(koffi.pointer(SIZE_T)), koffi.out(koffi.pointer(PVOID)), DWORD],
  ),

  /** "GetProcessHandleCount function (processthreadsapi.h)": open handles of a process (our own, for leak checks). */
  GetProcessHandleCount: stdcall<(process: Pointer, count: [number]) => number>(lib, 'GetProcessHandleCount', BOOL, [
    HANDLE,
    koffi.out(koffi.pointer(DWORD)),
  ]),

  /** "GetExitCodeProcess function (processthreadsapi.h)": STILL_ACTIVE (259) while it runs. */
  GetExitCodeProcess: stdcall<(process: Pointer, exitCode: [number]) => number>(lib, 'GetExitCodeProcess', BOOL, [
    HANDLE,
    koffi.out(koffi.pointer(DWORD)),
  ]),
}));

/** ALL_PROCESSOR_GROUPS (winnt.h) for GetActiveProcessorCount. */
export const ALL_PROCESSOR_GROUPS = 0xffff;
/** COMPUTER_NAME_FORMAT.ComputerNameDnsHostname: the host name, not cut to NetBIOS's 15 characters. */
export const ComputerNameDnsHostname = 1;
/** PROCESS_QUERY_LIMITED_INFORMATION (winnt.h). */
export const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
/** Process access rights (winnt.h). */
export const PROCESS_TERMINATE = 0x0001;
export const PROCESS_VM_READ = 0x0010;
export const PROCESS_SET_INFORMATION = 0x0200;
export const PROCESS_QUERY_INFORMATION = 0x0400;
export const PROCESS_SUSPEND_RESUME = 0x0800;
export const SYNCHRONIZE = 0x0010_0000;
/** Toolhelp snapshot flags (tlhelp32.h): 64-bit and 32-bit (WOW64) modules. */
export const TH32CS_SNAPMODULE = 0x8;
export const TH32CS_SNAPMODULE32 = 0x10;
/** WaitForSingleObject results (winbase.h). */
export const WAIT_OBJECT_0 = 0;
export const WAIT_TIMEOUT = 258;
/** Process access rights for AssignProcessToJobObject (winnt.h). */
export const PROCESS_SET_QUOTA = 0x0100;
/** ERROR_ALREADY_EXISTS, ERROR_BROKEN_PIPE, ERROR_MORE_DATA, ERROR_INSUFFICIENT_BUFFER, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE (winerror.h). */
export const ERROR_FILE_NOT_FOUND = 2;
export const ERROR_INVALID_HANDLE = 6;
export const ERROR_BROKEN_PIPE = 109;
export const ERROR_INSUFFICIENT_BUFFER = 122;
export const ERROR_ALREADY_EXISTS = 183;
export const ERROR_MORE_DATA = 234;
/** HANDLE_FLAG_INHERIT (winbase.h) for SetHandleInformation. */
export const HANDLE_FLAG_INHERIT = 0x1;
/** GetExitCodeProcess's value while the process runs (minwinbase.h). */
export const STILL_ACTIVE = 259;
/** INVALID_FILE_ATTRIBUTES (fileapi.h). */
export const INVALID_FILE_ATTRIBUTES = 0xffff_ffff;
/** FILE_ATTRIBUTE_DIRECTORY and FILE_ATTRIBUTE_REPARSE_POINT (winnt.h). */
export const FILE_ATTRIBUTE_DIRECTORY = 0x10;
export const FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
/** LoadLibraryExW flag (libloaderapi.h): search System32 only, for the DLL and its dependencies. */
export const LOAD_LIBRARY_SEARCH_SYSTEM32 = 0x800;
/** FINDEX_INFO_LEVELS.FindExInfoBasic and FINDEX_SEARCH_OPS.FindExSearchNameMatch (minwinbase.h). */
export const FindExInfoBasic = 1;
export const FindExSearchNameMatch = 0;
/** ERROR_NO_MORE_FILES (winerror.h): the end of a FindNextFileW listing. */
export const ERROR_NO_MORE_FILES = 18;
/** CreateFileW access, sharing, disposition and flags (winnt.h, fileapi.h). */
export const FILE_LIST_DIRECTORY = 0x1;
export const FILE_READ_ATTRIBUTES = 0x80;
export const FILE_SHARE_READ = 0x1;
export const FILE_SHARE_WRITE = 0x2;
export const OPEN_EXISTING = 3;
export const FILE_FLAG_BACKUP_SEMANTICS = 0x0200_0000;
export const FILE_FLAG_OPEN_REPARSE_POINT = 0x0020_0000;
