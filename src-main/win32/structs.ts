/**
 * Every struct the Win32 layer binds, with field names exactly as mingw-w64's headers spell them, so
 * the layout test (struct-layout.win32.test.ts) can compare each size, alignment and field offset with
 * native/layout-probe.c. Add a struct here and to the probe together, or that test fails.
 *
 * Rules that make leaving a struct out of that test impossible (structs-source.test.ts checks them):
 * koffi.struct / koffi.pack / koffi.union appear in this file only, and each one is a top-level
 * `export const NAME = ...` (no inline struct inside another); bound-structs.ts then collects every
 * struct this module exports.
 */
import koffi from 'koffi';
import { BOOL, DWORD, LONG, LONGLONG, NTSTATUS, PVOID, SIZE_T, ULONG, WCHAR, WORD } from './types';

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

const BYTE = koffi.types.uint8;
const USHORT = koffi.types.uint16;
const ULONGLONG = koffi.types.uint64;
/** KPRIORITY (winternl.h) is a LONG. */
const KPRIORITY = LONG;

/** UNICODE_STRING (winternl.h): Length and MaximumLength in bytes, not characters; Buffer need not end in NUL. */
export const UNICODE_STRING = koffi.struct({
  Length: USHORT,
  MaximumLength: USHORT,
  Buffer: PVOID,
});

/** VM_COUNTERS (winternl.h): the memory figures inside SYSTEM_PROCESS_INFORMATION, in bytes. */
export const VM_COUNTERS = koffi.struct({
  PeakVirtualSize: SIZE_T,
  VirtualSize: SIZE_T,
  PageFaultCount: ULONG,
  PeakWorkingSetSize: SIZE_T,
  WorkingSetSize: SIZE_T,
  QuotaPeakPagedPoolUsage: SIZE_T,
  QuotaPagedPoolUsage: SIZE_T,
  QuotaPeakNonPagedPoolUsage: SIZE_T,
  QuotaNonPagedPoolUsage: SIZE_T,
  PagefileUsage: SIZE_T,
  PeakPagefileUsage: SIZE_T,
});

/** IO_COUNTERS (winnt.h): operation counts and bytes transferred since the process started. */
export const IO_COUNTERS = koffi.struct({
  ReadOperationCount: ULONGLONG,
  WriteOperationCount: ULONGLONG,
  OtherOperationCount: ULONGLONG,
  ReadTransferCount: ULONGLONG,
  WriteTransferCount: ULONGLONG,
  OtherTransferCount: ULONGLONG,
});

/**
 * SYSTEM_PROCESS_INFORMATION (winternl.h as mingw-w64 spells it; phnt's ntexapi.h names the Reserved
 * LARGE_INTEGERs WorkingSetPrivateSize/HardFaultCount/NumberOfThreadsHighWatermark/CycleTime and
 * PageDirectoryBase UniqueProcessKey). NumberOfThreads SYSTEM_THREAD_INFORMATION entries follow it
 * directly (sizeof is where phnt's Threads[] member starts), and ImageName.Buffer points into the
 * same output buffer. PrivatePageCount is in bytes despite its name.
 */
export const SYSTEM_PROCESS_INFORMATION = koffi.struct({
  NextEntryOffset: ULONG,
  NumberOfThreads: ULONG,
  Reserved: koffi.array(LONGLONG, 3),
  CreateTime: LONGLONG,
  UserTime: LONGLONG,
  KernelTime: LONGLONG,
  ImageName: UNICODE_STRING,
  BasePriority: KPRIORITY,
  UniqueProcessId: PVOID,
  InheritedFromUniqueProcessId: PVOID,
  HandleCount: ULONG,
  SessionId: ULONG,
  PageDirectoryBase: ULONG,
  VirtualMemoryCounters: VM_COUNTERS,
  PrivatePageCount: SIZE_T,
  IoCounters: IO_COUNTERS,
});

/** CLIENT_ID (winternl.h): a thread's process and thread IDs as handles. */
export const CLIENT_ID = koffi.struct({
  UniqueProcess: PVOID,
  UniqueThread: PVOID,
});

