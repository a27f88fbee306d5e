/*
 * Struct layout probe: prints, as JSON, the size, alignment and field offsets of every struct the
 * Win32 layer binds (src-main/win32/structs.ts), as the Windows SDK headers shipped with mingw-w64
 * define them, and the size of each field. struct-layout.win32.test.ts compares this with what koffi computed.
 *
 * Every struct here comes from the headers, except the ones the SDK does not have at all
 * (PROCESS_DISK_COUNTERS, SYSTEM_PROCESS_INFORMATION_EXTENSION), which are defined below from System
 * Informer's phnt (ntexapi.h) and say so, and SERVICE_TRIGGER_INFO, which mingw-w64 lacks and is
 * transcribed from the Windows SDK. Field names are the headers' own (e.g.
 * SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION's Reserved1/Reserved2, which ntddk.h calls
 * DpcTime/InterruptTime/InterruptCount; mingw-w64's reduced PEB and RTL_USER_PROCESS_PARAMETERS).
 *
 * Build: node scripts/native-build.mjs (x86_64-w64-mingw32-gcc, or gcc on Windows).
 */
#include <winsock2.h> /* before windows.h: netioapi.h needs its socket types */
#include <windows.h>
#include <winternl.h>
#include <psapi.h>
#include <tlhelp32.h>
#include <winioctl.h>
#include <ws2ipdef.h>
#include <netioapi.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Not in the SDK or mingw-w64: from phnt's ntexapi.h (winsiderss/systeminformer), for Windows 10 RS3+.
 * The layout test then only proves koffi agrees with this transcription, so it is kept verbatim.
 */
typedef struct _PROCESS_DISK_COUNTERS {
  ULONGLONG BytesRead;
  ULONGLONG BytesWritten;
  ULONGLONG ReadOperationCount;
  ULONGLONG WriteOperationCount;
  ULONGLONG FlushOperationCount;
} PROCESS_DISK_COUNTERS;

typedef union _ENERGY_STATE_DURATION {
  ULONGLONG Value;
  struct {
    ULONG LastChangeTime;
    ULONG Duration : 31;
    ULONG IsInState : 1;
  };
} ENERGY_STATE_DURATION;

typedef struct _PROCESS_ENERGY_VALUES {
  ULONGLONG Cycles[4][2];
  ULONGLONG DiskEnergy;
  ULONGLONG NetworkTailEnergy;
  ULONGLONG MBBTailEnergy;
  ULONGLONG NetworkTxRxBytes;
  ULONGLONG MBBTxRxBytes;
  union {
    ENERGY_STATE_DURATION Durations[3];
    struct {
      ENERGY_STATE_DURATION ForegroundDuration;
      ENERGY_STATE_DURATION DesktopVisibleDuration;
      ENERGY_STATE_DURATION PSMForegroundDuration;
    };
  };
  ULONG CompositionRendered;
  ULONG CompositionDirtyGenerated;
  ULONG CompositionDirtyPropagated;
  ULONG Reserved1;
  ULONGLONG AttributedCycles[4][2];
  ULONGLONG WorkOnBehalfCycles[4][2];
} PROCESS_ENERGY_VALUES;

typedef struct _SYSTEM_PROCESS_INFORMATION_EXTENSION {
  PROCESS_DISK_COUNTERS DiskCounters;
  ULONGLONG ContextSwitches;
  union {
    ULONG Flags;
    struct {
      ULONG HasStrongId : 1;
      ULONG Classification : 4;
      ULONG BackgroundActivityModerated : 1;
      ULONG Spare : 26;
    };
  };
  ULONG UserSidOffset;
  ULONG PackageFullNameOffset;
  PROCESS_ENERGY_VALUES EnergyValues;
  ULONG AppIdOffset;
  SIZE_T SharedCommitCharge;
  ULONG JobObjectId;
  ULONG SpareUlong;
  ULONGLONG ProcessSequenceNumber;
} SYSTEM_PROCESS_INFORMATION_EXTENSION;

/*
 * Not in mingw-w64's winsvc.h: SERVICE_TRIGGER_INFO as the Windows SDK's winsvc.h declares it
 * (PSERVICE_TRIGGER and PBYTE are pointers; we never read the SERVICE_TRIGGER array).
 */
