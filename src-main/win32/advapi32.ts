/**
 * advapi32.dll bindings for security descriptors: SDDL in and out, and applying an owner and a
 * protected DACL to a folder by name.
 */
import koffi from 'koffi';
import { lazyBindings } from './libraries';
import { BOOL, DWORD, LPCWSTR, PVOID, ULONG, stdcall } from './types';
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
}));

/** SDDL_REVISION_1 (sddl.h). */
export const SDDL_REVISION_1 = 1;
/** SE_OBJECT_TYPE.SE_FILE_OBJECT (accctrl.h). */
export const SE_FILE_OBJECT = 1;
/** SECURITY_INFORMATION bits (winnt.h). */
export const OWNER_SECURITY_INFORMATION = 0x1;
export const DACL_SECURITY_INFORMATION = 0x4;
/** Makes SetNamedSecurityInfoW mark the DACL protected: nothing inherited from the parent. */
export const PROTECTED_DACL_SECURITY_INFORMATION = 0x8000_0000;
