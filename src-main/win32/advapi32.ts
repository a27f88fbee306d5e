/**
 * advapi32.dll bindings: security descriptors (SDDL in and out, applying an owner and a protected
 * DACL to a folder by name) and process tokens (who a process runs as).
 */
import koffi from 'koffi';
import { lazyBindings } from './libraries';
import { BOOL, DWORD, HANDLE, LPCWSTR, PVOID, ULONG, stdcall } from './types';
import type { Pointer } from './types';

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