typedef struct _SERVICE_TRIGGER_INFO {
  DWORD cTriggers;
  void *pTriggers;
  PBYTE pReserved;
} SERVICE_TRIGGER_INFO;

/*
 * JOBOBJECT_CPU_RATE_CONTROL_INFORMATION's union is bound as one DWORD (CpuRate): Weight is the same
 * DWORD, and the SDK's MinRate/MaxRate WORD pair (absent from mingw-w64) its low and high halves.
 */
_Static_assert(offsetof(JOBOBJECT_CPU_RATE_CONTROL_INFORMATION, Weight) == offsetof(JOBOBJECT_CPU_RATE_CONTROL_INFORMATION, CpuRate),
               "Weight and CpuRate are one union");
_Static_assert(sizeof(JOBOBJECT_CPU_RATE_CONTROL_INFORMATION) == 8, "ControlFlags and a 4-byte union");

/* phnt's Threads[] member starts where mingw-w64's SYSTEM_PROCESS_INFORMATION ends: the thread array follows it. */
_Static_assert(sizeof(SYSTEM_PROCESS_INFORMATION) == 0x100, "SYSTEM_PROCESS_INFORMATION is 0x100 bytes on x64 (phnt: offsetof Threads)");

static int first_struct = 1;
static int first_field;

static void begin_struct(const char *name, size_t size, size_t align) {
  printf("%s\n  \"%s\": { \"size\": %zu, \"align\": %zu, \"fields\": {", first_struct ? "" : ",", name, size, align);
  first_struct = 0;
  first_field = 1;
}

static void field(const char *name, size_t offset, size_t size) {
  printf("%s \"%s\": { \"offset\": %zu, \"size\": %zu }", first_field ? "" : ",", name, offset, size);
  first_field = 0;
}

static void end_struct(void) { printf(" } }"); }

#define STRUCT(T) begin_struct(#T, sizeof(T), _Alignof(T))
/* The field's size too: a BOOL bound as a 1-byte bool in the last field would not move any offset. */
#define FIELD(T, f) field(#f, offsetof(T, f), sizeof(((T *)0)->f))

