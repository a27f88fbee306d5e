/**
 * advapi32.dll bindings: security descriptors (SDDL in and out, applying an owner and a protected
 * DACL to a folder by name), process tokens (who a process runs as), and the Service Control
 * Manager (services/ counts every call it makes through these).
 */
import koffi from 'koffi';
import { lazyBindings } from './libraries';
import { SERVICE_STATUS } from './structs';
import { BOOL, DWORD, HANDLE, LPCWSTR, PVOID, ULONG, WORD, stdcall } from './types';
import type { Pointer } from './types';

/** ControlService's SERVICE_STATUS as koffi copies it out. */
export interface ServiceStatusOut {
  dwServiceType: number;
  dwCurrentState: number;
  dwControlsAccepted: number;
  dwWin32ExitCode: number;
  dwServiceSpecificExitCode: number;
  dwCheckPoint: number;
  dwWaitHint: number;
}

/** The advapi32 functions we call, bound on first use. */
export const advapi32 = lazyBindings('advapi32.dll', (lib) => ({
  /**
   * "ConvertStringSecurityDescriptorToSecurityDescriptorW function (sddl.h)". The descriptor comes
   * back self-relative in memory we must LocalFree.
   */
  ConvertStringSecurityDescriptorToSecurityDescriptorW: stdcall<
    (sddl: string, revision: number, descriptor: [Pointer], size: [number] | null) => number
  >(lib, 'ConvertStringSecurityDescriptorToSecurityDescriptorW', BOOL, [
    LPCWSTR,
    DWORD,
    koffi.out(koffi.pointer(PVOID)),
    koffi.out(koffi.pointer(ULONG)),
  ]),

  /** "ConvertSecurityDescriptorToStringSecurityDescriptorW function (sddl.h)". The string must be LocalFree'd. */
  ConvertSecurityDescriptorToStringSecurityDescriptorW: stdcall<
    (descriptor: Pointer, revision: number, information: number, sddl: [Pointer], length: [number] | null) => number
  >(lib, 'ConvertSecurityDescriptorToStringSecurityDescriptorW', BOOL, [
    PVOID,
    DWORD,
    DWORD,
    koffi.out(koffi.pointer(PVOID)),
    koffi.out(koffi.pointer(ULONG)),
  ]),

  /** "GetSecurityDescriptorDacl function (securitybaseapi.h)": the DACL points into the descriptor. */
  GetSecurityDescriptorDacl: stdcall<(descriptor: Pointer, present: [number], dacl: [Pointer], defaulted: [number]) => number>(
    lib,
    'GetSecurityDescriptorDacl',
    BOOL,
    [PVOID, koffi.out(koffi.pointer(BOOL)), koffi.out(koffi.pointer(PVOID)), koffi.out(koffi.pointer(BOOL))],
  ),

  /** "GetSecurityDescriptorOwner function (securitybaseapi.h)": the SID points into the descriptor. */
  GetSecurityDescriptorOwner: stdcall<(descriptor: Pointer, owner: [Pointer], defaulted: [number]) => number>(
    lib,
    'GetSecurityDescriptorOwner',
    BOOL,
    [PVOID, koffi.out(koffi.pointer(PVOID)), koffi.out(koffi.pointer(BOOL))],
  ),

  /**
   * "SetNamedSecurityInfoW function (aclapi.h)". Returns the Win32 error itself (ERROR_SUCCESS on
   * success) rather than setting the last error. Unlike SetFileSecurityW it also re-propagates the
   * inheritable ACEs to existing children, so files already in the folder lose inherited access too.
   */
  SetNamedSecurityInfoW: stdcall<
    (name: string, objectType: number, information: number, owner: Pointer, group: Pointer, dacl: Pointer, sacl: Pointer) => number
  >(lib, 'SetNamedSecurityInfoW', DWORD, [LPCWSTR, koffi.types.int32, DWORD, PVOID, PVOID, PVOID, PVOID]),

  /** "GetNamedSecurityInfoW function (aclapi.h)". Returns the Win32 error itself; the descriptor must be LocalFree'd. */
  GetNamedSecurityInfoW: stdcall<
    (
      name: string,
      objectType: number,
      information: number,
      owner: Pointer,
      group: Pointer,
      dacl: Pointer,
      sacl: Pointer,
      descriptor: [Pointer],
    ) => number
  >(lib, 'GetNamedSecurityInfoW', DWORD, [LPCWSTR, koffi.types.int32, DWORD, PVOID, PVOID, PVOID, PVOID, koffi.out(koffi.pointer(PVOID))]),

  /**
   * "TreeResetNamedSecurityInfoW function (aclapi.h)": sets owner and DACL on a folder and resets the
   * whole tree below it. With KeepExplicit FALSE every child loses its explicit ACEs and inherits
   * only from the folder, and with an owner every child gets that owner too, so nothing a former owner
   * granted on a file inside survives (SetNamedSecurityInfoW keeps explicit ACEs and owners of
   * children). Returns the Win32 error itself. Wine 8 returns ERROR_SUCCESS and stores nothing.
   */
  TreeResetNamedSecurityInfoW: stdcall<
    (
      name: string,
      objectType: number,
      information: number,
      owner: Pointer,
      group: Pointer,
      dacl: Pointer,
      sacl: Pointer,
      keepExplicit: number,
      progress: Pointer,
      invokeSetting: number,
      args: Pointer,
    ) => number
  >(lib, 'TreeResetNamedSecurityInfoW', DWORD, [
    LPCWSTR,
    koffi.types.int32,
    DWORD,
    PVOID,
    PVOID,
    PVOID,
    PVOID,
    BOOL,
    PVOID,
    koffi.types.int32,
    PVOID,
  ]),

  /** "ConvertSidToStringSidW function (sddl.h)": "S-1-5-32-544"; the string must be LocalFree'd. */
  ConvertSidToStringSidW: stdcall<(sid: Pointer, text: [Pointer]) => number>(lib, 'ConvertSidToStringSidW', BOOL, [
    PVOID,
    koffi.out(koffi.pointer(PVOID)),
  ]),

  /** "OpenProcessToken function (processthreadsapi.h)": needs PROCESS_QUERY_LIMITED_INFORMATION on the process. */
  OpenProcessToken: stdcall<(process: Pointer, access: number, token: [Pointer]) => number>(lib, 'OpenProcessToken', BOOL, [
    HANDLE,
    DWORD,
    koffi.out(koffi.pointer(HANDLE)),
  ]),

  /**
   * "GetTokenInformation function (securitybaseapi.h)": called once with our buffer; ERROR_INSUFFICIENT_BUFFER
   * (122) with the size needed in returnLength when it is too small.
   */
  GetTokenInformation: stdcall<(token: Pointer, infoClass: number, buffer: Buffer, length: number, returnLength: [number]) => number>(
    lib,
    'GetTokenInformation',
    BOOL,
    [HANDLE, koffi.types.int32, PVOID, DWORD, koffi.out(koffi.pointer(DWORD))],
  ),

  /**
   * "LookupAccountSidW function (winbase.h)": the SID is an address (it points into the TOKEN_USER
   * buffer). Name sizes are WCHARs: in, capacity; out, length, or the size needed with ERROR_INSUFFICIENT_BUFFER.
   */
  LookupAccountSidW: stdcall<
    (system: string | null, sid: Pointer, name: Buffer, nameSize: [number], domain: Buffer, domainSize: [number], use: [number]) => number
  >(lib, 'LookupAccountSidW', BOOL, [
    LPCWSTR,
    PVOID,
    PVOID,
    koffi.inout(koffi.pointer(DWORD)),
    PVOID,
    koffi.inout(koffi.pointer(DWORD)),
    koffi.out(koffi.pointer(koffi.types.int32)),
  ]),

  /**
   * "LookupAccountNameW function (winbase.h)": the SID of an account name, into `sid` (bytes, in/out; the
   * size needed with ERROR_INSUFFICIENT_BUFFER) and its domain (WCHARs, in/out).
   */
  LookupAccountNameW: stdcall<
    (system: string | null, account: string, sid: Buffer, sidSize: [number], domain: Buffer, domainSize: [number], use: [number]) => number
  >(lib, 'LookupAccountNameW', BOOL, [
    LPCWSTR,
    LPCWSTR,
    PVOID,
    koffi.inout(koffi.pointer(DWORD)),
    PVOID,
    koffi.inout(koffi.pointer(DWORD)),
    koffi.out(koffi.pointer(koffi.types.int32)),
  ]),

  /**
   * "LookupPrivilegeValueW function (winbase.h)": the LUID a privilege name ("SeDebugPrivilege") has
   * on this system (NULL system name: the local one), written into `luid` (a LUID's 8 bytes).
   */
  LookupPrivilegeValueW: stdcall<(system: string | null, name: string, luid: Buffer) => number>(lib, 'LookupPrivilegeValueW', BOOL, [
    LPCWSTR,
    LPCWSTR,
    PVOID,
  ]),

  /**
   * "AdjustTokenPrivileges function (securitybaseapi.h)": needs TOKEN_ADJUST_PRIVILEGES. It returns
   * TRUE even when it assigned nothing: then the last error is ERROR_NOT_ALL_ASSIGNED (1300), so the
   * last error must be read after success too (it is set to ERROR_SUCCESS when every privilege was
   * adjusted). A token can only enable privileges it holds; it never gains one.
   */
  AdjustTokenPrivileges: stdcall<
    (token: Pointer, disableAll: number, newState: Buffer, previousLength: number, previousState: Buffer | null, returnLength: [number] | null) => number
  >(lib, 'AdjustTokenPrivileges', BOOL, [HANDLE, BOOL, PVOID, DWORD, PVOID, koffi.out(koffi.pointer(DWORD))]),

  // The Service Control Manager. Every SC_HANDLE (manager or service) is closed with CloseServiceHandle.
  // Buffers are passed as PVOID and decoded by services/*-parse.ts: the strings the SCM returns point
  // into the same buffer.

  /** "OpenSCManagerW function (winsvc.h)": NULL machine and database = this machine's SERVICES_ACTIVE_DATABASE. NULL on failure. */
  OpenSCManagerW: stdcall<(machine: string | null, database: string | null, access: number) => Pointer>(lib, 'OpenSCManagerW', HANDLE, [
    LPCWSTR,
    LPCWSTR,
    DWORD,
  ]),

  /** "OpenServiceW function (winsvc.h)": the key name, case-insensitive. NULL on failure (1060 when there is no such service). */
  OpenServiceW: stdcall<(manager: Pointer, name: string, access: number) => Pointer>(lib, 'OpenServiceW', HANDLE, [HANDLE, LPCWSTR, DWORD]),

  /** "CloseServiceHandle function (winsvc.h)": for manager and service handles alike (never CloseHandle). */
  CloseServiceHandle: stdcall<(handle: Pointer) => number>(lib, 'CloseServiceHandle', BOOL, [HANDLE]),

  /**
   * "EnumServicesStatusExW function (winsvc.h)" with SC_ENUM_PROCESS_INFO: ENUM_SERVICE_STATUS_PROCESSW
   * entries, then their strings. The buffer may hold at most 256 KB. When it is too small: ERROR_MORE_DATA
   * with as many entries as fit, the resume handle set to continue, and `needed` the bytes the REMAINING
   * entries need. Wine 8 differs: it ignores the resume handle, returns no entry and `needed` = the total.
   */
  EnumServicesStatusExW: stdcall<
    (
      manager: Pointer,
      infoLevel: number,
      serviceType: number,
      serviceState: number,
      buffer: Buffer,
      size: number,
      needed: [number],
      returned: [number],
      resume: [number],
      group: string | null,
    ) => number
  >(lib, 'EnumServicesStatusExW', BOOL, [
    HANDLE,
    koffi.types.int32,
    DWORD,
    DWORD,
    PVOID,
    DWORD,
    koffi.out(koffi.pointer(DWORD)),
    koffi.out(koffi.pointer(DWORD)),
    koffi.inout(koffi.pointer(DWORD)),
    LPCWSTR,
  ]),

  /** "QueryServiceStatusEx function (winsvc.h)" with SC_STATUS_PROCESS_INFO: one SERVICE_STATUS_PROCESS. Needs SERVICE_QUERY_STATUS. */
  QueryServiceStatusEx: stdcall<(service: Pointer, infoLevel: number, buffer: Buffer, size: number, needed: [number]) => number>(
    lib,
    'QueryServiceStatusEx',
    BOOL,
    [HANDLE, koffi.types.int32, PVOID, DWORD, koffi.out(koffi.pointer(DWORD))],
  ),

  /**
   * "QueryServiceConfigW function (winsvc.h)": QUERY_SERVICE_CONFIGW and its strings (at most 8 KB);
   * ERROR_INSUFFICIENT_BUFFER (122) with the size needed. Needs SERVICE_QUERY_CONFIG.
   */
  QueryServiceConfigW: stdcall<(service: Pointer, buffer: Buffer, size: number, needed: [number]) => number>(lib, 'QueryServiceConfigW', BOOL, [
    HANDLE,
    PVOID,
    DWORD,
    koffi.out(koffi.pointer(DWORD)),
  ]),

  /**
   * "QueryServiceConfig2W function (winsvc.h)": one SERVICE_CONFIG_* level (at most 8 KB); 122 with
   * the size needed. Wine 8 answers ERROR_INVALID_LEVEL (124) for the failure actions.
   */
  QueryServiceConfig2W: stdcall<(service: Pointer, infoLevel: number, buffer: Buffer, size: number, needed: [number]) => number>(
    lib,
    'QueryServiceConfig2W',
    BOOL,
    [HANDLE, DWORD, PVOID, DWORD, koffi.out(koffi.pointer(DWORD))],
  ),

  /**
   * "StartServiceW function (winsvc.h)": `args` is an array of argc LPCWSTRs (built by the caller),
   * which ServiceMain receives after the service name. Returns once the SCM has started the process
   * (the service is then START_PENDING). Needs SERVICE_START.
   */
  StartServiceW: stdcall<(service: Pointer, argc: number, args: Buffer | null) => number>(lib, 'StartServiceW', BOOL, [HANDLE, DWORD, PVOID]),

  /**
   * "ControlService function (winsvc.h)": the status comes back also for some failures (1052, 1061),
   * with the service's current state. Needs SERVICE_STOP, SERVICE_PAUSE_CONTINUE or SERVICE_INTERROGATE.
   */
  ControlService: stdcall<(service: Pointer, control: number, status: ServiceStatusOut) => number>(lib, 'ControlService', BOOL, [
    HANDLE,
    DWORD,
    koffi.out(koffi.pointer(SERVICE_STATUS)),
  ]),

  /**
   * "CreateServiceW function (winsvc.h)": needs SC_MANAGER_CREATE_SERVICE. Dependencies are a
   * double-NUL-terminated list and the password a NUL-terminated string, both passed as buffers we
   * build (and wipe). A NULL start name is LocalSystem. NULL on failure (1073 when the name exists).
   */
  CreateServiceW: stdcall<
    (
      manager: Pointer,
      name: string,
      displayName: string,
      access: number,
      serviceType: number,
      startType: number,
      errorControl: number,
      binaryPath: string,
      loadOrderGroup: string | null,
      tagId: null,
      dependencies: Buffer | null,
      startName: string | null,
      password: Buffer | null,
    ) => Pointer
  >(lib, 'CreateServiceW', HANDLE, [HANDLE, LPCWSTR, LPCWSTR, DWORD, DWORD, DWORD, DWORD, LPCWSTR, LPCWSTR, PVOID, PVOID, LPCWSTR, PVOID]),

  /**
   * "ChangeServiceConfigW function (winsvc.h)": SERVICE_NO_CHANGE (0xFFFFFFFF) for a number and NULL
   * for a string leave that setting alone. Needs SERVICE_CHANGE_CONFIG.
   */
  ChangeServiceConfigW: stdcall<
    (
      service: Pointer,
      serviceType: number,
      startType: number,
      errorControl: number,
      binaryPath: string | null,
      loadOrderGroup: string | null,
      tagId: null,
      dependencies: Buffer | null,
      startName: string | null,
      password: Buffer | null,
      displayName: string | null,
    ) => number
  >(lib, 'ChangeServiceConfigW', BOOL, [HANDLE, DWORD, DWORD, DWORD, LPCWSTR, LPCWSTR, PVOID, PVOID, LPCWSTR, PVOID, LPCWSTR]),

  /**
   * "ChangeServiceConfig2W function (winsvc.h)": one SERVICE_CONFIG_* level; `info` is that level's
   * struct, built by the caller. Failure actions with SC_ACTION_RESTART also need SERVICE_START on the
   * handle, and SC_ACTION_REBOOT needs SeShutdownPrivilege enabled.
   */
  ChangeServiceConfig2W: stdcall<(service: Pointer, infoLevel: number, info: Buffer) => number>(lib, 'ChangeServiceConfig2W', BOOL, [
    HANDLE,
    DWORD,
    PVOID,
  ]),

  /**
   * "DeleteService function (winsvc.h)": marks the service for deletion; it goes once it has stopped
   * and every handle to it is closed (until then 1072, ERROR_SERVICE_MARKED_FOR_DELETE). Needs DELETE.
   */
  /**
   * "EnumDependentServicesW function (winsvc.h)": the services that depend on this one, directly or not,
   * as ENUM_SERVICE_STATUSW entries "in reverse order of their start order" - the order to stop them in.
   * Too small a buffer: ERROR_MORE_DATA with `needed` set. Needs SERVICE_ENUMERATE_DEPENDENTS.
   */
  EnumDependentServicesW: stdcall<(service: Pointer, state: number, buffer: Buffer, size: number, needed: [number], returned: [number]) => number>(
    lib,
    'EnumDependentServicesW',
    BOOL,
    [HANDLE, DWORD, PVOID, DWORD, koffi.out(koffi.pointer(DWORD)), koffi.out(koffi.pointer(DWORD))],
  ),

  DeleteService: stdcall<(service: Pointer) => number>(lib, 'DeleteService', BOOL, [HANDLE]),

  /**
   * "RegisterEventSourceW function (winbase.h)": a handle for ReportEventW, closed with
   * DeregisterEventSource. The source need not be registered; Event Viewer then shows "The description
   * for Event ID N cannot be found" beside the insertion string. Wine 8 returns a fixed fake handle.
   */
  RegisterEventSourceW: stdcall<(server: string | null, source: string) => Pointer>(lib, 'RegisterEventSourceW', HANDLE, [LPCWSTR, LPCWSTR]),

  /** "DeregisterEventSource function (winbase.h)". */
  DeregisterEventSource: stdcall<(eventLog: Pointer) => number>(lib, 'DeregisterEventSource', BOOL, [HANDLE]),

  /**
   * "ReportEventW function (winbase.h)": one entry with insertion strings (each at most 31,839
   * characters) and no user SID or binary data. Wine 8 implements it as a stub that returns TRUE.
   */
  ReportEventW: stdcall<
    (eventLog: Pointer, type: number, category: number, eventId: number, userSid: Pointer, count: number, dataSize: number, strings: string[], data: Pointer) => number
  >(lib, 'ReportEventW', BOOL, [HANDLE, WORD, WORD, DWORD, PVOID, WORD, DWORD, koffi.pointer(LPCWSTR), PVOID]),

  /** "OpenEventLogW function (winbase.h)": a read handle on a log (by source name), closed with CloseEventLog. */
  OpenEventLogW: stdcall<(server: string | null, source: string) => Pointer>(lib, 'OpenEventLogW', HANDLE, [LPCWSTR, LPCWSTR]),

  /**
   * "ReadEventLogW function (winbase.h)": EVENTLOGRECORDs into `buffer`; ERROR_INSUFFICIENT_BUFFER (122)
   * with the size needed, ERROR_HANDLE_EOF (38) at the end.
   */
  ReadEventLogW: stdcall<
    (eventLog: Pointer, flags: number, offset: number, buffer: Buffer, size: number, read: [number], needed: [number]) => number
  >(lib, 'ReadEventLogW', BOOL, [HANDLE, DWORD, DWORD, PVOID, DWORD, koffi.out(koffi.pointer(DWORD)), koffi.out(koffi.pointer(DWORD))]),

  /** "CloseEventLog function (winbase.h)". */
  CloseEventLog: stdcall<(eventLog: Pointer) => number>(lib, 'CloseEventLog', BOOL, [HANDLE]),

  /**
   * "RegGetValueW function (winreg.h)": one value of a key below a root key, without opening the key
   * ourselves. Returns the Win32 error itself (ERROR_SUCCESS on success; ERROR_FILE_NOT_FOUND when the key
   * or value is absent; ERROR_MORE_DATA with `size` set when the buffer is too small). `size` is in bytes,
   * in and out. Used to read what the SCM stores for a service (its DependOnService) where the SCM's own
   * answer cannot be trusted (Wine 8 reads dependencies back empty).
   */
  RegGetValueW: stdcall<
    (root: bigint, subKey: string, value: string, flags: number, type: [number] | null, data: Buffer | null, size: [number]) => number
  >(lib, 'RegGetValueW', koffi.types.int32, [HANDLE, LPCWSTR, LPCWSTR, DWORD, koffi.out(koffi.pointer(DWORD)), PVOID, koffi.inout(koffi.pointer(DWORD))]),

  // The registry calls below write a hosted service's `Parameters` key (win32/services/parameters-key.ts).
  // Each returns the Win32 error itself (an LSTATUS, ERROR_SUCCESS = 0), never through GetLastError.

  /** "RegOpenKeyExW function (winreg.h)". */
  RegOpenKeyExW: stdcall<(root: bigint, subKey: string, options: number, access: number, key: [Pointer]) => number>(
    lib,
    'RegOpenKeyExW',
    koffi.types.int32,
    [HANDLE, LPCWSTR, DWORD, DWORD, koffi.out(koffi.pointer(HANDLE))],
  ),

  /** "RegCreateKeyExW function (winreg.h)": opens the key, creating it (and its parents) when absent. */
  RegCreateKeyExW: stdcall<
    (root: bigint, subKey: string, reserved: number, cls: string | null, options: number, access: number, security: null, key: [Pointer], disposition: [number] | null) => number
  >(lib, 'RegCreateKeyExW', koffi.types.int32, [HANDLE, LPCWSTR, DWORD, LPCWSTR, DWORD, DWORD, PVOID, koffi.out(koffi.pointer(HANDLE)), koffi.out(koffi.pointer(DWORD))]),

  /** "RegSetValueExW function (winreg.h)": `data` holds `size` bytes in the value type's own layout. */
  RegSetValueExW: stdcall<(key: bigint, name: string, reserved: number, type: number, data: Buffer, size: number) => number>(
    lib,
    'RegSetValueExW',
    koffi.types.int32,
    [HANDLE, LPCWSTR, DWORD, DWORD, PVOID, DWORD],
  ),

  /**
   * "RegQueryInfoKeyW function (winreg.h)": here the number of values, the longest value name (characters,
   * without the NUL) and the longest data (bytes), to size RegEnumValueW's buffers once.
   */
  RegQueryInfoKeyW: stdcall<
    (
      key: bigint,
      cls: null,
      clsLength: null,
      reserved: null,
      subKeys: null,
      maxSubKeyLength: null,
      maxClassLength: null,
      values: [number],
      maxValueNameLength: [number],
      maxValueLength: [number],
      securityDescriptor: null,
      lastWrite: null,
    ) => number
  >(lib, 'RegQueryInfoKeyW', koffi.types.int32, [
    HANDLE,
    PVOID,
    PVOID,
    PVOID,
    PVOID,
    PVOID,
    PVOID,
    koffi.out(koffi.pointer(DWORD)),
    koffi.out(koffi.pointer(DWORD)),
    koffi.out(koffi.pointer(DWORD)),
    PVOID,
    PVOID,
  ]),

  /** "RegEnumValueW function (winreg.h)": value `index`'s name (chars in/out, NUL excluded on return), type and data. */
  RegEnumValueW: stdcall<
    (key: bigint, index: number, name: Buffer, nameLength: [number], reserved: null, type: [number], data: Buffer, dataLength: [number]) => number
  >(lib, 'RegEnumValueW', koffi.types.int32, [
    HANDLE,
    DWORD,
    PVOID,
    koffi.inout(koffi.pointer(DWORD)),
    PVOID,
    koffi.out(koffi.pointer(DWORD)),
    PVOID,
    koffi.inout(koffi.pointer(DWORD)),
  ]),

  /** "RegRenameKey function (winreg.h)": renames the subkey `oldName` of `key`; fails if `newName` exists. */
  RegRenameKey: stdcall<(key: bigint, oldName: string, newName: string) => number>(lib, 'RegRenameKey', koffi.types.int32, [HANDLE, LPCWSTR, LPCWSTR]),

  /** "RegDeleteTreeW function (winreg.h)": the subkey and everything below it. */
  RegDeleteTreeW: stdcall<(key: bigint, subKey: string) => number>(lib, 'RegDeleteTreeW', koffi.types.int32, [HANDLE, LPCWSTR]),

  /** "RegCloseKey function (winreg.h)". */
  RegCloseKey: stdcall<(key: bigint) => number>(lib, 'RegCloseKey', koffi.types.int32, [HANDLE]),
}));

