/**
 * The admin-only folder where the console keeps settings and logs (under %ProgramData%). The console
 * runs elevated and reads these files back, so a standard user must not be able to write them: the
 * folder is owned by Administrators and has a protected DACL (nothing inherited from ProgramData,
 * whose default ACL lets Users create files) granting full control to SYSTEM and Administrators only.
 */
import koffi from 'koffi';
import path from 'node:path';
import { AppError } from '../core/app-error';
import {
  DACL_SECURITY_INFORMATION,
  OWNER_SECURITY_INFORMATION,
  PROTECTED_DACL_SECURITY_INFORMATION,
  SDDL_REVISION_1,
  SE_FILE_OBJECT,
  advapi32,
} from './advapi32';
import { FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_REPARSE_POINT, INVALID_FILE_ATTRIBUTES, kernel32 } from './kernel32';
import { SECURITY_ATTRIBUTES } from './structs';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

/**
 * Owner Administrators; DACL protected, SYSTEM and Administrators full control, inherited by
 * subfolders and files. Without the owner, whoever created a pre-existing folder would keep the
 * implicit right to rewrite its DACL.
 */
export const ADMIN_ONLY_SDDL = 'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';

const ERROR_SUCCESS = 0;
const ERROR_PATH_NOT_FOUND = 3;
const ERROR_ALREADY_EXISTS = 183;

/** A security descriptor from SDDL, freed with LocalFree when `use` returns. */
function withDescriptor<T>(sddl: string, use: (descriptor: bigint) => T): T {
  const out: [Pointer] = [null];
  if (!advapi32().ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, out, null) || !out[0]) {
    throw Win32Error.fromLastError('ConvertStringSecurityDescriptorToSecurityDescriptorW');
  }
  try {
    return use(out[0]);
  } finally {
    kernel32().LocalFree(out[0]);
  }
}

/** Creates one folder with the descriptor; false if it already exists; creates missing parents the same way. */
function createFolder(folder: string, descriptor: bigint): boolean {
  const attributes = { nLength: koffi.sizeof(SECURITY_ATTRIBUTES), lpSecurityDescriptor: descriptor, bInheritHandle: 0 };
  if (kernel32().CreateDirectoryW(folder, attributes)) return true;
  const error = kernel32().GetLastError();
  if (error === ERROR_ALREADY_EXISTS) return false;
  const parent = path.win32.dirname(folder);
  if (error !== ERROR_PATH_NOT_FOUND || parent === folder) throw Win32Error.fromCode('CreateDirectoryW', error);
  // A parent we create holds our files too, so it gets the same descriptor rather than ProgramData's.
  createFolder(parent, descriptor);
  if (!kernel32().CreateDirectoryW(folder, attributes)) throw Win32Error.fromLastError('CreateDirectoryW');
  return true;
}

/** Sets owner and protected DACL on an existing folder, re-propagating to what is already inside. */
function applyDescriptor(folder: string, descriptor: bigint): void {
  const a = advapi32();
  const owner: [Pointer] = [null];
  const present: [number] = [0];
  const dacl: [Pointer] = [null];
  const defaulted: [number] = [0];
  if (!a.GetSecurityDescriptorOwner(descriptor, owner, defaulted)) throw Win32Error.fromLastError('GetSecurityDescriptorOwner');
  if (!a.GetSecurityDescriptorDacl(descriptor, present, dacl, defaulted)) throw Win32Error.fromLastError('GetSecurityDescriptorDacl');
  const error = a.SetNamedSecurityInfoW(
    folder,
    SE_FILE_OBJECT,
    OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
    owner[0],
    null,
    dacl[0],
    null,
  );
  if (error !== ERROR_SUCCESS) throw Win32Error.fromCode('SetNamedSecurityInfoW', error);
}

/**
 * Makes `folder` (an absolute Windows path) exist as an admin-only folder: created with the
 * descriptor from the first instant, or, if it already exists, given it again (someone may have
 * loosened it). Refuses a link or junction, whose DACL change would land on its target. Returns the
 * absolute path. Every Win32 failure is a Win32Error.
 */
export function ensureAdminOnlyFolder(folder: string): string {
  const absolute = path.win32.resolve(folder);
  withDescriptor(ADMIN_ONLY_SDDL, (descriptor) => {
    if (createFolder(absolute, descriptor)) return;
    const attributes = kernel32().GetFileAttributesW(absolute);
    if (attributes === INVALID_FILE_ATTRIBUTES) throw Win32Error.fromLastError('GetFileAttributesW');
    if (!(attributes & FILE_ATTRIBUTE_DIRECTORY)) throw Win32Error.fromCode('CreateDirectoryW', ERROR_ALREADY_EXISTS);
    if (attributes & FILE_ATTRIBUTE_REPARSE_POINT) {
      throw new AppError('CONFLICT', `Refusing to secure ${absolute}: it is a link or junction, not a folder of its own`);
    }
    applyDescriptor(absolute, descriptor);
  });
  return absolute;
}

/** The folder's owner and DACL as SDDL (GetNamedSecurityInfoW), e.g. to verify ensureAdminOnlyFolder. */
export function readFolderSecurity(folder: string): string {
  const a = advapi32();
  const descriptor: [Pointer] = [null];
  const error = a.GetNamedSecurityInfoW(
    folder,
    SE_FILE_OBJECT,
    OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
    null,
    null,
    null,
    null,
    descriptor,
  );
  if (error !== ERROR_SUCCESS) throw Win32Error.fromCode('GetNamedSecurityInfoW', error);
  try {
    const sddl: [Pointer] = [null];
    if (
      !a.ConvertSecurityDescriptorToStringSecurityDescriptorW(descriptor[0], SDDL_REVISION_1, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, sddl, null) ||
      !sddl[0]
    ) {
      throw Win32Error.fromLastError('ConvertSecurityDescriptorToStringSecurityDescriptorW');
    }
    try {
      return koffi.decode.string16(sddl[0]);
    } finally {
      kernel32().LocalFree(sddl[0]);
    }
  } finally {
    kernel32().LocalFree(descriptor[0]);
  }
}