/**
 * SYSTEM_THREAD_INFORMATION (winternl.h): its size steps over a process's thread array, and ThreadState
 * with WaitReason tell a suspended process (snapshot-parse.ts). Reserved1 is KernelTime/UserTime/CreateTime
 * and Reserved2 WaitTime in phnt.
 */
export const SYSTEM_THREAD_INFORMATION = koffi.struct({
  Reserved1: koffi.array(LONGLONG, 3),
  Reserved2: ULONG,
  StartAddress: PVOID,
  ClientId: CLIENT_ID,
  Priority: KPRIORITY,
  BasePriority: LONG,
  Reserved3: ULONG,
  ThreadState: ULONG,
  WaitReason: ULONG,
});

/** PROCESS_DISK_COUNTERS (phnt ntexapi.h; not in the SDK): bytes and operations that reached the disk. */
export const PROCESS_DISK_COUNTERS = koffi.struct({
  BytesRead: ULONGLONG,
  BytesWritten: ULONGLONG,
  ReadOperationCount: ULONGLONG,
  WriteOperationCount: ULONGLONG,
  FlushOperationCount: ULONGLONG,
});

/**
 * SYSTEM_PROCESS_INFORMATION_EXTENSION (phnt ntexapi.h; not in the SDK or mingw-w64): appended after
 * each thread array by Windows 10 RS3 (build 16299) and later, also for SystemProcessInformation (5)
 * - System Informer reads it from that class (procprv.c, PH_PROCESS_EXTENSION). EnergyValues is
 * PROCESS_ENERGY_VALUES (272 bytes, 8-aligned), kept opaque here: we read no field of it.
 */
export const SYSTEM_PROCESS_INFORMATION_EXTENSION = koffi.struct({
  DiskCounters: PROCESS_DISK_COUNTERS,
  ContextSwitches: ULONGLONG,
  Flags: ULONG,
  UserSidOffset: ULONG,
  PackageFullNameOffset: ULONG,
  EnergyValues: koffi.array(ULONGLONG, 34),
  AppIdOffset: ULONG,
  SharedCommitCharge: SIZE_T,
  JobObjectId: ULONG,
  SpareUlong: ULONG,
  ProcessSequenceNumber: ULONGLONG,
});

/** PROCESS_BASIC_INFORMATION (winternl.h) from NtQueryInformationProcess(ProcessBasicInformation): where the PEB is. */
export const PROCESS_BASIC_INFORMATION = koffi.struct({
  ExitStatus: NTSTATUS,
  PebBaseAddress: PVOID,
  AffinityMask: SIZE_T,
  BasePriority: KPRIORITY,
  UniqueProcessId: SIZE_T,
  InheritedFromUniqueProcessId: SIZE_T,
});

/**
 * PEB (winternl.h, mingw-w64's reduced definition, x64): we read only ProcessParameters, in another
 * process's memory (ReadProcessMemory), so this is never passed to a call.
 */
export const PEB = koffi.struct({
  Reserved1: koffi.array(BYTE, 2),
  BeingDebugged: BYTE,
  Reserved2: koffi.array(BYTE, 1),
  Reserved3: koffi.array(PVOID, 2),
  Ldr: PVOID,
  ProcessParameters: PVOID,
  Reserved4: koffi.array(PVOID, 3),
  AtlThunkSListPtr: PVOID,
  Reserved5: PVOID,
  Reserved6: ULONG,
  Reserved7: PVOID,
  Reserved8: ULONG,
  AtlThunkSListPtr32: ULONG,
  Reserved9: koffi.array(PVOID, 45),
  Reserved10: koffi.array(BYTE, 96),
  PostProcessInitRoutine: PVOID,
  Reserved11: koffi.array(BYTE, 128),
  Reserved12: koffi.array(PVOID, 1),
  SessionId: ULONG,
});

/** RTL_USER_PROCESS_PARAMETERS (winternl.h, reduced): the command line as the process was started with it. */
export const RTL_USER_PROCESS_PARAMETERS = koffi.struct({
  Reserved1: koffi.array(BYTE, 16),
  Reserved2: koffi.array(PVOID, 10),
  ImagePathName: UNICODE_STRING,
  CommandLine: UNICODE_STRING,
});