int main(void) {
  printf("{");

  STRUCT(FILETIME);
  FIELD(FILETIME, dwLowDateTime);
  FIELD(FILETIME, dwHighDateTime);
  end_struct();

  STRUCT(MEMORYSTATUSEX);
  FIELD(MEMORYSTATUSEX, dwLength);
  FIELD(MEMORYSTATUSEX, dwMemoryLoad);
  FIELD(MEMORYSTATUSEX, ullTotalPhys);
  FIELD(MEMORYSTATUSEX, ullAvailPhys);
  FIELD(MEMORYSTATUSEX, ullTotalPageFile);
  FIELD(MEMORYSTATUSEX, ullAvailPageFile);
  FIELD(MEMORYSTATUSEX, ullTotalVirtual);
  FIELD(MEMORYSTATUSEX, ullAvailVirtual);
  FIELD(MEMORYSTATUSEX, ullAvailExtendedVirtual);
  end_struct();

  STRUCT(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, IdleTime);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, KernelTime);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, UserTime);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, Reserved1);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, Reserved2);
  end_struct();

  STRUCT(RTL_OSVERSIONINFOW);
  FIELD(RTL_OSVERSIONINFOW, dwOSVersionInfoSize);
  FIELD(RTL_OSVERSIONINFOW, dwMajorVersion);
  FIELD(RTL_OSVERSIONINFOW, dwMinorVersion);
  FIELD(RTL_OSVERSIONINFOW, dwBuildNumber);
  FIELD(RTL_OSVERSIONINFOW, dwPlatformId);
  FIELD(RTL_OSVERSIONINFOW, szCSDVersion);
  end_struct();

  STRUCT(SECURITY_ATTRIBUTES);
  FIELD(SECURITY_ATTRIBUTES, nLength);
  FIELD(SECURITY_ATTRIBUTES, lpSecurityDescriptor);
  FIELD(SECURITY_ATTRIBUTES, bInheritHandle);
  end_struct();

  STRUCT(PERFORMANCE_INFORMATION);
  FIELD(PERFORMANCE_INFORMATION, cb);
  FIELD(PERFORMANCE_INFORMATION, CommitTotal);
  FIELD(PERFORMANCE_INFORMATION, CommitLimit);
  FIELD(PERFORMANCE_INFORMATION, CommitPeak);
  FIELD(PERFORMANCE_INFORMATION, PhysicalTotal);
  FIELD(PERFORMANCE_INFORMATION, PhysicalAvailable);
  FIELD(PERFORMANCE_INFORMATION, SystemCache);
  FIELD(PERFORMANCE_INFORMATION, KernelTotal);
  FIELD(PERFORMANCE_INFORMATION, KernelPaged);
  FIELD(PERFORMANCE_INFORMATION, KernelNonpaged);
  FIELD(PERFORMANCE_INFORMATION, PageSize);
  FIELD(PERFORMANCE_INFORMATION, HandleCount);
  FIELD(PERFORMANCE_INFORMATION, ProcessCount);
  FIELD(PERFORMANCE_INFORMATION, ThreadCount);
  end_struct();

  STRUCT(UNICODE_STRING);
  FIELD(UNICODE_STRING, Length);
  FIELD(UNICODE_STRING, MaximumLength);
  FIELD(UNICODE_STRING, Buffer);
  end_struct();

  STRUCT(VM_COUNTERS);
  FIELD(VM_COUNTERS, PeakVirtualSize);
  FIELD(VM_COUNTERS, VirtualSize);
  FIELD(VM_COUNTERS, PageFaultCount);
  FIELD(VM_COUNTERS, PeakWorkingSetSize);
  FIELD(VM_COUNTERS, WorkingSetSize);
  FIELD(VM_COUNTERS, QuotaPeakPagedPoolUsage);
  FIELD(VM_COUNTERS, QuotaPagedPoolUsage);
  FIELD(VM_COUNTERS, QuotaPeakNonPagedPoolUsage);
  FIELD(VM_COUNTERS, QuotaNonPagedPoolUsage);
  FIELD(VM_COUNTERS, PagefileUsage);
  FIELD(VM_COUNTERS, PeakPagefileUsage);
  end_struct();

  STRUCT(IO_COUNTERS);
  FIELD(IO_COUNTERS, ReadOperationCount);
  FIELD(IO_COUNTERS, WriteOperationCount);
  FIELD(IO_COUNTERS, OtherOperationCount);
  FIELD(IO_COUNTERS, ReadTransferCount);
  FIELD(IO_COUNTERS, WriteTransferCount);
  FIELD(IO_COUNTERS, OtherTransferCount);
  end_struct();

  STRUCT(SYSTEM_PROCESS_INFORMATION);
  FIELD(SYSTEM_PROCESS_INFORMATION, NextEntryOffset);
  FIELD(SYSTEM_PROCESS_INFORMATION, NumberOfThreads);
  FIELD(SYSTEM_PROCESS_INFORMATION, Reserved);
  FIELD(SYSTEM_PROCESS_INFORMATION, CreateTime);
  FIELD(SYSTEM_PROCESS_INFORMATION, UserTime);
  FIELD(SYSTEM_PROCESS_INFORMATION, KernelTime);
  FIELD(SYSTEM_PROCESS_INFORMATION, ImageName);
  FIELD(SYSTEM_PROCESS_INFORMATION, BasePriority);
  FIELD(SYSTEM_PROCESS_INFORMATION, UniqueProcessId);
  FIELD(SYSTEM_PROCESS_INFORMATION, InheritedFromUniqueProcessId);
  FIELD(SYSTEM_PROCESS_INFORMATION, HandleCount);
  FIELD(SYSTEM_PROCESS_INFORMATION, SessionId);
  FIELD(SYSTEM_PROCESS_INFORMATION, PageDirectoryBase);
  FIELD(SYSTEM_PROCESS_INFORMATION, VirtualMemoryCounters);
  FIELD(SYSTEM_PROCESS_INFORMATION, PrivatePageCount);
  FIELD(SYSTEM_PROCESS_INFORMATION, IoCounters);
  end_struct();

  STRUCT(CLIENT_ID);
  FIELD(CLIENT_ID, UniqueProcess);
  FIELD(CLIENT_ID, UniqueThread);
  end_struct();

  STRUCT(SYSTEM_THREAD_INFORMATION);
  FIELD(SYSTEM_THREAD_INFORMATION, Reserved1);
  FIELD(SYSTEM_THREAD_INFORMATION, Reserved2);
  FIELD(SYSTEM_THREAD_INFORMATION, StartAddress);
  FIELD(SYSTEM_THREAD_INFORMATION, ClientId);
  FIELD(SYSTEM_THREAD_INFORMATION, Priority);
  FIELD(SYSTEM_THREAD_INFORMATION, BasePriority);
  FIELD(SYSTEM_THREAD_INFORMATION, Reserved3);
  FIELD(SYSTEM_THREAD_INFORMATION, ThreadState);
  FIELD(SYSTEM_THREAD_INFORMATION, WaitReason);
  end_struct();

  STRUCT(PROCESS_DISK_COUNTERS);
  FIELD(PROCESS_DISK_COUNTERS, BytesRead);
  FIELD(PROCESS_DISK_COUNTERS, BytesWritten);
  FIELD(PROCESS_DISK_COUNTERS, ReadOperationCount);
  FIELD(PROCESS_DISK_COUNTERS, WriteOperationCount);
  FIELD(PROCESS_DISK_COUNTERS, FlushOperationCount);
  end_struct();

  STRUCT(SYSTEM_PROCESS_INFORMATION_EXTENSION);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, DiskCounters);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, ContextSwitches);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, Flags);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, UserSidOffset);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, PackageFullNameOffset);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, EnergyValues);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, AppIdOffset);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, SharedCommitCharge);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, JobObjectId);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, SpareUlong);
  FIELD(SYSTEM_PROCESS_INFORMATION_EXTENSION, ProcessSequenceNumber);
  end_struct();

  STRUCT(PROCESS_BASIC_INFORMATION);
  FIELD(PROCESS_BASIC_INFORMATION, ExitStatus);
  FIELD(PROCESS_BASIC_INFORMATION, PebBaseAddress);
  FIELD(PROCESS_BASIC_INFORMATION, AffinityMask);
  FIELD(PROCESS_BASIC_INFORMATION, BasePriority);
  FIELD(PROCESS_BASIC_INFORMATION, UniqueProcessId);
  FIELD(PROCESS_BASIC_INFORMATION, InheritedFromUniqueProcessId);
  end_struct();

  STRUCT(PEB);
  FIELD(PEB, Reserved1);
  FIELD(PEB, BeingDebugged);
  FIELD(PEB, Reserved2);
  FIELD(PEB, Reserved3);
  FIELD(PEB, Ldr);
  FIELD(PEB, ProcessParameters);
  FIELD(PEB, Reserved4);
  FIELD(PEB, AtlThunkSListPtr);
  FIELD(PEB, Reserved5);
  FIELD(PEB, Reserved6);
  FIELD(PEB, Reserved7);
  FIELD(PEB, Reserved8);
  FIELD(PEB, AtlThunkSListPtr32);
  FIELD(PEB, Reserved9);
  FIELD(PEB, Reserved10);
  FIELD(PEB, PostProcessInitRoutine);
  FIELD(PEB, Reserved11);
  FIELD(PEB, Reserved12);
  FIELD(PEB, SessionId);
  end_struct();

  STRUCT(RTL_USER_PROCESS_PARAMETERS);
  FIELD(RTL_USER_PROCESS_PARAMETERS, Reserved1);
  FIELD(RTL_USER_PROCESS_PARAMETERS, Reserved2);
  FIELD(RTL_USER_PROCESS_PARAMETERS, ImagePathName);
  FIELD(RTL_USER_PROCESS_PARAMETERS, CommandLine);
  end_struct();

  STRUCT(MODULEENTRY32W);
  FIELD(MODULEENTRY32W, dwSize);
  FIELD(MODULEENTRY32W, th32ModuleID);
  FIELD(MODULEENTRY32W, th32ProcessID);
  FIELD(MODULEENTRY32W, GlblcntUsage);
  FIELD(MODULEENTRY32W, ProccntUsage);
  FIELD(MODULEENTRY32W, modBaseAddr);
  FIELD(MODULEENTRY32W, modBaseSize);
  FIELD(MODULEENTRY32W, hModule);
  FIELD(MODULEENTRY32W, szModule);
  FIELD(MODULEENTRY32W, szExePath);
  end_struct();

  STRUCT(SID_AND_ATTRIBUTES);
  FIELD(SID_AND_ATTRIBUTES, Sid);
  FIELD(SID_AND_ATTRIBUTES, Attributes);
  end_struct();

  STRUCT(TOKEN_USER);
  FIELD(TOKEN_USER, User);
  end_struct();

  STRUCT(EVENTLOGRECORD);
  FIELD(EVENTLOGRECORD, Length);
  FIELD(EVENTLOGRECORD, Reserved);
  FIELD(EVENTLOGRECORD, RecordNumber);
  FIELD(EVENTLOGRECORD, TimeGenerated);
  FIELD(EVENTLOGRECORD, TimeWritten);
  FIELD(EVENTLOGRECORD, EventID);
  FIELD(EVENTLOGRECORD, EventType);
  FIELD(EVENTLOGRECORD, NumStrings);
  FIELD(EVENTLOGRECORD, EventCategory);
  FIELD(EVENTLOGRECORD, ReservedFlags);
  FIELD(EVENTLOGRECORD, ClosingRecordNumber);
  FIELD(EVENTLOGRECORD, StringOffset);
  FIELD(EVENTLOGRECORD, UserSidLength);
  FIELD(EVENTLOGRECORD, UserSidOffset);
  FIELD(EVENTLOGRECORD, DataLength);
  FIELD(EVENTLOGRECORD, DataOffset);
  end_struct();

  STRUCT(STARTUPINFOW);
  FIELD(STARTUPINFOW, cb);
  FIELD(STARTUPINFOW, lpReserved);
  FIELD(STARTUPINFOW, lpDesktop);
  FIELD(STARTUPINFOW, lpTitle);
  FIELD(STARTUPINFOW, dwX);
  FIELD(STARTUPINFOW, dwY);
  FIELD(STARTUPINFOW, dwXSize);
  FIELD(STARTUPINFOW, dwYSize);
  FIELD(STARTUPINFOW, dwXCountChars);
  FIELD(STARTUPINFOW, dwYCountChars);
  FIELD(STARTUPINFOW, dwFillAttribute);
  FIELD(STARTUPINFOW, dwFlags);
  FIELD(STARTUPINFOW, wShowWindow);
  FIELD(STARTUPINFOW, cbReserved2);
  FIELD(STARTUPINFOW, lpReserved2);
  FIELD(STARTUPINFOW, hStdInput);
  FIELD(STARTUPINFOW, hStdOutput);
  FIELD(STARTUPINFOW, hStdError);
  end_struct();

  STRUCT(PROCESS_INFORMATION);
  FIELD(PROCESS_INFORMATION, hProcess);
  FIELD(PROCESS_INFORMATION, hThread);
  FIELD(PROCESS_INFORMATION, dwProcessId);
  FIELD(PROCESS_INFORMATION, dwThreadId);
  end_struct();

  STRUCT(GUID);
  FIELD(GUID, Data1);
  FIELD(GUID, Data2);
  FIELD(GUID, Data3);
  FIELD(GUID, Data4);
  end_struct();

  STRUCT(WIN32_FIND_DATAW);
  FIELD(WIN32_FIND_DATAW, dwFileAttributes);
  FIELD(WIN32_FIND_DATAW, ftCreationTime);
  FIELD(WIN32_FIND_DATAW, ftLastAccessTime);
  FIELD(WIN32_FIND_DATAW, ftLastWriteTime);
  FIELD(WIN32_FIND_DATAW, nFileSizeHigh);
  FIELD(WIN32_FIND_DATAW, nFileSizeLow);
  FIELD(WIN32_FIND_DATAW, dwReserved0);
  FIELD(WIN32_FIND_DATAW, dwReserved1);
  FIELD(WIN32_FIND_DATAW, cFileName);
  FIELD(WIN32_FIND_DATAW, cAlternateFileName);
  end_struct();

  STRUCT(GROUP_AFFINITY);
  FIELD(GROUP_AFFINITY, Mask);
  FIELD(GROUP_AFFINITY, Group);
  FIELD(GROUP_AFFINITY, Reserved);
  end_struct();

  STRUCT(TOKEN_ELEVATION);
  FIELD(TOKEN_ELEVATION, TokenIsElevated);
  end_struct();

  STRUCT(LUID);
  FIELD(LUID, LowPart);
  FIELD(LUID, HighPart);
  end_struct();

  STRUCT(LUID_AND_ATTRIBUTES);
  FIELD(LUID_AND_ATTRIBUTES, Luid);
  FIELD(LUID_AND_ATTRIBUTES, Attributes);
  end_struct();

  STRUCT(TOKEN_PRIVILEGES);
  FIELD(TOKEN_PRIVILEGES, PrivilegeCount);
  FIELD(TOKEN_PRIVILEGES, Privileges);
  end_struct();

  STRUCT(SERVICE_STATUS_PROCESS);
  FIELD(SERVICE_STATUS_PROCESS, dwServiceType);
  FIELD(SERVICE_STATUS_PROCESS, dwCurrentState);
  FIELD(SERVICE_STATUS_PROCESS, dwControlsAccepted);
  FIELD(SERVICE_STATUS_PROCESS, dwWin32ExitCode);
  FIELD(SERVICE_STATUS_PROCESS, dwServiceSpecificExitCode);
  FIELD(SERVICE_STATUS_PROCESS, dwCheckPoint);
  FIELD(SERVICE_STATUS_PROCESS, dwWaitHint);
  FIELD(SERVICE_STATUS_PROCESS, dwProcessId);
  FIELD(SERVICE_STATUS_PROCESS, dwServiceFlags);
  end_struct();

  STRUCT(ENUM_SERVICE_STATUS_PROCESSW);
  FIELD(ENUM_SERVICE_STATUS_PROCESSW, lpServiceName);
  FIELD(ENUM_SERVICE_STATUS_PROCESSW, lpDisplayName);
  FIELD(ENUM_SERVICE_STATUS_PROCESSW, ServiceStatusProcess);
  end_struct();

  STRUCT(SERVICE_STATUS);
  FIELD(SERVICE_STATUS, dwServiceType);
  FIELD(SERVICE_STATUS, dwCurrentState);
  FIELD(SERVICE_STATUS, dwControlsAccepted);
  FIELD(SERVICE_STATUS, dwWin32ExitCode);
  FIELD(SERVICE_STATUS, dwServiceSpecificExitCode);
  FIELD(SERVICE_STATUS, dwCheckPoint);
  FIELD(SERVICE_STATUS, dwWaitHint);
  end_struct();

  STRUCT(ENUM_SERVICE_STATUSW);
  FIELD(ENUM_SERVICE_STATUSW, lpServiceName);
  FIELD(ENUM_SERVICE_STATUSW, lpDisplayName);
  FIELD(ENUM_SERVICE_STATUSW, ServiceStatus);
  end_struct();

  STRUCT(QUERY_SERVICE_CONFIGW);
  FIELD(QUERY_SERVICE_CONFIGW, dwServiceType);
  FIELD(QUERY_SERVICE_CONFIGW, dwStartType);
  FIELD(QUERY_SERVICE_CONFIGW, dwErrorControl);
  FIELD(QUERY_SERVICE_CONFIGW, lpBinaryPathName);
  FIELD(QUERY_SERVICE_CONFIGW, lpLoadOrderGroup);
  FIELD(QUERY_SERVICE_CONFIGW, dwTagId);
  FIELD(QUERY_SERVICE_CONFIGW, lpDependencies);
  FIELD(QUERY_SERVICE_CONFIGW, lpServiceStartName);
  FIELD(QUERY_SERVICE_CONFIGW, lpDisplayName);
  end_struct();

  STRUCT(SERVICE_DESCRIPTIONW);
  FIELD(SERVICE_DESCRIPTIONW, lpDescription);
  end_struct();

  STRUCT(SC_ACTION);
  FIELD(SC_ACTION, Type);
  FIELD(SC_ACTION, Delay);
  end_struct();

  STRUCT(SERVICE_FAILURE_ACTIONSW);
  FIELD(SERVICE_FAILURE_ACTIONSW, dwResetPeriod);
  FIELD(SERVICE_FAILURE_ACTIONSW, lpRebootMsg);
  FIELD(SERVICE_FAILURE_ACTIONSW, lpCommand);
  FIELD(SERVICE_FAILURE_ACTIONSW, cActions);
  FIELD(SERVICE_FAILURE_ACTIONSW, lpsaActions);
  end_struct();

  STRUCT(SERVICE_DELAYED_AUTO_START_INFO);
  FIELD(SERVICE_DELAYED_AUTO_START_INFO, fDelayedAutostart);
  end_struct();

  STRUCT(SERVICE_FAILURE_ACTIONS_FLAG);
  FIELD(SERVICE_FAILURE_ACTIONS_FLAG, fFailureActionsOnNonCrashFailures);
  end_struct();

  STRUCT(SERVICE_TRIGGER_INFO);
  FIELD(SERVICE_TRIGGER_INFO, cTriggers);
  FIELD(SERVICE_TRIGGER_INFO, pTriggers);
  FIELD(SERVICE_TRIGGER_INFO, pReserved);
  end_struct();

  STRUCT(STARTUPINFOEXW);
  FIELD(STARTUPINFOEXW, StartupInfo);
  FIELD(STARTUPINFOEXW, lpAttributeList);
  end_struct();

  STRUCT(JOBOBJECT_BASIC_LIMIT_INFORMATION);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, PerProcessUserTimeLimit);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, PerJobUserTimeLimit);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, LimitFlags);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, MinimumWorkingSetSize);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, MaximumWorkingSetSize);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, ActiveProcessLimit);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, Affinity);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, PriorityClass);
  FIELD(JOBOBJECT_BASIC_LIMIT_INFORMATION, SchedulingClass);
  end_struct();

  STRUCT(JOBOBJECT_EXTENDED_LIMIT_INFORMATION);
  FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, BasicLimitInformation);
  FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, IoInfo);
  FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, ProcessMemoryLimit);
  FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobMemoryLimit);
  FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, PeakProcessMemoryUsed);
  FIELD(JOBOBJECT_EXTENDED_LIMIT_INFORMATION, PeakJobMemoryUsed);
  end_struct();

  STRUCT(JOBOBJECT_CPU_RATE_CONTROL_INFORMATION);
  FIELD(JOBOBJECT_CPU_RATE_CONTROL_INFORMATION, ControlFlags);
  FIELD(JOBOBJECT_CPU_RATE_CONTROL_INFORMATION, CpuRate);
  end_struct();

  STRUCT(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, TotalUserTime);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, TotalKernelTime);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, ThisPeriodTotalUserTime);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, ThisPeriodTotalKernelTime);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, TotalPageFaultCount);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, TotalProcesses);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, ActiveProcesses);
  FIELD(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION, TotalTerminatedProcesses);
  end_struct();

  STRUCT(JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION);
  FIELD(JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION, BasicInfo);
  FIELD(JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION, IoInfo);
  end_struct();

  STRUCT(JOBOBJECT_BASIC_PROCESS_ID_LIST);
  FIELD(JOBOBJECT_BASIC_PROCESS_ID_LIST, NumberOfAssignedProcesses);
  FIELD(JOBOBJECT_BASIC_PROCESS_ID_LIST, NumberOfProcessIdsInList);
  FIELD(JOBOBJECT_BASIC_PROCESS_ID_LIST, ProcessIdList);
  end_struct();

  STRUCT(JOBOBJECT_ASSOCIATE_COMPLETION_PORT);
  FIELD(JOBOBJECT_ASSOCIATE_COMPLETION_PORT, CompletionKey);
  FIELD(JOBOBJECT_ASSOCIATE_COMPLETION_PORT, CompletionPort);
  end_struct();

  STRUCT(JOBOBJECT_BASIC_UI_RESTRICTIONS);
  FIELD(JOBOBJECT_BASIC_UI_RESTRICTIONS, UIRestrictionsClass);
  end_struct();

  STRUCT(SYSTEM_HANDLE_ENTRY);
  FIELD(SYSTEM_HANDLE_ENTRY, OwnerPid);
  FIELD(SYSTEM_HANDLE_ENTRY, ObjectType);
  FIELD(SYSTEM_HANDLE_ENTRY, HandleFlags);
  FIELD(SYSTEM_HANDLE_ENTRY, HandleValue);
  FIELD(SYSTEM_HANDLE_ENTRY, ObjectPointer);
  FIELD(SYSTEM_HANDLE_ENTRY, AccessMask);
  end_struct();

  STRUCT(SYSTEM_HANDLE_INFORMATION);
  FIELD(SYSTEM_HANDLE_INFORMATION, Count);
  FIELD(SYSTEM_HANDLE_INFORMATION, Handle);
  end_struct();

  STRUCT(MIB_IF_ROW2);
  FIELD(MIB_IF_ROW2, InterfaceLuid);
  FIELD(MIB_IF_ROW2, InterfaceIndex);
  FIELD(MIB_IF_ROW2, InterfaceGuid);
  FIELD(MIB_IF_ROW2, Alias);
  FIELD(MIB_IF_ROW2, Description);
  FIELD(MIB_IF_ROW2, PhysicalAddressLength);
  FIELD(MIB_IF_ROW2, PhysicalAddress);
  FIELD(MIB_IF_ROW2, PermanentPhysicalAddress);
  FIELD(MIB_IF_ROW2, Mtu);
  FIELD(MIB_IF_ROW2, Type);
  FIELD(MIB_IF_ROW2, TunnelType);
  FIELD(MIB_IF_ROW2, MediaType);
  FIELD(MIB_IF_ROW2, PhysicalMediumType);
  FIELD(MIB_IF_ROW2, AccessType);
  FIELD(MIB_IF_ROW2, DirectionType);
  FIELD(MIB_IF_ROW2, InterfaceAndOperStatusFlags);
  FIELD(MIB_IF_ROW2, OperStatus);
  FIELD(MIB_IF_ROW2, AdminStatus);
  FIELD(MIB_IF_ROW2, MediaConnectState);
  FIELD(MIB_IF_ROW2, NetworkGuid);
  FIELD(MIB_IF_ROW2, ConnectionType);
  FIELD(MIB_IF_ROW2, TransmitLinkSpeed);
  FIELD(MIB_IF_ROW2, ReceiveLinkSpeed);
  FIELD(MIB_IF_ROW2, InOctets);
  FIELD(MIB_IF_ROW2, InUcastPkts);
  FIELD(MIB_IF_ROW2, InNUcastPkts);
  FIELD(MIB_IF_ROW2, InDiscards);
  FIELD(MIB_IF_ROW2, InErrors);
  FIELD(MIB_IF_ROW2, InUnknownProtos);
  FIELD(MIB_IF_ROW2, InUcastOctets);
  FIELD(MIB_IF_ROW2, InMulticastOctets);
  FIELD(MIB_IF_ROW2, InBroadcastOctets);
  FIELD(MIB_IF_ROW2, OutOctets);
  FIELD(MIB_IF_ROW2, OutUcastPkts);
  FIELD(MIB_IF_ROW2, OutNUcastPkts);
  FIELD(MIB_IF_ROW2, OutDiscards);
  FIELD(MIB_IF_ROW2, OutErrors);
  FIELD(MIB_IF_ROW2, OutUcastOctets);
  FIELD(MIB_IF_ROW2, OutMulticastOctets);
  FIELD(MIB_IF_ROW2, OutBroadcastOctets);
  FIELD(MIB_IF_ROW2, OutQLen);
  end_struct();

  STRUCT(MIB_IF_TABLE2);
  FIELD(MIB_IF_TABLE2, NumEntries);
  FIELD(MIB_IF_TABLE2, Table);
  end_struct();

  STRUCT(DISK_PERFORMANCE);
  FIELD(DISK_PERFORMANCE, BytesRead);
  FIELD(DISK_PERFORMANCE, BytesWritten);
  FIELD(DISK_PERFORMANCE, ReadTime);
  FIELD(DISK_PERFORMANCE, WriteTime);
  FIELD(DISK_PERFORMANCE, IdleTime);
  FIELD(DISK_PERFORMANCE, ReadCount);
  FIELD(DISK_PERFORMANCE, WriteCount);
  FIELD(DISK_PERFORMANCE, QueueDepth);
  FIELD(DISK_PERFORMANCE, SplitCount);
  FIELD(DISK_PERFORMANCE, QueryTime);
  FIELD(DISK_PERFORMANCE, StorageDeviceNumber);
  FIELD(DISK_PERFORMANCE, StorageManagerName);
  end_struct();

  printf("\n}\n");
  return 0;
}