/** TOKEN_QUERY and TOKEN_ADJUST_PRIVILEGES (winnt.h). */
export const TOKEN_QUERY = 0x0008;
export const TOKEN_ADJUST_PRIVILEGES = 0x0020;
/** SE_PRIVILEGE_ENABLED (winnt.h): in LUID_AND_ATTRIBUTES.Attributes, the privilege is on. */
export const SE_PRIVILEGE_ENABLED = 0x0000_0002;
/** TOKEN_INFORMATION_CLASS values (winnt.h). */
export const TokenUser = 1;
export const TokenPrivileges = 3;
export const TokenElevation = 20;
/** PROG_INVOKE_SETTING.ProgressInvokeNever (accctrl.h): no progress callback. */
export const ProgressInvokeNever = 1;

/** SDDL_REVISION_1 (sddl.h). */
export const SDDL_REVISION_1 = 1;
/** SE_OBJECT_TYPE.SE_FILE_OBJECT (accctrl.h). */
export const SE_FILE_OBJECT = 1;
/** SECURITY_INFORMATION bits (winnt.h). */
export const OWNER_SECURITY_INFORMATION = 0x1;
export const DACL_SECURITY_INFORMATION = 0x4;
/** Makes SetNamedSecurityInfoW mark the DACL protected: nothing inherited from the parent. */
export const PROTECTED_DACL_SECURITY_INFORMATION = 0x8000_0000;