/** MODULEENTRY32W (tlhelp32.h): one loaded module from a Toolhelp snapshot; dwSize must be set going in. */
export const MODULEENTRY32W = koffi.struct({
  dwSize: DWORD,
  th32ModuleID: DWORD,
  th32ProcessID: DWORD,
  GlblcntUsage: DWORD,
  ProccntUsage: DWORD,
  modBaseAddr: PVOID,
  modBaseSize: DWORD,
  hModule: PVOID,
  szModule: koffi.array(WCHAR, 256, 'String'),
  szExePath: koffi.array(WCHAR, 260, 'String'),
});

/** SID_AND_ATTRIBUTES (winnt.h). */
export const SID_AND_ATTRIBUTES = koffi.struct({
  Sid: PVOID,
  Attributes: DWORD,
});

/** TOKEN_USER (winnt.h) from GetTokenInformation(TokenUser): the SID points into the same buffer. */
export const TOKEN_USER = koffi.struct({
  User: SID_AND_ATTRIBUTES,
});

/**
 * EVENTLOGRECORD (winnt.h): the fixed head of each record ReadEventLogW returns. The source and
 * computer names follow it; the insertion strings are at StringOffset, NUL-separated.
 */
export const EVENTLOGRECORD = koffi.struct({
  Length: DWORD,
  Reserved: DWORD,
  RecordNumber: DWORD,
  TimeGenerated: DWORD,
  TimeWritten: DWORD,
  EventID: DWORD,
  EventType: WORD,
  NumStrings: WORD,
  EventCategory: WORD,
  ReservedFlags: WORD,
  ClosingRecordNumber: DWORD,
  StringOffset: DWORD,
  UserSidLength: DWORD,
  UserSidOffset: DWORD,
  DataLength: DWORD,
  DataOffset: DWORD,
});

/** STARTUPINFOW (processthreadsapi.h): cb must be set; everything else zero means "inherit the defaults". */
export const STARTUPINFOW = koffi.struct({
  cb: DWORD,
  lpReserved: PVOID,
  lpDesktop: PVOID,
  lpTitle: PVOID,
  dwX: DWORD,
  dwY: DWORD,
  dwXSize: DWORD,
  dwYSize: DWORD,
  dwXCountChars: DWORD,
  dwYCountChars: DWORD,
  dwFillAttribute: DWORD,
  dwFlags: DWORD,
  wShowWindow: WORD,
  cbReserved2: WORD,
  lpReserved2: PVOID,
  hStdInput: PVOID,
  hStdOutput: PVOID,
  hStdError: PVOID,
});

/** PROCESS_INFORMATION (processthreadsapi.h): CreateProcessW's output; both handles are the caller's to close. */
export const PROCESS_INFORMATION = koffi.struct({
  hProcess: PVOID,
  hThread: PVOID,
  dwProcessId: DWORD,
  dwThreadId: DWORD,
});

/**
 * GUID (guiddef.h), e.g. a KNOWNFOLDERID. Data1-3 are little-endian integers, Data4 eight bytes, so
 * the text form's byte order differs from memory order for the first three groups.
 */
export const GUID = koffi.struct({
  Data1: koffi.types.uint32,
  Data2: USHORT,
  Data3: USHORT,
  Data4: koffi.array(BYTE, 8),
});

/**
 * WIN32_FIND_DATAW (minwinbase.h) from FindFirstFileExW / FindNextFileW. dwReserved0 is the reparse
 * tag when dwFileAttributes has FILE_ATTRIBUTE_REPARSE_POINT.
 */
export const WIN32_FIND_DATAW = koffi.struct({
  dwFileAttributes: DWORD,
  ftCreationTime: FILETIME,
  ftLastAccessTime: FILETIME,
  ftLastWriteTime: FILETIME,
  nFileSizeHigh: DWORD,
  nFileSizeLow: DWORD,
  dwReserved0: DWORD,
  dwReserved1: DWORD,
  cFileName: koffi.array(WCHAR, 260, 'String'),
  cAlternateFileName: koffi.array(WCHAR, 14, 'String'),
});

/** GROUP_AFFINITY (winnt.h): Mask is a KAFFINITY (ULONG_PTR), one bit per processor of Group. */
export const GROUP_AFFINITY = koffi.struct({
  Mask: SIZE_T,
  Group: WORD,
  Reserved: koffi.array(WORD, 3),
});

/** TOKEN_ELEVATION (winnt.h) from GetTokenInformation(TokenElevation): nonzero when the token is elevated. */
export const TOKEN_ELEVATION = koffi.struct({
  TokenIsElevated: DWORD,
});

/** LUID (winnt.h): a locally unique id, here the one a privilege name stands for on this machine. */
export const LUID = koffi.struct({
  LowPart: DWORD,
  HighPart: LONG,
});

/** LUID_AND_ATTRIBUTES (winnt.h, #pragma pack(4): 12 bytes): a privilege and its SE_PRIVILEGE_* bits. */
export const LUID_AND_ATTRIBUTES = koffi.struct({
  Luid: LUID,
  Attributes: DWORD,
});

/**
 * TOKEN_PRIVILEGES (winnt.h) with its ANYSIZE_ARRAY of one: what AdjustTokenPrivileges takes for one
 * privilege. GetTokenInformation(TokenPrivileges) returns PrivilegeCount entries from the same offset.
 */
export const TOKEN_PRIVILEGES = koffi.struct({
  PrivilegeCount: DWORD,
  Privileges: koffi.array(LUID_AND_ATTRIBUTES, 1),
});

/**
 * SERVICE_STATUS_PROCESS (winsvc.h) from QueryServiceStatusEx(SC_STATUS_PROCESS_INFO) and inside each
 * ENUM_SERVICE_STATUS_PROCESSW. dwServiceFlags has SERVICE_RUNS_IN_SYSTEM_PROCESS (1).
 */
export const SERVICE_STATUS_PROCESS = koffi.struct({
  dwServiceType: DWORD,
  dwCurrentState: DWORD,
  dwControlsAccepted: DWORD,
  dwWin32ExitCode: DWORD,
  dwServiceSpecificExitCode: DWORD,
  dwCheckPoint: DWORD,
  dwWaitHint: DWORD,
  dwProcessId: DWORD,
  dwServiceFlags: DWORD,
});

/**
 * ENUM_SERVICE_STATUS_PROCESSW (winsvc.h): one entry of EnumServicesStatusExW(SC_ENUM_PROCESS_INFO).
 * The entries come first in the buffer; both names point to strings after them in the same buffer.
 */
export const ENUM_SERVICE_STATUS_PROCESSW = koffi.struct({
  lpServiceName: PVOID,
  lpDisplayName: PVOID,
  ServiceStatusProcess: SERVICE_STATUS_PROCESS,
});

/** SERVICE_STATUS (winsvc.h): what ControlService reports back (SERVICE_STATUS_PROCESS without PID and flags). */
export const SERVICE_STATUS = koffi.struct({
  dwServiceType: DWORD,
  dwCurrentState: DWORD,
  dwControlsAccepted: DWORD,
  dwWin32ExitCode: DWORD,
  dwServiceSpecificExitCode: DWORD,
  dwCheckPoint: DWORD,
  dwWaitHint: DWORD,
});

/**
 * ENUM_SERVICE_STATUSW (winsvc.h): one entry of EnumDependentServicesW; the names point to strings after
 * the entries in the same buffer.
 */
export const ENUM_SERVICE_STATUSW = koffi.struct({
  lpServiceName: PVOID,
  lpDisplayName: PVOID,
  ServiceStatus: SERVICE_STATUS,
});

/**
 * QUERY_SERVICE_CONFIGW (winsvc.h) from QueryServiceConfigW; the strings point into the same buffer.
 * lpDependencies is a MULTI_SZ (load-order groups prefixed with SC_GROUP_IDENTIFIER, '+').
 */
export const QUERY_SERVICE_CONFIGW = koffi.struct({
  dwServiceType: DWORD,
  dwStartType: DWORD,
  dwErrorControl: DWORD,
  lpBinaryPathName: PVOID,
  lpLoadOrderGroup: PVOID,
  dwTagId: DWORD,
  lpDependencies: PVOID,
  lpServiceStartName: PVOID,
  lpDisplayName: PVOID,
});

/** SERVICE_DESCRIPTIONW (winsvc.h), SERVICE_CONFIG_DESCRIPTION: NULL or "" going in clears the description. */
export const SERVICE_DESCRIPTIONW = koffi.struct({
  lpDescription: PVOID,
});

/** SC_ACTION (winsvc.h): Type is an SC_ACTION_TYPE enum (4 bytes), Delay in milliseconds. */
export const SC_ACTION = koffi.struct({
  Type: koffi.types.int32,
  Delay: DWORD,
});

/**
 * SERVICE_FAILURE_ACTIONSW (winsvc.h), SERVICE_CONFIG_FAILURE_ACTIONS: dwResetPeriod in seconds
 * (INFINITE: never reset); lpsaActions points to cActions SC_ACTIONs.
 */
export const SERVICE_FAILURE_ACTIONSW = koffi.struct({
  dwResetPeriod: DWORD,
  lpRebootMsg: PVOID,
  lpCommand: PVOID,
  cActions: DWORD,
  lpsaActions: PVOID,
});

/** SERVICE_DELAYED_AUTO_START_INFO (winsvc.h), SERVICE_CONFIG_DELAYED_AUTO_START_INFO: a BOOL. */
export const SERVICE_DELAYED_AUTO_START_INFO = koffi.struct({
  fDelayedAutostart: BOOL,
});

/** SERVICE_FAILURE_ACTIONS_FLAG (winsvc.h), SERVICE_CONFIG_FAILURE_ACTIONS_FLAG: a BOOL. */
export const SERVICE_FAILURE_ACTIONS_FLAG = koffi.struct({
  fFailureActionsOnNonCrashFailures: BOOL,
});

/**
 * SERVICE_TRIGGER_INFO (winsvc.h of the Windows SDK; mingw-w64 lacks it, so native/layout-probe.c
 * transcribes it), SERVICE_CONFIG_TRIGGER_INFO: we read only cTriggers (a trigger-start service has
 * at least one), never the SERVICE_TRIGGER array.
 */
export const SERVICE_TRIGGER_INFO = koffi.struct({
  cTriggers: DWORD,
  pTriggers: PVOID,
  pReserved: PVOID,
});

/** STARTUPINFOEXW (winbase.h): STARTUPINFOW with cb = sizeof(STARTUPINFOEXW) and an attribute list, for CreateProcessW with EXTENDED_STARTUPINFO_PRESENT. */
export const STARTUPINFOEXW = koffi.struct({
  StartupInfo: STARTUPINFOW,
  lpAttributeList: PVOID,
});

/**
 * JOBOBJECT_BASIC_LIMIT_INFORMATION (winnt.h): the limits LimitFlags switches on. The two user-time
 * limits are LARGE_INTEGERs in 100-ns units; Affinity is a ULONG_PTR mask.
 */
export const JOBOBJECT_BASIC_LIMIT_INFORMATION = koffi.struct({
  PerProcessUserTimeLimit: LONGLONG,
  PerJobUserTimeLimit: LONGLONG,
  LimitFlags: DWORD,
  MinimumWorkingSetSize: SIZE_T,
  MaximumWorkingSetSize: SIZE_T,
  ActiveProcessLimit: DWORD,
  Affinity: SIZE_T,
  PriorityClass: DWORD,
  SchedulingClass: DWORD,
});

/**
 * JOBOBJECT_EXTENDED_LIMIT_INFORMATION (winnt.h), JobObjectExtendedLimitInformation (9): the basic
 * limits, the two memory limits and (read only) the peaks. IoInfo is reserved.
 */
export const JOBOBJECT_EXTENDED_LIMIT_INFORMATION = koffi.struct({
  BasicLimitInformation: JOBOBJECT_BASIC_LIMIT_INFORMATION,
  IoInfo: IO_COUNTERS,
  ProcessMemoryLimit: SIZE_T,
  JobMemoryLimit: SIZE_T,
  PeakProcessMemoryUsed: SIZE_T,
  PeakJobMemoryUsed: SIZE_T,
});

/**
 * JOBOBJECT_CPU_RATE_CONTROL_INFORMATION (winnt.h), JobObjectCpuRateControlInformation (15, Windows 8+).
 * After ControlFlags comes a union, bound here as its DWORD view `CpuRate`: with HARD_CAP it is the rate
 * in 1/100 percent, with WEIGHT_BASED it is Weight (1-9), and with MIN_MAX_RATE (Windows 10) the SDK
 * reads it as two WORDs, MinRate (low) and MaxRate (high). mingw-w64 lacks the WORD pair; layout-probe.c
 * checks that Weight shares CpuRate's offset.
 */
export const JOBOBJECT_CPU_RATE_CONTROL_INFORMATION = koffi.struct({
  ControlFlags: DWORD,
  CpuRate: DWORD,
});

/** JOBOBJECT_BASIC_ACCOUNTING_INFORMATION (winnt.h), JobObjectBasicAccountingInformation (1): times in 100-ns units. */
export const JOBOBJECT_BASIC_ACCOUNTING_INFORMATION = koffi.struct({
  TotalUserTime: LONGLONG,
  TotalKernelTime: LONGLONG,
  ThisPeriodTotalUserTime: LONGLONG,
  ThisPeriodTotalKernelTime: LONGLONG,
  TotalPageFaultCount: DWORD,
  TotalProcesses: DWORD,
  ActiveProcesses: DWORD,
  TotalTerminatedProcesses: DWORD,
});

/** JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION (winnt.h), JobObjectBasicAndIoAccountingInformation (8). */
export const JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION = koffi.struct({
  BasicInfo: JOBOBJECT_BASIC_ACCOUNTING_INFORMATION,
  IoInfo: IO_COUNTERS,
});

/**
 * JOBOBJECT_BASIC_PROCESS_ID_LIST (winnt.h), JobObjectBasicProcessIdList (3), with its ANYSIZE_ARRAY of
 * one: NumberOfProcessIdsInList ULONG_PTR PIDs follow from ProcessIdList's offset in a larger buffer.
 */
export const JOBOBJECT_BASIC_PROCESS_ID_LIST = koffi.struct({
  NumberOfAssignedProcesses: DWORD,
  NumberOfProcessIdsInList: DWORD,
  ProcessIdList: koffi.array(SIZE_T, 1),
});

/**
 * JOBOBJECT_ASSOCIATE_COMPLETION_PORT (winnt.h), JobObjectAssociateCompletionPortInformation (7): the
 * key comes back as GetQueuedCompletionStatus's lpCompletionKey with every message of this job.
 */
export const JOBOBJECT_ASSOCIATE_COMPLETION_PORT = koffi.struct({
  CompletionKey: PVOID,
  CompletionPort: PVOID,
});

/** JOBOBJECT_BASIC_UI_RESTRICTIONS (winnt.h), JobObjectBasicUIRestrictions (4): JOB_OBJECT_UILIMIT_* bits. */
export const JOBOBJECT_BASIC_UI_RESTRICTIONS = koffi.struct({
  UIRestrictionsClass: DWORD,
});

/**
 * SYSTEM_HANDLE_ENTRY (winternl.h as mingw-w64 spells it; SYSTEM_HANDLE_TABLE_ENTRY_INFO in phnt): one
 * open handle of some process, from NtQuerySystemInformation(SystemHandleInformation). HandleValue is
 * only 16 bits wide; we count entries by OwnerPid (the leak test's handle count under Wine, whose
 * GetProcessHandleCount answers 0).
 */
export const SYSTEM_HANDLE_ENTRY = koffi.struct({
  OwnerPid: ULONG,
  ObjectType: BYTE,
  HandleFlags: BYTE,
  HandleValue: USHORT,
  ObjectPointer: PVOID,
  AccessMask: ULONG,
});

/** SYSTEM_HANDLE_INFORMATION (winternl.h): Count entries follow from Handle's offset in a larger buffer. */
export const SYSTEM_HANDLE_INFORMATION = koffi.struct({
  Count: ULONG,
  Handle: koffi.array(SYSTEM_HANDLE_ENTRY, 1),
});

/**
 * MIB_IF_ROW2 (netioapi.h), one network interface from GetIfTable2. InterfaceLuid's NET_LUID is a union of
 * a ULONG64 and bit fields: bound as the ULONG64 (the interface's identity between two readings).
 * InterfaceAndOperStatusFlags is a byte of BOOLEAN bit fields (bit 0 HardwareInterface, bit 1
 * FilterInterface, ...); the enums (IFTYPE, TUNNEL_TYPE, NDIS_MEDIUM, ...) are 4-byte ints.
 */
export const MIB_IF_ROW2 = koffi.struct({
  InterfaceLuid: koffi.types.uint64,
  InterfaceIndex: ULONG,
  InterfaceGuid: GUID,
  Alias: koffi.array(WCHAR, 257, 'Array'),
  Description: koffi.array(WCHAR, 257, 'Array'),
  PhysicalAddressLength: ULONG,
  PhysicalAddress: koffi.array(BYTE, 32),
  PermanentPhysicalAddress: koffi.array(BYTE, 32),
  Mtu: ULONG,
  Type: ULONG,
  TunnelType: koffi.types.int32,
  MediaType: koffi.types.int32,
  PhysicalMediumType: koffi.types.int32,
  AccessType: koffi.types.int32,
  DirectionType: koffi.types.int32,
  InterfaceAndOperStatusFlags: BYTE,
  OperStatus: koffi.types.int32,
  AdminStatus: koffi.types.int32,
  MediaConnectState: koffi.types.int32,
  NetworkGuid: GUID,
  ConnectionType: koffi.types.int32,
  TransmitLinkSpeed: koffi.types.uint64,
  ReceiveLinkSpeed: koffi.types.uint64,
  InOctets: koffi.types.uint64,
  InUcastPkts: koffi.types.uint64,
  InNUcastPkts: koffi.types.uint64,
  InDiscards: koffi.types.uint64,
  InErrors: koffi.types.uint64,
  InUnknownProtos: koffi.types.uint64,
  InUcastOctets: koffi.types.uint64,
  InMulticastOctets: koffi.types.uint64,
  InBroadcastOctets: koffi.types.uint64,
  OutOctets: koffi.types.uint64,
  OutUcastPkts: koffi.types.uint64,
  OutNUcastPkts: koffi.types.uint64,
  OutDiscards: koffi.types.uint64,
  OutErrors: koffi.types.uint64,
  OutUcastOctets: koffi.types.uint64,
  OutMulticastOctets: koffi.types.uint64,
  OutBroadcastOctets: koffi.types.uint64,
  OutQLen: koffi.types.uint64,
});

/** MIB_IF_TABLE2 (netioapi.h): NumEntries rows follow from Table's offset in the block GetIfTable2 allocates. */
export const MIB_IF_TABLE2 = koffi.struct({
  NumEntries: ULONG,
  Table: koffi.array(MIB_IF_ROW2, 1),
});

/**
 * DISK_PERFORMANCE (winioctl.h), the answer to IOCTL_DISK_PERFORMANCE on \\.\PhysicalDriveN: cumulative
 * bytes read and written since the counters started (the disk counters Task Manager's Disk graph uses).
 */
export const DISK_PERFORMANCE = koffi.struct({
  BytesRead: LONGLONG,
  BytesWritten: LONGLONG,
  ReadTime: LONGLONG,
  WriteTime: LONGLONG,
  IdleTime: LONGLONG,
  ReadCount: DWORD,
  WriteCount: DWORD,
  QueueDepth: DWORD,
  SplitCount: DWORD,
  QueryTime: LONGLONG,
  StorageDeviceNumber: DWORD,
  StorageManagerName: koffi.array(WCHAR, 8, 'Array'),
});
